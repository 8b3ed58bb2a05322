// Every reason the engine can give has a template in English (equal to the engine's) and in
// Simplified Chinese, and the engine's English line is exactly its template filled with its params.
import { describe, expect, it } from 'vitest';
import type { RuleResult } from '../../shared/rules/decision.js';
import type { CompensationClaim, FaultOccurrence, IcpRewardRequest, RefundRequest } from '../../shared/rules/requests.js';
import { correctionFigures, disputeFigures, inquiryTotal } from './billing.js';
import { complaintAcknowledgement } from './complaint.js';
import { decideCompensation, decideIcpReward, decideRefund, classifyScope, assessSla, openingSeverity, assessWorkOrderQuality } from './index.js';
import { fillTemplate, REASON_TEMPLATES } from './reasons.js';

// The renderer's table lives in the web project; it is loaded by path so each tsconfig project keeps its own files.
const RENDERER_TABLE = '../../renderer/src/i18n/rule-reasons.ts';
const { ruleReason, ruleReasonTemplates } = (await import(/* @vite-ignore */ RENDERER_TABLE)) as {
  ruleReason: (rule: Pick<RuleResult, 'reason' | 'code' | 'params'>, language: string) => string;
  ruleReasonTemplates: { en: Record<string, string>; zhCN: Record<string, string> };
};

const placeholders = (template: string) => [...template.matchAll(/\{\{(\w+)\}\}/g)].map((m) => m[1]).sort();

const refund = (over: Partial<RefundRequest> = {}): RefundRequest => ({
  now: '2026-05-03T10:00:00+08:00',
  customer: { account: 'acme-01', vip: false, earlierRefunds: [] },
  orders: [{ id: 'o-1', billingMode: 'monthly', purchasedAt: '2026-05-01T09:00:00+08:00', paid: '1000.00' }],
  dataMigrationConfirmed: true,
  ...over,
});
const occurrence = (over: Partial<FaultOccurrence> = {}): FaultOccurrence => ({
  id: 'f-1',
  start: '2026-05-01T10:00:00+08:00',
  end: '2026-05-01T10:30:00+08:00',
  scenario: 'service-unavailable',
  cause: 'platform',
  ...over,
});
const claim = (over: Partial<CompensationClaim> = {}): CompensationClaim => ({
  now: '2026-05-06T10:00:00+08:00',
  account: 'acme-01',
  dailyFee: '12.00',
  occurrences: [occurrence()],
  claimedAt: '2026-05-06T10:00:00+08:00',
  ...over,
});
const icp = (filing: Partial<IcpRewardRequest['filing']> = {}, customer: Partial<IcpRewardRequest['customer']> = {}): IcpRewardRequest => ({
  now: '2026-05-10T10:00:00+08:00',
  customer: { account: 'acme-01', vip: true, accumulatedRecharge: '250.00', rewardReceivedBefore: false, ...customer },
  host: { billingMode: 'monthly', servesWebsite: true, firstFilingWithUs: true, terminatedEarly: false, expiredWithoutRenewal: false },
  filing: { status: 'approved', approvedAt: '2026-05-09T15:00:00+08:00', customerDelayDays: 0, ...filing },
});
const OPENED = '2026-03-10T10:00:00Z';
const at = (minutes: number) => new Date(Date.parse(OPENED) + minutes * 60_000).toISOString();
const launch = [{ name: 'product launch', start: '2026-06-01T00:00:00+08:00', end: '2026-06-03T00:00:00+08:00' }];
const reward = { granted: '500.00', spent: '300.00' };

/** A table of requests that together make the engine give every kind of reason. */
function everyRule(): RuleResult[] {
  return [
    ...inquiryTotal([{ service: 'ECS', amount: '120.50' }, { service: 'OSS', amount: '9.50' }]).rules,
    ...disputeFigures('100.00', '100.00').rules,
    ...disputeFigures('100.00', '130.00').rules,
    ...correctionFigures('130.00', '100.00').rules,
    ...correctionFigures('130.00', '150.00').rules,
    ...decideRefund(refund()).rules,
    ...decideRefund(refund({ now: '2026-04-30T10:00:00+08:00', dataMigrationConfirmed: false })).rules,
    ...decideRefund(refund({ orders: [{ id: 'o-1', billingMode: 'on-demand', purchasedAt: '2026-05-01T09:00:00+08:00', paid: '100.00', reward }] })).rules,
    ...decideRefund(refund({ orders: [{ id: 'o-1', billingMode: 'monthly', purchasedAt: '2026-05-01T09:00:00+08:00', paid: '100.00', reward }] })).rules,
    ...decideRefund(refund({ orders: [{ id: 'o-1', billingMode: 'monthly', purchasedAt: '2026-05-01T09:00:00+08:00', paid: '300.00', reward }] })).rules,
    ...decideRefund(refund({ orders: [{ id: 'o-1', billingMode: 'on-demand', purchasedAt: '2026-05-01T09:00:00+08:00', paid: '500.00', reward }] })).rules,
    ...decideCompensation(claim({ emailSubject: 'acme-01 fault' })).rules,
    ...decideCompensation(claim({ emailSubject: 'acme-01 2026-05-01 10:00 fault, 1 occurrence' })).rules,
    ...decideCompensation(claim({ occurrences: [occurrence({ scenario: 'website-inaccessible', cause: 'force-majeure' })] })).rules,
    ...decideCompensation(claim({ now: '2027-05-04T10:00:00+08:00', claimedAt: '2027-05-04T10:00:00+08:00', occurrences: [occurrence({ start: '2027-05-03T11:00:00+08:00', end: '2027-05-03T12:00:00+08:00' })] })).rules,
    ...decideCompensation(
      claim({ now: '2027-05-04T10:00:00+08:00', claimedAt: '2027-05-04T10:00:00+08:00', occurrences: [occurrence({ cause: 'force-majeure', start: '2027-05-03T11:00:00+08:00', end: '2027-05-03T12:00:00+08:00' })] }),
    ).rules,
    ...decideCompensation(claim({ earlierClaims: [{ id: 'C-000017', status: 'pending', occurrences: [{ start: '2026-05-01T10:10:00+08:00', end: '2026-05-01T10:20:00+08:00' }] }] })).rules,
    ...decideIcpReward(icp()).rules,
    ...decideIcpReward(icp({ customerDelayDays: 10 })).rules,
    ...decideIcpReward(icp({ status: 'pending', approvedAt: undefined } as never)).rules,
    ...decideIcpReward(icp({ status: 'pending', approvedAt: undefined, customerDelayDays: 12 } as never)).rules,
    classifyScope('console').rule,
    classifyScope('code-development').rule,
    ...assessSla({ severity: 'SEV-1', vip: false, openedAt: OPENED }, at(5)).rules,
    ...assessSla({ severity: 'SEV-1', vip: true, openedAt: OPENED }, at(60)).rules,
    ...assessSla({ severity: 'SEV-1', vip: false, openedAt: OPENED, firstResponseAt: at(5) }, at(6)).rules,
    ...assessSla({ severity: 'SEV-1', vip: false, openedAt: OPENED, firstResponseAt: at(40), escalationLevel: 'supervisor' }, at(41)).rules,
    ...assessSla({ severity: 'SEV-2', vip: false, openedAt: OPENED, firstResponseAt: at(10), waitingForCustomer: [{ start: at(20), end: at(50) }] }, at(60)).rules,
    ...assessSla({ severity: 'SEV-2', vip: false, openedAt: OPENED, firstResponseAt: at(10), waitingForCustomer: [{ start: at(20), end: at(50) }] }, at(200)).rules,
    ...assessSla({ severity: 'SEV-2', vip: false, openedAt: OPENED, firstResponseAt: at(10), waitingForCustomer: [{ start: at(20) }] }, at(60)).rules,
    ...assessSla({ severity: 'SEV-3', vip: true, openedAt: '2026-06-01T09:00:00+08:00', keyEvents: launch }, '2026-06-01T09:00:00+08:00').rules,
    openingSeverity('SEV-1', '2026-06-01T09:00:00+08:00', launch).rule,
    openingSeverity('SEV-3', '2026-07-01T09:00:00+08:00', launch).rule,
    complaintAcknowledgement('2026-05-01T10:00:00+08:00').rule,
    ...assessWorkOrderQuality({ summary: 'ECS is slow', updates: [{ done: 'checked metrics', observed: '' }], incident: { region: 'cn-east' } }).rules,
    ...assessWorkOrderQuality({
      summary: 'ECS unreachable since 2026-04-29 14:00, timeout',
      severity: 'SEV-2',
      businessImpact: 'shop down',
      evidence: ['log'],
      stepsTried: ['rebooted'],
    }).rules,
  ];
}

describe('rule reasons', () => {
  it('every engine template has the same English in the renderer, and Chinese with the same figures', () => {
    expect(ruleReasonTemplates.en).toEqual(REASON_TEMPLATES);
    for (const [code, template] of Object.entries(REASON_TEMPLATES)) {
      const zh = ruleReasonTemplates.zhCN[code];
      expect(zh, code).toBeTypeOf('string');
      expect(placeholders(zh ?? ''), code).toEqual(placeholders(template));
    }
    expect(Object.keys(ruleReasonTemplates.zhCN).sort()).toEqual(Object.keys(REASON_TEMPLATES).sort());
  });

  it('every rule entry the engine gives carries a code whose template is its English reason, and reads in Chinese', () => {
    const rules = everyRule();
    const seen = new Set<string>();
    for (const rule of rules) {
      expect(rule.code, `${rule.id}: ${rule.reason}`).toBeDefined();
      const code = rule.code as keyof typeof REASON_TEMPLATES;
      seen.add(code);
      expect(REASON_TEMPLATES[code], code).toBeDefined();
      expect(fillTemplate(REASON_TEMPLATES[code], rule.params ?? {})).toBe(rule.reason);
      const zh = ruleReason(rule, 'zh-CN');
      expect(zh, code).not.toBe(rule.reason);
      expect(zh).not.toMatch(/\{\{/);
      for (const value of Object.values(rule.params ?? {})) if (/^\d+(\.\d+)?$/.test(value)) expect(zh, code).toContain(value);
      expect(ruleReason(rule, 'en')).toBe(rule.reason);
    }
    // The table reaches every template, so no code is left untested.
    expect([...Object.keys(REASON_TEMPLATES)].filter((c) => !seen.has(c))).toEqual([]);
  });

  it('prints every instant as local time in the desk’s zone with the zone named, never UTC', () => {
    const utcInstant = /\d{2}:\d{2}(:\d{2})?(\.\d+)?Z/;
    for (const rule of everyRule()) expect(rule.reason, `${rule.id}: ${rule.reason}`).not.toMatch(utcInstant);
    // A 10:00 fault in Shanghai is 02:00Z; the reason says 10:00. 10:00 → 10:30 = 30 min.
    const c1 = decideCompensation(claim()).rules.find((r) => r.id === 'C1')!;
    expect(c1.reason).toBe('2026-05-01 10:00 (Asia/Shanghai) to 2026-05-01 10:30 (Asia/Shanghai) = 30 min 0 s → 30 minute(s)');
    // The desk's zone is a setting: 09:00+08:00 = 01:00Z = 03:00 in Berlin (CEST, +02:00).
    const r2 = decideRefund(refund(), { timeZone: 'Europe/Berlin' }).rules.find((r) => r.id === 'R2')!;
    expect(r2.reason).toContain('after purchase at 2026-05-01 03:00 (Europe/Berlin)');
    // Seconds are printed when there are some: 10:00:30 local.
    const c1s = decideCompensation(claim({ occurrences: [occurrence({ start: '2026-05-01T10:00:30+08:00' })] })).rules.find((r) => r.id === 'C1')!;
    expect(c1s.reason).toBe('2026-05-01 10:00:30 (Asia/Shanghai) to 2026-05-01 10:30 (Asia/Shanghai) = 29 min 30 s → 30 minute(s)');
    // S1 and S2 in the desk's zone: opened 10:00Z = 18:00 Shanghai = 11:00 Berlin (CET, +01:00 on 10 March);
    // SEV-1 common first response 15 min → due 10:15Z = 11:15 Berlin.
    const sla = assessSla({ severity: 'SEV-1', vip: false, openedAt: OPENED }, at(5), { timeZone: 'Europe/Berlin' });
    expect(sla.rules.find((r) => r.id === 'S2')!.reason).toBe(
      'SEV-1 common first response 15 min from 2026-03-10 11:00 (Europe/Berlin) (24/7) → due 2026-03-10 11:15 (Europe/Berlin); 10 min remaining at 2026-03-10 11:05 (Europe/Berlin)',
    );
    expect(sla.rules.find((r) => r.id === 'S1')!.reason).toBe("opened 2026-03-10 11:00 (Europe/Berlin) outside the customer's 0 registered key-event window(s)");
    // …while the outputs for programs stay UTC.
    expect(sla.firstResponse.due).toBe('2026-03-10T10:15:00Z');
    // CP1: opened 10:00 Shanghai + 24 h = 2 May 10:00 Shanghai.
    expect(complaintAcknowledgement('2026-05-01T10:00:00+08:00').rule.reason).toBe('opened 2026-05-01 10:00 (Asia/Shanghai); acknowledge within 24 h, by 2026-05-02 10:00 (Asia/Shanghai)');
  });

  it('falls back to the English reason without a code or a template', () => {
    expect(ruleReason({ reason: 'as stored' }, 'zh-CN')).toBe('as stored');
    expect(ruleReason({ reason: 'as stored', code: 'X.unknown', params: {} }, 'zh-CN')).toBe('as stored');
    expect(ruleReason({ reason: 'as stored', code: 'R4.orders', params: { count: '1' } }, 'zh-CN')).toBe('as stored');
  });
});
