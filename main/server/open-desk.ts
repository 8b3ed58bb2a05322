// Opens the data directory and the desk on it: shared by the Electron shell, the browser host and tests.
import { openCaseStore } from '../store/index.js';
import { createDesk, type Desk } from './desk.js';
import { startSlaMonitor, type SlaMonitor } from './work-orders/sla-monitor.js';
import type { SettingsStore } from './settings/settings-store.js';
import { openTeamDesk } from '../team/desk/open.js';

export interface OpenedDesk {
  desk: Desk;
  /** What the store found on opening (recovered records, damaged files), in plain words. */
  notices: string[];
  /** Re-assesses open work orders every slaIntervalMs (default 15 s); tests call tick(). */
  slaMonitor: SlaMonitor;
  close(): Promise<void>;
}

export async function openDesk(options: {
  dataDir: string;
  settings: SettingsStore;
  now?: () => Date;
  /** SLA monitor period; 0 starts no timer (call slaMonitor.tick() by hand). */
  slaIntervalMs?: number;
  /** The team server to join; without it the desk works on its own local store. */
  teamUrl?: string;
}): Promise<OpenedDesk> {
  if (options.teamUrl) return openTeamDesk({ ...options, teamUrl: options.teamUrl });
  const store = await openCaseStore(options.dataDir, { now: options.now });
  const desk = createDesk({ store, settings: options.settings, dataDir: options.dataDir, now: options.now ?? (() => new Date()) });
  const slaMonitor = startSlaMonitor(desk.services, { intervalMs: options.slaIntervalMs, autoStart: options.slaIntervalMs !== 0 });
  return {
    desk,
    notices: store.openReport.notices,
    slaMonitor,
    close: () => {
      slaMonitor.stop();
      return store.close();
    },
  };
}
