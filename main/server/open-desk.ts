// Opens the data directory and the desk on it: shared by the Electron shell, the browser host and tests.
import { openCaseStore } from '../store/index.js';
import { createDesk, type Desk } from './desk.js';
import type { SettingsStore } from './settings/settings-store.js';

export interface OpenedDesk {
  desk: Desk;
  /** What the store found on opening (recovered records, damaged files), in plain words. */
  notices: string[];
  close(): Promise<void>;
}

export async function openDesk(options: { dataDir: string; settings: SettingsStore; now?: () => Date }): Promise<OpenedDesk> {
  const store = await openCaseStore(options.dataDir, { now: options.now });
  const desk = createDesk({ store, settings: options.settings, now: options.now ?? (() => new Date()) });
  return { desk, notices: store.openReport.notices, close: () => store.close() };
}
