import Store from 'electron-store';
import type { DeskSettings } from '../../shared/contract/index.js';
import { DEFAULT_SETTINGS, type SettingsStore } from '../server/settings/settings-store.js';

export interface WindowBounds {
  x?: number;
  y?: number;
  width: number;
  height: number;
}

interface Schema {
  settings: DeskSettings;
  windowBounds: WindowBounds;
}

/** The desktop app's settings and window bounds, in electron-store. */
export function electronSettings() {
  const store = new Store<Schema>({
    name: 'settings',
    defaults: { settings: DEFAULT_SETTINGS, windowBounds: { width: 1366, height: 768 } },
  });
  const settings: SettingsStore = {
    get: () => ({ ...DEFAULT_SETTINGS, ...store.get('settings') }),
    update(patch) {
      const next = { ...settings.get(), ...patch };
      store.set('settings', next);
      return next;
    },
  };
  return {
    settings,
    windowBounds: () => store.get('windowBounds'),
    saveWindowBounds: (bounds: WindowBounds) => store.set('windowBounds', bounds),
  };
}
