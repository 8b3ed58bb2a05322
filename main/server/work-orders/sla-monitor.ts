// The SLA monitor: every N seconds re-assesses the open work orders (an in-memory set kept
// from the store's events, never a scan of every case), emits 'clock.tick', and records each
// new breach together with its automatic escalation as ONE store event by 'system'.
import type { WorkOrderDetails } from '../../../shared/contract/work-orders.js';
import type { CaseRecord } from '../../../shared/domain/case.js';
import type { Services } from '../context.js';
import { assessWorkOrder, isOpenWorkOrder, newBreaches, openWorkOrders } from './model.js';
import { keptSla } from './sla-reading.js';
import { CASES } from '../../../shared/domain/entities.js';

export const DEFAULT_SLA_INTERVAL_MS = 15_000;

export interface SlaMonitor {
  /** One pass now; returns the ids that newly breached. */
  tick(): string[];
  stop(): void;
}

export function startSlaMonitor(services: Services, options: { intervalMs?: number; autoStart?: boolean } = {}): SlaMonitor {
  const open = openWorkOrders(services.store);

  function tick(): string[] {
    const breached: string[] = [];
    const now = services.now().toISOString();
    for (const id of [...open.ids]) {
      try {
        const record = services.store.get<CaseRecord>(CASES, id);
        if (!isOpenWorkOrder(record)) continue;
        const fresh = newBreaches(record, keptSla(record, services)!); // a work order always has a severity
        if (fresh.length === 0) continue;
        // A breach to record: read again with its reasons, which the escalation quotes.
        const assessment = assessWorkOrder(record, services);
        const d = record.details;
        const from = d.escalationLevel;
        // S4: one level up, under the policy the case is timed with (in force when it opened).
        const to = assessment.escalateTo ?? from;
        const why = assessment.rules
          .filter((r) => r.result === 'failed' && r.id !== 'S4')
          .map((r) => `${r.id}: ${r.reason}`)
          .join('; ');
        const details: WorkOrderDetails = {
          ...d,
          breached: true,
          breaches: [...d.breaches, ...fresh.map((b) => ({ ...b, at: now }))],
          escalationLevel: to,
          escalations: to === from ? d.escalations : [...d.escalations, { at: now, by: 'system', from, to, reason: `SLA breached — ${why}`, automatic: true }],
        };
        services.store.append({
          actor: 'system',
          action: 'work-order.sla-breached',
          reason: `SLA breached, escalated ${from} → ${to}: ${why}`,
          // Escalated one level: the case leaves its owner for the next level's queue.
          changes: [{ entity: CASES, id, op: 'patch', patch: { status: 'escalated', updatedAt: now, details, ...(to === from ? {} : { owner: null, level: to }) } }],
        });
        breached.push(id);
        services.emit('sla.breached', { id, severity: record.severity ?? d.requestedSeverity });
      } catch (error) {
        console.error(`[sla-monitor] ${id}:`, error);
      }
    }
    services.emit('clock.tick', { now });
    return breached;
  }

  const timer = options.autoStart === false ? undefined : setInterval(tick, options.intervalMs ?? DEFAULT_SLA_INTERVAL_MS);
  timer?.unref?.();
  return { tick, stop: () => timer && clearInterval(timer) };
}
