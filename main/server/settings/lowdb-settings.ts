import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { LowSync } from 'lowdb';
import { JSONFileSync } from 'lowdb/node';
import type { DeskSettings } from '../../../shared/contract/index.js';
import { DEFAULT_SETTINGS, type SettingsStore } from './settings-store.js';

/** Settings for the browser host and the command line: a small lowdb document in the data directory. */
export function lowdbSettings(dataDir: string): SettingsStore {
  mkdirSync(dataDir, { recursive: true });
  const db = new LowSync<DeskSettings>(new JSONFileSync(join(dataDir, 'settings.json')), DEFAULT_SETTINGS);
  db.read();
  db.data = { ...DEFAULT_SETTINGS, ...db.data };
  return {
    get: () => db.data,
    update(patch) {
      db.data = { ...db.data, ...patch };
      db.write();
      return db.data;
    },
  };
}
