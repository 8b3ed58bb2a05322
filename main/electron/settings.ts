import { existsSync, renameSync } from 'node:fs';
import { join } from 'node:path';
import { app } from 'electron';
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
  const options = { name: 'settings', defaults: { settings: DEFAULT_SETTINGS, windowBounds: { width: 1366, height: 768 } } };
  let store: Store<Schema>;
  const notices: string[] = [];
  try {
    store = new Store<Schema>(options);
  } catch (error) {
    // A damaged settings.json: move it aside (never overwrite it), name it, start on defaults.
    const file = join(app.getPath('userData'), 'settings.json');
    const aside = `${file}.damaged-${Date.now()}`;
    if (existsSync(file)) renameSync(file, aside);
    notices.push(`${file} could not be read (${error instanceof Error ? error.message : String(error)}), so it was moved to ${aside} and the default settings are used`);
    store = new Store<Schema>(options);
  }
  const settings: SettingsStore = {
    get: () => ({ ...DEFAULT_SETTINGS, ...store.get('settings') }),
    update(patch) {
      const next = { ...settings.get(), ...patch };
      store.set('settings', next);
      return next;
    },
  };
  return {
    notices,
    settings,
    windowBounds: () => store.get('windowBounds'),
    saveWindowBounds: (bounds: WindowBounds) => store.set('windowBounds', bounds),
  };
}
