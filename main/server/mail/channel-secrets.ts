// The mailbox, SMTP and phone-system settings hold passwords and a token, so they live in the
// desk's SecretStore (outside the data folder), not in settings.json or the store.
import { randomBytes } from 'node:crypto';
import type { AFTER_IMPORT, ChannelSettingsView } from '../../../shared/contract/channels.js';
import type { SecretStore } from '../secrets/secret-store.js';

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

/** The name the channel settings are kept under in the desk's SecretStore. */
export const CHANNEL_SECRETS = 'channels';
const EMPTY: ChannelSecrets = { imap: null, smtp: null, ctiToken: null };

export async function readChannelSecrets(secrets: SecretStore): Promise<ChannelSecrets> {
  const text = await secrets.get(CHANNEL_SECRETS);
  return { ...EMPTY, ...(text ? (JSON.parse(text) as Partial<ChannelSecrets>) : {}) };
}

export const writeChannelSecrets = (secrets: SecretStore, value: ChannelSecrets) => secrets.set(CHANNEL_SECRETS, JSON.stringify(value));

export const newCtiToken = () => randomBytes(24).toString('base64url');

export function toSettingsView(secrets: ChannelSecrets, lastFetch?: ChannelSettingsView['lastFetch']): ChannelSettingsView {
  const { imap, smtp } = secrets;
  return {
    imap: imap && { ...withoutPassword(imap), passwordSet: imap.password !== '' },
    smtp: smtp && { ...withoutPassword(smtp), passwordSet: smtp.password !== '' },
    ctiTokenSet: !!secrets.ctiToken,
    ...(lastFetch ? { lastFetch } : {}),
  };
}

function withoutPassword<T extends { password: string }>(settings: T): Omit<T, 'password'> {
  const { password: _password, ...rest } = settings;
  return rest;
}
