import type { DeskSettings } from '../../../shared/contract/index.js';

/** Where the desk keeps its settings: electron-store in the desktop app, a lowdb file in the browser host. */
export interface SettingsStore {
  get(): DeskSettings;
  update(patch: Partial<DeskSettings>): DeskSettings;
}

export const DEFAULT_SETTINGS: DeskSettings = { language: 'zh-CN', timeZone: 'Asia/Shanghai' };

/** Settings kept in memory: for tests and the command line. */
export function memorySettings(initial: Partial<DeskSettings> = {}): SettingsStore {
  let current: DeskSettings = { ...DEFAULT_SETTINGS, ...initial };
  return {
    get: () => current,
    update: (patch) => (current = { ...current, ...patch }),
  };
}
