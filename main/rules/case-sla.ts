// How the engine reads a stored case for its SLA figures: one reading for the case page, the
// SLA monitor, the dashboard and the SLA report, so they can never disagree.
import type { CaseRecord } from '../../shared/domain/case.js';
import type { SlaFields } from '../../shared/domain/work-order.js';
import type { SlaPause } from './service-clock.js';
import type { SlaCase } from './sla.js';

/** The SLA input of a case with a severity (undefined without one), and its waiting-for-customer pauses. */
export function slaInputOf(record: CaseRecord): { slaCase: SlaCase; pauses: SlaPause[] } | undefined {
  const d: SlaFields = record.details;
  const severity = record.severity ?? d.requestedSeverity;
  if (!severity) return undefined;
  const { firstResponseAt, lastUpdateAt, escalationLevel } = d;
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
    pauses: d.pauses ?? [],
  };
}
