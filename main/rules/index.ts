// The rules engine: every policy decision of the desk, explained rule by rule.
// No electron, no I/O: the desk, the web host and the `check` command all call this.
import type { CheckDecision } from '../../shared/rules/decision.js';
import type { DecisionRequest } from '../../shared/rules/validate.js';
import { decideCompensation } from './compensation.js';
import type { DeskSettings } from './context.js';
import { decideIcpReward } from './icp-reward.js';
import { decideRefund } from './refund.js';
import { decideSla } from './sla-check.js';

export { decideRefund } from './refund.js';
export { decideCompensation } from './compensation.js';
export { decideIcpReward } from './icp-reward.js';
export { decideSla } from './sla-check.js';
export { classifyScope, suggestScope, type ScopeDecision, type ScopeSuggestion } from './scope.js';
export { decisionContext, NoPolicyInForce, type DeskSettings, type DecisionContext } from './context.js';
export { BUNDLED_POLICIES, DEFAULT_POLICY, policyInForce, type Policy } from './policy.js';
export {
  addWorkingDays,
  bundledDays,
  bundledYears,
  deskCalendar,
  NO_EDITS,
  requestCalendar,
  type CalendarDays,
  type CalendarEdits,
  type WorkingCalendar,
} from './calendar.js';
export { DEFAULT_TIME_ZONE, dateInZone } from '../../shared/rules/zone.js';
export { formatMoney } from './money.js';
export { emailSubjectRule, missingFromSubject } from './email-subject.js';
export { caseSla, caseSlaState, policyAtOpening, slaInputOf, slaStoppedAt, WAITING_STATUSES } from './case-sla.js';
export { assessSla, clockFor, nextEscalationLevel, slaPolicyOf, slaState, type SlaAssessment, type SlaCase, type SlaOptions, type SlaState, type SlaTimer } from './sla.js';
export { ALWAYS_OPEN, businessHoursClock, type ServiceClock, type SlaPause } from './service-clock.js';
export { openingSeverity, type KeyEvent, type OpeningSeverity } from './key-event.js';
export { assessWorkOrderQuality, type QualityReport, type WorkOrderDraft } from './quality.js';

/** One entry point for a validated request of any kind. */
export function decide(input: DecisionRequest, desk?: DeskSettings): CheckDecision {
  switch (input.kind) {
    case 'refund':
      return decideRefund(input.request, desk);
    case 'compensation':
      return decideCompensation(input.request, desk);
    case 'icp-reward':
      return decideIcpReward(input.request, desk);
    case 'sla':
      return decideSla(input.request, desk);
  }
}
export { correctionFigures, disputeFigures, inquiryTotal, type BillingItem, type DisputeFigures } from './billing.js';
