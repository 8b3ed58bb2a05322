// `check sla`: rules S1–S4 for a case given in the request (check-command.md, section "sla").
// The same assessSla the desk's queue, case page, monitor, dashboard and report read.
import type { SlaDecision } from '../../shared/rules/decision.js';
import type { SlaRequest } from '../../shared/rules/requests.js';
import { decisionContext, type DeskSettings } from './context.js';
import { inPolicyOrder } from './rule-list.js';
import { assessSla } from './sla.js';

export function decideSla(request: SlaRequest, desk?: DeskSettings): SlaDecision {
  const c = request.case;
  // An open case is timed with the policy version in force when it opened.
  const { now, timeZone, calendar, policy } = decisionContext(request, desk, { at: c.openedAt, field: 'case.openedAt' });
  const a = assessSla(
    {
      severity: c.severity,
      vip: c.vip,
      openedAt: c.openedAt,
      ...(c.firstResponseAt ? { firstResponseAt: c.firstResponseAt } : {}),
      ...(c.updates ? { updates: c.updates } : {}),
      ...(c.escalationLevel ? { escalationLevel: c.escalationLevel } : {}),
      waitingForCustomer: (c.waitingForCustomer ?? []).map((w) => ({ start: w.from, ...(w.to ? { end: w.to } : {}) })),
      keyEvents: request.keyEvents ?? [],
    },
    now,
    { policy, timeZone, calendar },
  );
  const next = a.nextUpdate;
  return {
    kind: 'sla',
    outcome: a.outcome,
    policyVersion: a.policyVersion,
    rules: inPolicyOrder(a.rules),
    notes: a.notes,
    severity: a.severity,
    flagSupervisor: a.flagSupervisor,
    firstResponse: { due: a.firstResponse.due, state: a.firstResponse.state === 'paused' ? 'running' : a.firstResponse.state },
    nextUpdate: next ? { due: next.due, state: next.state === 'met' ? 'running' : next.state } : null,
    breached: a.breached,
    escalateTo: a.escalateTo === undefined || a.escalateTo === 'L1' ? null : a.escalateTo,
  };
}
