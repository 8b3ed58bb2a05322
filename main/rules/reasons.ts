// Every reason the engine gives, as an English template keyed by a machine-readable code.
// A rule entry carries {reason, code, params} built here in one place, so the English line and
// the figures a translated line shows can never disagree. The renderer keeps the Chinese (and
// a copy of these English templates) in renderer/src/i18n/rule-reasons.ts; a test checks both.
import type { RuleResult } from '../../shared/rules/decision.js';

const SLA_HEAD = '{{severity}} {{timer}} {{target}} from {{from}} ({{clock}}) → due {{due}}';
const SLA_HEAD_PAUSED = '{{severity}} {{timer}} {{target}} + {{paused}} min paused from {{from}} ({{clock}}) → due {{due}}';
const SLA_TAIL = {
  met: '; made {{metAt}}, in time',
  late: '; made {{metAt}}, late by {{late}} min',
  remaining: '; {{remaining}} min remaining at {{now}}',
  overdue: '; overdue by {{late}} min at {{now}}',
  waiting: '; paused at {{now}}, waiting for the customer since {{since}}; {{remaining}} min left',
} as const;
const C5_TAIL = '{{id}} ended {{endedAt}}; {{days}}th working day after {{endedOn}} is {{deadline}} ({{source}}); claimed on {{claimedOn}}';
const R5_HEAD = 'paid {{paid}} − reward deducted {{deducted}} = {{refund}}';
const R5_CAP = ' (reward spent {{spent}} exceeds the paid sum: at most {{paid}} is deducted)';
const R5_TAIL = '; reward granted {{granted}}, spent {{spent}}, {{cancelled}} cancelled';
const R5_NOTHING = '; eligible, but the customer gets nothing back';
const R5_INELIGIBLE = '; nothing is refunded or deducted because the request is ineligible';
const I6_TAIL = '; customer delay {{delay}} day(s)';
const KEY_EVENT = 'opened {{openedAt}} during key event "{{event}}" ({{start}} to {{end}}): ';

export const REASON_TEMPLATES = {
  'R1.subscription': 'billing mode {{mode}} is a subscription ({{modes}})',
  'R1.not-refundable': 'billing mode {{mode}} is not refundable; only {{modes}} are',
  'R2.before-purchase': 'request at {{now}} is before the purchase at {{purchasedAt}}',
  'R2.elapsed': 'requested {{hours}} h {{minutes}} min {{seconds}} s after purchase at {{purchasedAt}}; limit {{limit}} h inclusive',
  'R3.earlier-refunds': '{{counted}} earlier refund(s) {{statuses}} ({{rejected}} not counted); fewer than {{max}} allowed',
  'R4.orders': '{{count}} order(s) in the request; {{min}} to {{max}} allowed',
  'R5.amount': R5_HEAD + R5_TAIL,
  'R5.nothing-back': R5_HEAD + R5_TAIL + R5_NOTHING,
  'R5.capped-nothing-back': R5_HEAD + R5_CAP + R5_TAIL + R5_NOTHING,
  'R5.amount-ineligible': R5_HEAD + R5_TAIL + R5_INELIGIBLE,
  'R5.capped-ineligible': R5_HEAD + R5_CAP + R5_TAIL + R5_INELIGIBLE,
  'R6.confirmed': 'agent confirmed the customer was told to migrate their data before the resources are released',
  'R6.unconfirmed': 'no confirmation that the customer was told to migrate their data; the request cannot be submitted',

  'C1.minutes': '{{start}} to {{end}} = {{wholeMinutes}} min {{seconds}} s → {{minutes}} minute(s)',
  'C2.multiplier': 'scenario {{scenario}} → multiplier {{multiplier}}×',
  'C3.none': 'no compensable occurrence: amount 0.00',
  'C3.sum': '{{terms}} = {{amount}} (bonus recharge, not cash)',
  'C4.compensable': 'cause {{cause}} ({{causeLabel}}) is compensable',
  'C4.excluded': 'cause {{cause}} ({{causeLabel}}) is excluded from compensation',
  'C5.compensable': 'latest end among the compensable occurrences: ' + C5_TAIL,
  'C5.compensable-no-data': 'latest end among the compensable occurrences: ' + C5_TAIL + '; {{note}}',
  'C5.any': 'no compensable occurrence; latest end of all: ' + C5_TAIL,
  'C5.any-no-data': 'no compensable occurrence; latest end of all: ' + C5_TAIL + '; {{note}}',
  'C6.none': 'no email subject given',
  'C6.complete': 'subject names account {{account}}, the time and the number of occurrences',
  'C6.lacks': 'subject lacks: {{missing}} (advice only; it does not change the outcome)',
  'C7.first': 'overlaps no occurrence of the account\'s {{counted}} earlier approved or pending claim(s) ({{rejected}} rejected, not counted)',
  'C7.claimed': '{{start}} to {{end}} overlaps {{claimedStart}} to {{claimedEnd}} of earlier claim {{claim}} ({{status}}): an outage is compensated once',

  'I1.host-billing': 'cloud host billing mode {{mode}}; required {{modes}}',
  'I2.website': 'host serves a website: {{website}}; first website filing with us: {{first}}',
  'I3.recharge': 'accumulated recharge {{recharge}}; must exceed {{minimum}}',
  'I4.received-before': 'reward received before: {{before}}',
  'I5.host-kept': 'terminated early: {{terminated}}; expired without renewal: {{expired}}',
  'I6.filing': 'filing {{status}}' + I6_TAIL + ', abandoned at {{abandonedAt}}',
  'I6.filing-abandoned': 'filing {{status}}' + I6_TAIL + ', {{abandonedAt}} or more: treated as abandoned',
  'I6.approved': 'filing {{status}} (approved {{approvedAt}})' + I6_TAIL + ', abandoned at {{abandonedAt}}',
  'I6.approved-abandoned': 'filing {{status}} (approved {{approvedAt}})' + I6_TAIL + ', {{abandonedAt}} or more: treated as abandoned',

  'SCOPE.in': '{{label}} is in the scope of after-sales support (policy {{policy}}, section 1)',
  'SCOPE.out': '{{label}} is not in the scope of after-sales support (policy {{policy}}, section 1)',

  'SLA.met': SLA_HEAD + SLA_TAIL.met,
  'SLA.late': SLA_HEAD + SLA_TAIL.late,
  'SLA.remaining': SLA_HEAD + SLA_TAIL.remaining,
  'SLA.overdue': SLA_HEAD + SLA_TAIL.overdue,
  'SLA.remaining-paused': SLA_HEAD_PAUSED + SLA_TAIL.remaining,
  'SLA.overdue-paused': SLA_HEAD_PAUSED + SLA_TAIL.overdue,
  'SLA.waiting-paused': SLA_HEAD_PAUSED + SLA_TAIL.waiting,
  'SLA.no-first-response': 'no first response yet: updates are due once it is made',
  'SLA.escalates': 'breached: flagged, moved to the top of the queue, escalates {{from}} → {{to}}',
  'SLA.breached-top': 'breached: flagged, moved to the top of the queue; already at {{level}}, the highest level',
  'SLA.stays': 'not breached: stays at {{level}}',
  'SLA.key-event-none': 'opened {{openedAt}} outside the customer\'s {{count}} registered key-event window(s)',
  'SLA.key-event-raised': KEY_EVENT + '{{from}} → {{to}}, flagged to the supervisor',
  'SLA.key-event-highest': KEY_EVENT + '{{from}} is already the highest, flagged to the supervisor',

  'CP1.acknowledge': 'opened {{openedAt}}; acknowledge within {{hours}} h, by {{by}}',

  'QUALITY.summary-gaps': '{{label}}: {{points}}/{{weight}}; summary does not name the {{gaps}}',
  'QUALITY.summary-complete': '{{label}}: {{points}}/{{weight}}; names service, symptom and start time',
  'QUALITY.impact-gaps': '{{label}}: {{points}}/{{weight}}; missing {{gaps}}',
  'QUALITY.impact-complete': '{{label}}: {{points}}/{{weight}}; {{severity}} with business impact',
  'QUALITY.evidence': '{{label}}: {{points}}/{{weight}}; {{count}} piece(s) of evidence',
  'QUALITY.steps': '{{label}}: {{points}}/{{weight}}; {{count}} step(s) tried',
  'QUALITY.updates': '{{label}}: {{points}}/{{weight}}; {{complete}} of {{count}} update(s) say what was done and observed',
  'QUALITY.no-updates': 'no updates yet: not counted in the score',
  'QUALITY.present': '{{label}}: {{points}}/{{weight}}; present',
  'QUALITY.missing': '{{label}}: {{points}}/{{weight}}; missing',

  'BILL.total': '{{items}} = {{total}}',
  'BILL.no-dispute': 'billed {{billed}} equals expected {{expected}}: nothing in dispute',
  'BILL.dispute': 'billed {{billed}} − expected {{expected}} = {{difference}} in dispute',
  'BILL.corrected': 'billed {{billed}} − corrected {{corrected}} = {{credit}} credited',
  'BILL.correction-too-high': 'the corrected charge {{corrected}} must be below the billed {{billed}}',
} as const;

export type ReasonCode = keyof typeof REASON_TEMPLATES;
export type ReasonParams = Record<string, string | number | boolean>;

/** Fills `{{name}}` placeholders; a placeholder without its parameter is a bug and throws. */
export function fillTemplate(template: string, params: Readonly<Record<string, string>>): string {
  return template.replace(/\{\{(\w+)\}\}/g, (_, name: string) => {
    const value = params[name];
    if (value === undefined) throw new Error(`reason template: no value for {{${name}}}`);
    return value;
  });
}

/** The reason of a rule entry: the English line, its code and its figures (as strings). */
export function because(code: ReasonCode, raw: ReasonParams = {}): Required<Pick<RuleResult, 'reason' | 'code' | 'params'>> {
  const params: Record<string, string> = {};
  for (const [k, v] of Object.entries(raw)) params[k] = typeof v === 'boolean' ? (v ? 'yes' : 'no') : String(v);
  return { reason: fillTemplate(REASON_TEMPLATES[code], params), code, params };
}
