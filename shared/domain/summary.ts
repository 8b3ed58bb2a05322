// A generated summary without its words: which kind of summary and its figures, read from the
// case's type and details. The renderer words it in the interface language; the stored English
// `summary` stays for the command line, the exports and search. Derived rather than stored, so
// the cases of older stores read the same way. Seeded and imported cases (no such details) and
// the cases people word themselves (work orders, calls, complaints, mail) keep their own text.

export type SummaryParts =
  | { kind: 'refund'; amount: string; orders: string[] }
  | { kind: 'refund-rejected'; orders: string[]; rules: string[] }
  | { kind: 'compensation'; amount: string; occurrences: number; minutes: number }
  | { kind: 'icp-reward'; amount: string; creditDueBy: string }
  | { kind: 'billing'; period: string; services: string[]; total: string }
  | { kind: 'access-recovery'; role: string; from: string; to: string }
  | { kind: 'key-event'; name: string; start: string; end: string };

const isText = (v: unknown): v is string => typeof v === 'string' && v !== '';
const texts = (v: unknown): string[] => (Array.isArray(v) ? v.filter(isText) : []);

/** The parts of a case's generated summary, or undefined when its summary is its own words. */
export function summaryParts(record: { type?: unknown; details?: unknown }): SummaryParts | undefined {
  const d = (record.details ?? {}) as Record<string, unknown>;
  switch (record.type) {
    case 'refund': {
      const orders = texts(d.orderIds);
      const failed = texts(d.failedRules);
      if (!Array.isArray(d.orderIds) || !isText(d.amount)) return undefined;
      if (failed.length) return { kind: 'refund-rejected', orders, rules: failed };
      return orders.length ? { kind: 'refund', amount: d.amount, orders } : undefined;
    }
    case 'compensation': {
      const claim = d.claim as { occurrences?: unknown } | undefined;
      if (!Array.isArray(claim?.occurrences) || !isText(d.amount) || typeof d.faultMinutes !== 'number') return undefined;
      return { kind: 'compensation', amount: d.amount, occurrences: claim.occurrences.length, minutes: d.faultMinutes };
    }
    case 'icp-reward':
      return isText(d.amount) && isText(d.creditDueBy) ? { kind: 'icp-reward', amount: d.amount, creditDueBy: d.creditDueBy } : undefined;
    case 'billing': {
      const items = Array.isArray(d.items) ? (d.items as { service?: unknown }[]) : [];
      if (!isText(d.invoicePeriod) || !items.length || !isText(d.total)) return undefined;
      return { kind: 'billing', period: d.invoicePeriod, services: items.map((i) => i.service).filter(isText), total: d.total };
    }
    case 'access-recovery':
      return isText(d.role) && isText(d.previousHolder) && isText(d.newHolder) ? { kind: 'access-recovery', role: d.role, from: d.previousHolder, to: d.newHolder } : undefined;
    default:
      return undefined;
  }
}

/** `{ summaryParts }` for a row built from this case, or nothing when its summary is its own words. */
export function withSummaryParts(record: { type?: unknown; details?: unknown }): { summaryParts?: SummaryParts } {
  const parts = summaryParts(record);
  return parts ? { summaryParts: parts } : {};
}
