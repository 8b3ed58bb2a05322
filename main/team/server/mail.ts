// The center's mailbox. Only the team server fetches (a joined desk never does), and of its
// processes only the one holding the mail advisory lock: one case per mail for the center. Each
// mail is taken in through the desk's own intake in one PostgreSQL transaction (order lock,
// gap-free position, every desk pulls it); the mailbox position and the Message-IDs are records
// in that same transaction, so a second process or a restart never makes a second case.
import type pg from 'pg';
import { startMailFetcher, type MailFetcher } from '../../server/mail/fetcher.js';
import { setDeskIdPrefix } from '../../server/ids.js';
import type { SecretStore } from '../../server/secrets/secret-store.js';
import type { TeamCenter } from './center.js';

export const MAIL_LOCK = 7_311_003;

/** The center's passwords (mailbox, SMTP) and the phone token live in the team database. */
export function pgSecretStore(pool: pg.Pool): SecretStore {
  return {
    async get(name) {
      const { rows } = await pool.query<{ value: string }>('SELECT value FROM secrets WHERE name = $1', [name]);
      return rows[0]?.value ?? null;
    },
    async set(name, value) {
      if (value === null) await pool.query('DELETE FROM secrets WHERE name = $1', [name]);
      else await pool.query('INSERT INTO secrets (name, value) VALUES ($1, $2) ON CONFLICT (name) DO UPDATE SET value = $2, updated_at = now()', [name, value]);
    },
  };
}

export function startCenterMail(center: TeamCenter, lock: { held(): Promise<boolean> }, intervalMs = 60_000): MailFetcher {
  return startMailFetcher(center.desk.services, {
    intervalMs,
    host: {
      mayFetch: () => lock.held(),
      // The center numbers what the mailbox opens, whichever desk's command ran last.
      inStore: (work) =>
        center.transact(async () => {
          setDeskIdPrefix(center.store, '');
          return work();
        }),
    },
  });
}

/** A command's input as the commands table keeps it: channel passwords are never written there. */
export function withoutPasswords(call: string, input: unknown): unknown {
  if (call !== 'channels.update' || !input || typeof input !== 'object') return input;
  const hide = (server: unknown) => (server && typeof server === 'object' && 'password' in server ? { ...server, password: '(set)' } : server);
  const { imap, smtp, ...rest } = input as { imap?: unknown; smtp?: unknown };
  return { ...rest, ...(imap !== undefined ? { imap: hide(imap) } : {}), ...(smtp !== undefined ? { smtp: hide(smtp) } : {}) };
}
