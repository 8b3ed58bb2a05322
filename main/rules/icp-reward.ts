// Section 7: the ICP license filing reward (I1–I6).
import type { IcpRewardDecision, RuleResult } from '../../shared/rules/decision.js';
import type { IcpRewardRequest } from '../../shared/rules/requests.js';
import { decisionContext, type DeskSettings } from './context.js';
import { formatMoney, money } from './money.js';
import { addDays, addYears, dateInZone } from './zone.js';

export function decideIcpReward(request: IcpRewardRequest, desk?: DeskSettings): IcpRewardDecision {
  const { policy, timeZone } = decisionContext(request, desk);
  const p = policy.icpReward;
  const { customer, host, filing } = request;
  const rules: RuleResult[] = [];
  const rule = (id: string, ok: boolean, reason: string) => rules.push({ id, result: ok ? 'passed' : 'failed', reason });

  rule('I1', p.hostBillingModes.includes(host.billingMode), `cloud host billing mode ${host.billingMode}; required ${p.hostBillingModes.join(' or ')}`);
  rule(
    'I2',
    host.servesWebsite && host.firstFilingWithUs,
    `host serves a website: ${yesNo(host.servesWebsite)}; first website filing with us: ${yesNo(host.firstFilingWithUs)}`,
  );
  const recharge = money(customer.accumulatedRecharge);
  const minimum = money(p.minRechargeExclusive);
  rule('I3', recharge.greaterThan(minimum), `accumulated recharge ${formatMoney(recharge)}; must exceed ${formatMoney(minimum)}`);
  rule('I4', !customer.rewardReceivedBefore, `reward received before: ${yesNo(customer.rewardReceivedBefore)}`);
  rule(
    'I5',
    !host.terminatedEarly && !host.expiredWithoutRenewal,
    `terminated early: ${yesNo(host.terminatedEarly)}; expired without renewal: ${yesNo(host.expiredWithoutRenewal)}`,
  );
  const delay = filing.customerDelayDays ?? 0;
  const abandoned = delay >= p.abandonedAfterDelayDays;
  rule(
    'I6',
    filing.status === 'approved' && !abandoned,
    `filing ${filing.status}` +
      (filing.approvedAt ? ` (approved ${filing.approvedAt})` : '') +
      `; customer delay ${delay} day(s)` +
      (abandoned ? `, ${p.abandonedAfterDelayDays} or more: treated as abandoned` : `, abandoned at ${p.abandonedAfterDelayDays}`),
  );

  const eligible = rules.every((r) => r.result === 'passed');
  const amount = money(customer.vip ? p.amounts.vip : p.amounts.common);
  const notes = [`reward for a ${customer.vip ? 'VIP' : 'common'} customer: ${formatMoney(amount)}`];
  const decision: IcpRewardDecision = {
    kind: 'icp-reward',
    outcome: eligible ? 'eligible' : 'ineligible',
    amount: eligible ? formatMoney(amount) : '0.00',
    policyVersion: policy.id,
    rules,
    notes,
  };
  if (eligible && filing.approvedAt) {
    const approvedOn = dateInZone(Date.parse(filing.approvedAt), timeZone);
    decision.creditDueBy = addDays(approvedOn, p.creditWithinDays);
    decision.validUntil = addYears(decision.creditDueBy, p.validYears);
    notes.push(
      `approved on ${approvedOn} (${timeZone}): credit due by ${decision.creditDueBy} (+${p.creditWithinDays} days), ` +
        `valid until ${decision.validUntil} (+${p.validYears} year(s); the desk counts from the real crediting date)`,
    );
  }
  return decision;
}

function yesNo(value: boolean): string {
  return value ? 'yes' : 'no';
}
