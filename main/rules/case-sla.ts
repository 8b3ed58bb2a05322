// How the engine reads a stored case for its SLA figures: one reading for the case page, the
// SLA monitor, the dashboard and the SLA report, so they can never disagree.
import type { CaseRecord } from '../../shared/domain/case.js';
import type { SlaPause } from './service-clock.js';
import type { SlaCase } from './sla.js';

const text = (value: unknown) => (typeof value === 'string' ? value : undefined);

/** The SLA input of a case with a severity (undefined without one), and its waiting-for-customer pauses. */
export function slaInputOf(record: CaseRecord): { slaCase: SlaCase; pauses: SlaPause[] } | undefined {
  const d = record.details ?? {};
  const severity = record.severity ?? (text(d.requestedSeverity) as SlaCase['severity'] | undefined);
  if (!severity) return undefined;
  const firstResponseAt = text(d.firstResponseAt);
  const lastUpdateAt = text(d.lastUpdateAt);
  const escalationLevel = text(d.escalationLevel) as SlaCase['escalationLevel'];
  return {
    slaCase: {
      severity,
      vip: record.vip,
      category: record.category,
      openedAt: record.openedAt,
      ...(firstResponseAt ? { firstResponseAt } : {}),
      ...(lastUpdateAt ? { lastUpdateAt } : {}),
      ...(escalationLevel ? { escalationLevel } : {}),
    },
    pauses: Array.isArray(d.pauses) ? (d.pauses as SlaPause[]) : [],
  };
}
