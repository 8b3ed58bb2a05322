// Opens the data directory and the desk on it: shared by the Electron shell, the browser host and tests.
import { fileKeyProvider, keyDirFor, openCaseStore, type KeyProvider } from '../store/index.js';
import { createDesk, type Desk } from './desk.js';
import { startSlaMonitor, type SlaMonitor } from './work-orders/sla-monitor.js';
import type { SettingsStore } from './settings/settings-store.js';
import { startMailFetcher, type MailFetcher } from './mail/fetcher.js';
import { openTeamDesk } from '../team/desk/open.js';
import { warmDashboard } from './dashboard/app.js';
import { warmQueue } from './work-orders/queue.js';
import type { SecretStore } from './secrets/secret-store.js';
import { localSecretStore, moveLegacySecrets } from './secrets/file-secret-store.js';
import { CHANNEL_SECRETS } from './mail/channel-secrets.js';
import { traceMark } from './mem-trace.js';

export interface OpenedDesk {
  desk: Desk;
  /** What the store found on opening (recovered records, damaged files), in plain words. */
  notices: string[];
  /** Re-assesses open work orders every slaIntervalMs (default 15 s); tests call tick(). */
  slaMonitor: SlaMonitor;
  /** Absent in a desk joined to a team server: there only the server fetches (startMailFetcher). */
  mailFetcher?: MailFetcher | null;
  close(): Promise<void>;
}

export async function openDesk(options: {
  dataDir: string;
  settings: SettingsStore;
  now?: () => Date;
  /** SLA monitor period; 0 starts no timer (call slaMonitor.tick() by hand). */
  slaIntervalMs?: number;
  /** False starts no mailbox fetcher (a desk joined to a team server never has one). Default true. */
  fetchMail?: boolean;
  /** Mailbox round period (default 60 s); 0 starts no timer (call mailFetcher.fetchNow()). */
  mailIntervalMs?: number;
  /** The team server to join; without it the desk works on its own local store. */
  teamUrl?: string;
  /** Where passwords and tokens are kept (Electron: safeStorage); default a 0600 file in the key folder. */
  secrets?: SecretStore;
  /** The key folder (outside dataDir) for the default secret file; default defaultKeyDir(). */
  keyDir?: string;
  /** Where the local store's anchor key lives (Electron: safeStorage); default a 0600 file in the key folder. In team mode the team server is the center's anchor; the replica keeps the local key so the desk can leave the team again. */
  keys?: KeyProvider;
}): Promise<OpenedDesk> {
  const secrets = options.secrets ?? localSecretStore(options.dataDir, options.keyDir);
  await moveLegacySecrets(options.dataDir, secrets, CHANNEL_SECRETS);
  const keys = options.keys ?? fileKeyProvider(keyDirFor(options.dataDir, options.keyDir));
  // A joined desk never fetches mail: the team server does, so each mail makes one case for the center.
  if (options.teamUrl) return openTeamDesk({ ...options, secrets, keys, teamUrl: options.teamUrl });
  traceMark('open');
  const store = await openCaseStore(options.dataDir, { now: options.now, keys });
  traceMark('store opened');
  void store.searchReady.then(() => traceMark('search ready'));
  void store.idle().then(() => traceMark('background idle'));
  const desk = createDesk({ store, settings: options.settings, dataDir: options.dataDir, secrets, now: options.now ?? (() => new Date()) });
  // In slices from the start, beside the search index's build: the open cases' SLA (the queue's
  // order); once the index is built, every case's dashboard figures. Not on the first request.
  const queueWarm = warmQueue(desk.services);
  void queueWarm.then(() => traceMark('queue warm'));
  void Promise.all([queueWarm, store.searchReady]).then(() => (traceMark('dashboard warm start'), warmDashboard(desk.services)), () => undefined).then(() => traceMark('dashboard warm'));
  const slaMonitor = startSlaMonitor(desk.services, { intervalMs: options.slaIntervalMs, autoStart: options.slaIntervalMs !== 0 });
  const mailFetcher = options.fetchMail === false ? null : startMailFetcher(desk.services, { intervalMs: options.mailIntervalMs });
  return {
    desk,
    notices: store.openReport.notices,
    slaMonitor,
    mailFetcher,
    close: () => {
      slaMonitor.stop();
      mailFetcher?.stop();
      desk.services.downloads.close();
      return store.close();
    },
  };
}
