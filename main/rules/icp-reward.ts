// Section 7: the ICP license filing reward (I1–I6).
import type { IcpRewardDecision, RuleResult } from '../../shared/rules/decision.js';
import type { IcpRewardRequest } from '../../shared/rules/requests.js';
import { decisionContext, type DeskSettings } from './context.js';
import { formatMoney, money } from './money.js';
import { because, type ReasonCode, type ReasonParams } from './reasons.js';
import { addDays, addYears, dateInZone, reasonInstant } from '../../shared/rules/zone.js';

export function decideIcpReward(request: IcpRewardRequest, desk?: DeskSettings): IcpRewardDecision {
  const { policy, timeZone } = decisionContext(request, desk);
  const p = policy.icpReward;
  const { customer, host, filing } = request;
  const rules: RuleResult[] = [];
  const rule = (id: string, ok: boolean, code: ReasonCode, params: ReasonParams) => rules.push({ id, result: ok ? 'passed' : 'failed', ...because(code, params) });

  rule('I1', p.hostBillingModes.includes(host.billingMode), 'I1.host-billing', { mode: host.billingMode, modes: p.hostBillingModes.join(' or ') });
  rule(
    'I2',
    host.servesWebsite && host.firstFilingWithUs,
    'I2.website',
    { website: host.servesWebsite, first: host.firstFilingWithUs },
  );
  const recharge = money(customer.accumulatedRecharge);
  const minimum = money(p.minRechargeExclusive);
  rule('I3', recharge.greaterThan(minimum), 'I3.recharge', { recharge: formatMoney(recharge), minimum: formatMoney(minimum) });
  rule('I4', !customer.rewardReceivedBefore, 'I4.received-before', { before: customer.rewardReceivedBefore });
  rule(
    'I5',
    !host.terminatedEarly && !host.expiredWithoutRenewal,
    'I5.host-kept',
    { terminated: host.terminatedEarly, expired: host.expiredWithoutRenewal },
  );
  const delay = filing.customerDelayDays ?? 0;
  const abandoned = delay >= p.abandonedAfterDelayDays;
  rule(
    'I6',
    filing.status === 'approved' && !abandoned,
    filing.approvedAt ? (abandoned ? 'I6.approved-abandoned' : 'I6.approved') : abandoned ? 'I6.filing-abandoned' : 'I6.filing',
    {
      status: filing.status,
      ...(filing.approvedAt ? { approvedAt: reasonInstant(Date.parse(filing.approvedAt), timeZone) } : {}),
      delay,
      abandonedAt: p.abandonedAfterDelayDays,
    },
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
