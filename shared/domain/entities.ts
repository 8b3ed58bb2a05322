// Every kind of record the desk stores, by its store entity name: the one place these
// names are written. The store itself knows none of them.

export const CASES = 'cases';
export const CUSTOMERS = 'customers';
export const OPERATORS = 'operators';
/** Customer orders: what the billing system sold, the basis of refunds (policy section 5). */
export const ORDERS = 'orders';
/** Credits granted by approved compensation and ICP rewards. */
export const CREDITS = 'credits';
/** Key events of work orders (outages, incidents) awaiting a supervisor's review. */
export const KEY_EVENTS = 'keyEvents';
/** Who holds an administrative role on a customer account (id '<account>:<role>'). */
export const ACCOUNT_ROLES = 'accountRoles';
/** Policy versions a manager published; the bundled ones are always there too. */
export const POLICY_VERSIONS = 'policyVersions';
/** One record, id 'desk': the manager's additions and removals to the bundled holiday calendar. */
export const CALENDAR = 'calendar';

export const ENTITIES = [CASES, CUSTOMERS, OPERATORS, ORDERS, CREDITS, KEY_EVENTS, ACCOUNT_ROLES, POLICY_VERSIONS, CALENDAR] as const;
export type EntityName = (typeof ENTITIES)[number];

/**
 * How the ids the desk hands out read: prefix + zero-padded number, short enough for an
 * agent to read one out over the phone (C-000123). main/server/ids.ts allocates them.
 */
export const ID_FORMATS = {
  [CASES]: { prefix: 'C-', digits: 6 },
  [CREDITS]: { prefix: 'CR-', digits: 6 },
  [KEY_EVENTS]: { prefix: 'KE-', digits: 5 },
} as const satisfies Partial<Record<EntityName, { prefix: string; digits: number }>>;
export type NumberedEntity = keyof typeof ID_FORMATS;
