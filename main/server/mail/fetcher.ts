// Fetches new mail from the manager's mailbox: incremental by UID within a UIDVALIDITY, the
// position stored with each mail's case, so a restart or a dropped connection resumes where
// the last recorded mail left off. Mail is only moved or deleted when the setting says so.
// On the team server the position and the Message-IDs are records in PostgreSQL like any other.
import { createHash } from 'node:crypto';
import { ImapFlow } from 'imapflow';
import type { ChannelSettingsView } from '../../../shared/contract/channels.js';
import type { CaseStore, Change } from '../../store/types.js';
import type { Services } from '../context.js';
import { readChannelSecrets, type ImapSettings } from './channel-secrets.js';
import { takeInMail } from './intake.js';
import { MAILBOX_STATE } from '../../../shared/domain/entities.js';


interface MailboxState {
  id: string;
  uidValidity: string;
  lastUid: number;
}

export interface FetchResult {
  imported: number;
  setAside: number;
}

export interface MailFetcher {
  /** One round now (waits for a round already running instead of starting a second). */
  fetchNow(): Promise<FetchResult>;
  /** No more rounds; resolves once the round under way, if any, has ended. */
  stop(): Promise<void>;
}

/** How a host runs the fetcher: the team server puts each step in a PostgreSQL transaction and lets one process fetch. */
export interface FetchHost {
  /** Runs a step that reads or writes the store; by default at once, on the team server in one transaction. */
  inStore<T>(work: () => T | Promise<T>): Promise<T>;
  /** Whether this process may fetch now (on the team server: it holds the center's mail lock). */
  mayFetch(): Promise<boolean>;
}

const LOCAL: FetchHost = { inStore: async (work) => work(), mayFetch: async () => true };

const running = new WeakMap<CaseStore, Promise<FetchResult>>();
const lastFetch = new WeakMap<CaseStore, NonNullable<ChannelSettingsView['lastFetch']>>();

export const lastFetchOf = (store: CaseStore) => lastFetch.get(store);

/**
 * Starts fetching every intervalMs (default 60 s) while a mailbox is set. A desk on its own and
 * the team server call this; a desk joined to a team server does not (one case per mail).
 */
export function startMailFetcher(services: Services, options: { intervalMs?: number; host?: FetchHost } = {}): MailFetcher {
  const round = () => fetchMail(services, options.host);
  const timer =
    options.intervalMs === 0
      ? undefined
      : setInterval(() => {
          round().catch(() => undefined);
        }, options.intervalMs ?? 60_000);
  timer?.unref();
  return {
    fetchNow: round,
    stop() {
      clearInterval(timer);
      return (running.get(services.store) ?? Promise.resolve()).then(
        () => undefined,
        () => undefined,
      );
    },
  };
}

/** One round; concurrent callers share the round in progress. Errors are remembered for the settings screen. */
export function fetchMail(services: Services, host: FetchHost = LOCAL): Promise<FetchResult> {
  const current = running.get(services.store);
  if (current) return current;
  const result = (async () => {
    const { imap } = await readChannelSecrets(services.secrets);
    if (!imap || !(await host.mayFetch())) return { imported: 0, setAside: 0 };
    return fetchRound(services, imap, host).then(
      (done) => {
        lastFetch.set(services.store, { at: services.now().toISOString(), ok: true, imported: done.imported });
        return done;
      },
      (error: unknown) => {
        const message = error instanceof Error ? error.message : String(error);
        lastFetch.set(services.store, { at: services.now().toISOString(), ok: false, imported: 0, message });
        throw error;
      },
    );
  })().finally(() => running.delete(services.store));
  running.set(services.store, result);
  return result;
}

async function fetchRound(services: Services, imap: ImapSettings, host: FetchHost): Promise<FetchResult> {
  const client = new ImapFlow({
    host: imap.host,
    port: imap.port,
    secure: imap.tls,
    doSTARTTLS: imap.tls ? undefined : false,
    auth: { user: imap.user, pass: imap.password },
    logger: false,
    connectionTimeout: 15_000,
    socketTimeout: 60_000,
  });
  client.on('error', () => undefined); // a dropped connection fails the round; the next round reconnects
  await client.connect();
  const done: FetchResult = { imported: 0, setAside: 0 };
  try {
    const lock = await client.getMailboxLock(imap.folder);
    try {
      const mailbox = client.mailbox;
      if (!mailbox) throw new Error(`cannot open ${imap.folder}`);
      const stateId = mailboxKey(imap);
      const uidValidity = String(mailbox.uidValidity);
      const state = await host.inStore(() => services.store.get<MailboxState & { [k: string]: unknown }>(MAILBOX_STATE, stateId));
      // A new UIDVALIDITY renumbers the mailbox: start over; Message-IDs keep old mail from becoming new cases.
      const after = state?.uidValidity === uidValidity ? state.lastUid : 0;
      const uids = ((await client.search({ uid: `${after + 1}:*` }, { uid: true })) || []).filter((uid) => uid > after).sort((a, b) => a - b);
      for (const uid of uids) {
        const message = await client.fetchOne(String(uid), { uid: true, source: true }, { uid: true });
        if (!message || !message.source) continue;
        const position: Change = { entity: MAILBOX_STATE, id: stateId, op: 'put', record: { id: stateId, uidValidity, lastUid: uid } };
        const outcome = await takeInMail(services, { raw: message.source, uid, mailbox: imap.folder, position }, host.inStore);
        if (outcome.kind === 'set-aside') done.setAside++;
        else if (outcome.kind !== 'duplicate') done.imported++;
        if (imap.afterImport === 'move') await client.messageMove(String(uid), imap.moveTo, { uid: true });
        if (imap.afterImport === 'delete') await client.messageDelete(String(uid), { uid: true });
      }
    } finally {
      lock.release();
    }
  } finally {
    await client.logout().catch(() => client.close());
  }
  return done;
}

const mailboxKey = (imap: ImapSettings) => createHash('sha256').update(`${imap.user}@${imap.host}:${imap.port}/${imap.folder}`).digest('hex').slice(0, 32);
