import { z } from 'zod';
import { call } from './define.js';

export const LANGUAGES = ['zh-CN', 'en'] as const;

export interface DeskSettings {
  language: (typeof LANGUAGES)[number];
  /** Set once someone picks a language; until then the interface follows the browser's. */
  languageChosen?: boolean;
  timeZone: string;
  lastOperator?: string;
  /** The team server this desk joined (a team desk); absent: the desk works on its own. */
  teamUrl?: string;
  /** How long after the last online sign-in an operator may sign in while the team server is unreachable. */
  offlineSignInHours?: number;
  /** A team desk keeps settled cases changed in the last this many days (open ones always); older ones stay on the server. */
  replicaDays?: number;
}

/** The team desk's replica window in days: whole days, a week to ten years. */
export const replicaDays = z.number('a number of days').int('whole days').min(7, 'at least 7 days').max(3650, 'at most 3650 days');

const timeZone = z.string().refine((zone) => {
  try {
    new Intl.DateTimeFormat('en', { timeZone: zone });
    return true;
  } catch {
    return false;
  }
}, 'not an IANA time zone');

export const settingsCalls = {
  'settings.get': call<DeskSettings>()({ access: 'public', input: z.object({}).strict() }),
  'settings.update': call<DeskSettings>()({
    access: 'agent',
    input: z.object({ language: z.enum(LANGUAGES).optional() }).strict(),
  }),
  'settings.updateDesk': call<DeskSettings>()({
    access: 'manager',
    input: z.object({ timeZone: timeZone.optional(), replicaDays: replicaDays.optional() }).strict(),
  }),
};
