// The mailbox, SMTP and phone-system settings hold passwords and a token, so they live in
// their own file readable by the desk's user only (0600), not in settings.json.
import { randomBytes } from 'node:crypto';
import { chmodSync, existsSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { AFTER_IMPORT, ChannelSettingsView } from '../../../shared/contract/channels.js';

export interface ImapSettings {
  host: string;
  port: number;
  tls: boolean;
  user: string;
  password: string;
  folder: string;
  afterImport: (typeof AFTER_IMPORT)[number];
  moveTo: string;
}

export interface SmtpSettings {
  host: string;
  port: number;
  tls: boolean;
  user: string;
  password: string;
  from: string;
}

export interface ChannelSecrets {
  imap: ImapSettings | null;
  smtp: SmtpSettings | null;
  ctiToken: string | null;
}

export const SECRETS_FILE = 'channel-secrets.json';
const EMPTY: ChannelSecrets = { imap: null, smtp: null, ctiToken: null };

export function readChannelSecrets(dataDir: string): ChannelSecrets {
  const file = join(dataDir, SECRETS_FILE);
  if (!existsSync(file)) return EMPTY;
  return { ...EMPTY, ...(JSON.parse(readFileSync(file, 'utf8')) as Partial<ChannelSecrets>) };
}

/** Written to a temp file with mode 0600 and renamed, so a crash leaves the old or the new file whole. */
export function writeChannelSecrets(dataDir: string, secrets: ChannelSecrets): void {
  const file = join(dataDir, SECRETS_FILE);
  const temp = `${file}.${process.pid}.tmp`;
  writeFileSync(temp, JSON.stringify(secrets, null, 2), { mode: 0o600 });
  chmodSync(temp, 0o600);
  renameSync(temp, file);
}

export const newCtiToken = () => randomBytes(24).toString('base64url');

export function toSettingsView(secrets: ChannelSecrets, lastFetch?: ChannelSettingsView['lastFetch']): ChannelSettingsView {
  const { imap, smtp } = secrets;
  return {
    imap: imap && { ...withoutPassword(imap), passwordSet: imap.password !== '' },
    smtp: smtp && { ...withoutPassword(smtp), passwordSet: smtp.password !== '' },
    ctiToken: secrets.ctiToken,
    ...(lastFetch ? { lastFetch } : {}),
  };
}

function withoutPassword<T extends { password: string }>(settings: T): Omit<T, 'password'> {
  const { password: _password, ...rest } = settings;
  return rest;
}
