// Every kind of record the desk stores, by the name the store files it under: the one place
// these names are written (the store itself knows none of them). The renderer names them to
// say which changes refresh a query.

export const CASES = 'cases';
export const CUSTOMERS = 'customers';
/** Customer orders: what the billing system sold, the basis of refunds (policy section 5). */
export const ORDERS = 'orders';
export const OPERATORS = 'operators';
/** Key events of work orders (outages, incidents) awaiting a supervisor's review. */
export const KEY_EVENTS = 'keyEvents';
/** Credits granted by approved compensation and ICP rewards. */
export const CREDITS = 'credits';
/** Who holds an administrative role on a customer account (id '<account>:<role>'). */
export const ACCOUNT_ROLES = 'accountRoles';
/** Policy versions a manager published; the bundled ones are always there too. */
export const POLICY_VERSIONS = 'policyVersions';
/** One record, id 'desk': the manager's additions and removals to the bundled holiday calendar. */
export const CALENDAR = 'calendar';
/** Calls the phone system (CTI) reported, linked to the cases opened from them. */
export const PHONE_CALLS = 'phoneCalls';
/** Mail the channel could not turn into a case, kept for a person to look at. */
export const MAIL_SET_ASIDE = 'mailSetAside';
/** Which case each mail message belongs to (id from the Message-ID). */
export const MAIL_MESSAGES = 'mailMessages';
/** How far the mail channel has read each mailbox. */
export const MAILBOX_STATE = 'mailboxState';
/** One record, id 'desk': the mail and phone channel settings. */
export const CHANNEL_SETTINGS = 'channelSettings';

export const ENTITIES = [CASES, CUSTOMERS, ORDERS, OPERATORS, KEY_EVENTS, CREDITS, ACCOUNT_ROLES, POLICY_VERSIONS, CALENDAR, PHONE_CALLS, MAIL_SET_ASIDE, MAIL_MESSAGES, MAILBOX_STATE, CHANNEL_SETTINGS] as const;
export type Entity = (typeof ENTITIES)[number];

/** One durable change as the desk announces it: the records of one entity one stored event touched. */
export interface StoreChange {
  entity: string;
  ids: string[];
  /** The event's action in the center's words, e.g. 'refund.approved'. */
  action: string;
  seq: number;
}

/**
 * How the ids the desk hands out read: prefix + zero-padded number, short enough for an
 * agent to read one out over the phone (C-000123). main/server/ids.ts allocates them.
 */
export const ID_FORMATS = {
  [CASES]: { prefix: 'C-', digits: 6 },
  [CREDITS]: { prefix: 'CR-', digits: 6 },
  [KEY_EVENTS]: { prefix: 'KE-', digits: 5 },
} as const satisfies Partial<Record<Entity, { prefix: string; digits: number }>>;
export type NumberedEntity = keyof typeof ID_FORMATS;
