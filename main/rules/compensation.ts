// Section 6: fault compensation (C1–C6), paid as a bonus recharge.
import type { CompensationDecision, RuleResult } from '../../shared/rules/decision.js';
import type { CompensationClaim, FaultOccurrence } from '../../shared/rules/requests.js';
import { addWorkingDays, noDataNote } from './calendar.js';
import { inPolicyOrder } from './rule-list.js';
import { decisionContext, type DeskSettings } from './context.js';
import { emailSubjectRule } from './email-subject.js';
import { formatMoney, money, Money, showMoney, sum } from './money.js';
import { because } from './reasons.js';
import { ceilMinutes, dateInZone, isoInstant, localTimeInZone } from '../../shared/rules/zone.js';

const MINUTES_PER_DAY = 1440;

export function decideCompensation(claim: CompensationClaim, desk?: DeskSettings): CompensationDecision {
  const { policy, timeZone, calendar } = decisionContext(claim, desk);
  const p = policy.compensation;
  const rules: RuleResult[] = [];
  const notes: string[] = [];

  const judged = claim.occurrences.map((o) => {
    const minutes = ceilMinutes(Date.parse(o.start), Date.parse(o.end));
    const multiplier = money(p.multipliers[o.scenario]);
    const compensable = p.compensableCauses.includes(o.cause);
    const fee = money(o.dailyFee ?? claim.dailyFee);
    return { o, minutes, multiplier, compensable, fee };
  });

  for (const { o, minutes } of judged) {
    const seconds = (Date.parse(o.end) - Date.parse(o.start)) / 1000;
    rules.push({
      id: 'C1',
      subject: o.id,
      result: 'passed',
      ...because('C1.minutes', {
        start: isoInstant(Date.parse(o.start)),
        end: isoInstant(Date.parse(o.end)),
        wholeMinutes: Math.floor(seconds / 60),
        seconds: trimSeconds(seconds % 60),
        minutes,
      }),
    });
  }
  for (const { o, multiplier } of judged) {
    rules.push({ id: 'C2', subject: o.id, result: 'passed', ...because('C2.multiplier', { scenario: o.scenario, multiplier: multiplier.toString() }) });
  }
  for (const { o, compensable } of judged) {
    rules.push({
      id: 'C4',
      subject: o.id,
      result: compensable ? 'passed' : 'failed',
      ...because(compensable ? 'C4.compensable' : 'C4.excluded', { cause: o.cause, causeLabel: p.causeLabels[o.cause] }),
    });
  }

  // Σ fee × minutes × multiplier is exact; one division by 1440 (64 significant digits, far
  // below a cent) and formatMoney's single half-up rounding follow.
  const counted = judged.filter((j) => j.compensable);
  const total: Money = sum(counted.map((j) => j.fee.times(j.minutes).times(j.multiplier))).div(MINUTES_PER_DAY);
  const faultMinutes = counted.reduce((n, j) => n + j.minutes, 0);
  const amount = formatMoney(total);
  rules.push({
    id: 'C3',
    result: total.greaterThan(0) ? 'passed' : 'failed',
    ...(counted.length === 0
      ? because('C3.none')
      : because('C3.sum', {
          terms: counted.map((j) => `${showMoney(j.fee)} ÷ 24 ÷ 60 × ${j.minutes} × ${j.multiplier.toString()}`).join(' + '),
          amount,
        })),
  });

  const window = claimWindow(claim.occurrences, p.claimWindowScenario);
  const endedOn = dateInZone(Date.parse(window.from.end), timeZone);
  const deadline = addWorkingDays(calendar, endedOn, p.claimWorkingDays);
  const claimedOn = dateInZone(Date.parse(claim.claimedAt), timeZone);
  const inTime = claimedOn <= deadline.date;
  const missingData = noDataNote(deadline.yearsWithoutData);
  if (missingData) notes.push(missingData);
  rules.push({
    id: 'C5',
    result: inTime ? 'passed' : 'failed',
    ...because(window.ofScenario ? (missingData ? 'C5.window-no-data' : 'C5.window') : missingData ? 'C5.any-no-data' : 'C5.any', {
      scenario: p.claimWindowScenario,
      id: window.from.id,
      endedAt: localTimeInZone(Date.parse(window.from.end), timeZone),
      timeZone,
      days: p.claimWorkingDays,
      endedOn,
      deadline: deadline.date,
      source: calendar.source,
      claimedOn,
      ...(missingData ? { note: missingData } : {}),
    }),
  });

  let subjectMissing: CompensationDecision['subjectMissing'];
  if (claim.emailSubject === undefined) {
    rules.push({ id: 'C6', result: 'not-applicable', ...because('C6.none') });
  } else {
    const c6 = emailSubjectRule(claim.emailSubject, claim.account);
    subjectMissing = c6.missing;
    rules.push(c6.rule);
  }

  const eligible = total.greaterThan(0) && inTime;
  return {
    kind: 'compensation',
    outcome: eligible ? 'eligible' : 'ineligible',
    amount: eligible ? amount : '0.00',
    policyVersion: policy.id,
    rules: inPolicyOrder(rules),
    notes,
    faultMinutes,
    claimDeadline: deadline.date,
    ...(subjectMissing ? { subjectMissing } : {}),
  };
}

/**
 * The occurrence the C5 window counts from: the last-ending occurrence of the window's
 * scenario (service unavailable); without one, the last-ending occurrence of any scenario.
 */
function claimWindow(occurrences: FaultOccurrence[], scenario: FaultOccurrence['scenario']) {
  const lastEnding = (list: FaultOccurrence[]) =>
    list.reduce<FaultOccurrence | undefined>((best, o) => (!best || Date.parse(o.end) > Date.parse(best.end) ? o : best), undefined);
  const ofScenario = lastEnding(occurrences.filter((o) => o.scenario === scenario));
  if (ofScenario) return { from: ofScenario, ofScenario: true };
  const any = lastEnding(occurrences);
  if (!any) throw new Error('a compensation claim holds at least one occurrence');
  return { from: any, ofScenario: false };
}

function trimSeconds(seconds: number): string {
  return Number.isInteger(seconds) ? String(seconds) : seconds.toFixed(3);
}
