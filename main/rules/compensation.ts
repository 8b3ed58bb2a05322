// Section 6: fault compensation (C1–C7), paid as a bonus recharge.
import type { CompensationDecision, RuleResult } from '../../shared/rules/decision.js';
import { overlaps, type CompensationClaim, type EarlierClaim, type FaultOccurrence } from '../../shared/rules/requests.js';
import { addWorkingDays, noDataNote } from './calendar.js';
import { inPolicyOrder } from './rule-list.js';
import { decisionContext, type DeskSettings } from './context.js';
import { emailSubjectRule } from './email-subject.js';
import { formatMoney, money, Money, showMoney, sum } from './money.js';
import { because } from './reasons.js';
import { ceilMinutes, dateInZone, reasonInstant } from '../../shared/rules/zone.js';

const MINUTES_PER_DAY = 1440;

export function decideCompensation(claim: CompensationClaim, desk?: DeskSettings): CompensationDecision {
  const { policy, timeZone, calendar } = decisionContext(claim, desk);
  const p = policy.compensation;
  const when = (instant: string) => reasonInstant(Date.parse(instant), timeZone);
  const rules: RuleResult[] = [];
  const notes: string[] = [];

  const earlier = claim.earlierClaims ?? [];
  const judged = claim.occurrences.map((o) => {
    const minutes = ceilMinutes(Date.parse(o.start), Date.parse(o.end));
    const multiplier = money(p.multipliers[o.scenario]);
    const causeCompensable = p.compensableCauses.includes(o.cause);
    const claimedBefore = claimedIn(earlier, o);
    const fee = money(o.dailyFee ?? claim.dailyFee);
    // Compensable: passes C1 (the schema refuses an end before the start), C4 and C7.
    return { o, minutes, multiplier, causeCompensable, claimedBefore, compensable: causeCompensable && !claimedBefore, fee };
  });

  for (const { o, minutes } of judged) {
    const seconds = (Date.parse(o.end) - Date.parse(o.start)) / 1000;
    rules.push({
      id: 'C1',
      subject: o.id,
      result: 'passed',
      ...because('C1.minutes', {
        start: when(o.start),
        end: when(o.end),
        wholeMinutes: Math.floor(seconds / 60),
        seconds: trimSeconds(seconds % 60),
        minutes,
      }),
    });
  }
  for (const { o, multiplier } of judged) {
    rules.push({ id: 'C2', subject: o.id, result: 'passed', ...because('C2.multiplier', { scenario: o.scenario, multiplier: multiplier.toString() }) });
  }
  for (const { o, causeCompensable } of judged) {
    rules.push({
      id: 'C4',
      subject: o.id,
      result: causeCompensable ? 'passed' : 'failed',
      ...because(causeCompensable ? 'C4.compensable' : 'C4.excluded', { cause: o.cause, causeLabel: p.causeLabels[o.cause] }),
    });
  }
  const counted = earlier.filter(countsForC7);
  for (const { o, claimedBefore } of judged) {
    rules.push({
      id: 'C7',
      subject: o.id,
      result: claimedBefore ? 'failed' : 'passed',
      ...(claimedBefore
        ? because('C7.claimed', {
            claim: claimedBefore.claim.id,
            status: claimedBefore.claim.status,
            start: when(o.start),
            end: when(o.end),
            claimedStart: when(claimedBefore.window.start),
            claimedEnd: when(claimedBefore.window.end),
          })
        : because('C7.first', { counted: counted.length, rejected: earlier.length - counted.length })),
    });
  }

  // Σ fee × minutes × multiplier is exact; one division by 1440 (64 significant digits, far
  // below a cent) and formatMoney's single half-up rounding follow.
  const compensable = judged.filter((j) => j.compensable);
  const total: Money = sum(compensable.map((j) => j.fee.times(j.minutes).times(j.multiplier))).div(MINUTES_PER_DAY);
  const faultMinutes = compensable.reduce((n, j) => n + j.minutes, 0);
  const amount = formatMoney(total);
  rules.push({
    id: 'C3',
    result: total.greaterThan(0) ? 'passed' : 'failed',
    ...(compensable.length === 0
      ? because('C3.none')
      : because('C3.sum', {
          terms: compensable.map((j) => `${showMoney(j.fee)} ÷ 24 ÷ 60 × ${j.minutes} × ${j.multiplier.toString()}`).join(' + '),
          amount,
        })),
  });

  const window = claimWindow(compensable.map((j) => j.o), claim.occurrences);
  const endedOn = dateInZone(Date.parse(window.from.end), timeZone);
  const deadline = addWorkingDays(calendar, endedOn, p.claimWorkingDays);
  const claimedOn = dateInZone(Date.parse(claim.claimedAt), timeZone);
  const inTime = claimedOn <= deadline.date;
  const missingData = noDataNote(deadline.yearsWithoutData);
  if (missingData) notes.push(missingData);
  rules.push({
    id: 'C5',
    result: inTime ? 'passed' : 'failed',
    ...because(window.compensable ? (missingData ? 'C5.compensable-no-data' : 'C5.compensable') : missingData ? 'C5.any-no-data' : 'C5.any', {
      id: window.from.id,
      endedAt: when(window.from.end),
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

  // C6 is advice: it never changes the outcome.
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

/** C5 counts from the latest end among the compensable occurrences; when none is, the latest of all. */
function claimWindow(compensable: FaultOccurrence[], all: FaultOccurrence[]) {
  const lastEnding = (list: FaultOccurrence[]) =>
    list.reduce<FaultOccurrence | undefined>((best, o) => (!best || Date.parse(o.end) > Date.parse(best.end) ? o : best), undefined);
  const fromCompensable = lastEnding(compensable);
  if (fromCompensable) return { from: fromCompensable, compensable: true };
  const any = lastEnding(all);
  if (!any) throw new Error('a compensation claim holds at least one occurrence');
  return { from: any, compensable: false };
}

/** C7 counts earlier claims that were approved or are still pending; rejected ones do not. */
const countsForC7 = (c: EarlierClaim) => c.status === 'approved' || c.status === 'pending';

/** The earlier approved or pending claim (and its window) that already holds this outage, if any. */
function claimedIn(earlier: readonly EarlierClaim[], o: FaultOccurrence) {
  for (const claim of earlier) {
    if (!countsForC7(claim)) continue;
    const window = claim.occurrences.find((w) => overlaps(w, o));
    if (window) return { claim, window };
  }
  return undefined;
}

function trimSeconds(seconds: number): string {
  return Number.isInteger(seconds) ? String(seconds) : seconds.toFixed(3);
}
