import { existsSync, mkdirSync, readFileSync, renameSync } from 'node:fs';
import { join } from 'node:path';
import { LowSync } from 'lowdb';
import { JSONFileSync } from 'lowdb/node';
import type { DeskSettings } from '../../../shared/contract/index.js';
import { DEFAULT_SETTINGS, type SettingsStore } from './settings-store.js';

/**
 * A settings.json that is not a JSON object is moved aside (never overwritten) and the
 * defaults are used; the notice names both files.
 */
function setAsideIfDamaged(file: string): string[] {
  if (!existsSync(file)) return [];
  try {
    const parsed: unknown = JSON.parse(readFileSync(file, 'utf8'));
    if (typeof parsed === 'object' && parsed !== null && !Array.isArray(parsed)) return [];
  } catch {
    // damaged: set aside below
  }
  const aside = `${file}.damaged-${new Date().toISOString().replace(/[-:]/g, '').replace(/\.\d+Z$/, 'Z')}`;
  renameSync(file, aside);
  return [`${file} could not be read, so it was moved to ${aside} and the default settings are used`];
}

/** Settings for the browser host and the command line: a small lowdb document in the data directory. */
export function lowdbSettings(dataDir: string): SettingsStore & { notices: string[] } {
  mkdirSync(dataDir, { recursive: true });
  const file = join(dataDir, 'settings.json');
  const notices = setAsideIfDamaged(file);
  const db = new LowSync<DeskSettings>(new JSONFileSync(file), DEFAULT_SETTINGS);
  db.read();
  db.data = { ...DEFAULT_SETTINGS, ...db.data };
  return {
    notices,
    get: () => db.data,
    update(patch) {
      const before = db.data;
      db.data = { ...before, ...patch };
      try {
        db.write();
      } catch (error) {
        db.data = before; // not written (disk full): not in force either
        throw error;
      }
      return db.data;
    },
  };
}
