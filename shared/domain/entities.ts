// The kinds of record the desk stores, by the name the store files them under. The renderer
// names them to say which changes refresh a query.
export const ENTITIES = [
  'cases',
  'customers',
  'orders',
  'operators',
  'keyEvents',
  'credits',
  'accountRoles',
  'policyVersions',
  'calendar',
  'phoneCalls',
  'mailSetAside',
] as const;
export type Entity = (typeof ENTITIES)[number];

/** One durable change as the desk announces it: the records of one entity one stored event touched. */
export interface StoreChange {
  entity: string;
  ids: string[];
  /** The event's action in the center's words, e.g. 'refund.approved'. */
  action: string;
  seq: number;
}
