import { expect, it } from 'vitest';
import { assessWorkOrderQuality, type WorkOrderDraft } from './quality.js';

const complete: WorkOrderDraft = {
  summary: 'ECS instances are intermittently unreachable after enabling a security setting, since 14:00 UTC on 2026-04-29',
  severity: 'SEV-2',
  businessImpact: 'checkout degraded for about 3,000 users',
  evidence: ['security group change at 13:55'],
  errorCodes: ['ECONNREFUSED'],
  stepsTried: ['restarted the service', 'checked security group rules'],
  updates: [{ done: 'rolled back the security setting', observed: 'instances reachable again' }],
};

it('a complete work order scores 100 with nothing missing', () => {
  expect(assessWorkOrderQuality(complete)).toMatchObject({ score: 100, missing: [], policyVersion: '2026.1' });
});

it('recognises a Chinese summary', () => {
  const r = assessWorkOrderQuality({ ...complete, summary: '云服务器自2026-04-29 14:00起无法访问' });
  expect(r.missing).toEqual([]);
});

it('names each missing element and scores what is there', () => {
  const r = assessWorkOrderQuality({ summary: 'ECS is slow', updates: [{ done: 'checked metrics', observed: '' }] });
  expect(r.missing).toEqual([
    'summary: start time',
    'severity',
    'business impact',
    'evidence (error codes, timestamps, changes, logs, traces)',
    'steps already tried',
    'update 1 lacks what was observed',
  ]);
  expect(r.score).toBe(20); // 20 of 100 points: 2/3 of the summary's 30
  expect(r.rules.find((x) => x.id === 'QUALITY-SUMMARY')?.reason).toContain('20/30');
});

it('an empty draft scores 0; updates are not counted before there are any', () => {
  const r = assessWorkOrderQuality({ summary: '' });
  expect(r.score).toBe(0);
  expect(r.rules.find((x) => x.id === 'QUALITY-UPDATES')?.result).toBe('not-applicable');
});

it('incident work orders also need the incident template', () => {
  const r = assessWorkOrderQuality({
    ...complete,
    incident: { startTime: '2026-04-29T14:00:00Z', affectedServices: ['ECS'], symptoms: 'unreachable', errorCodes: [], mitigationAttempted: 'rollback' },
  });
  expect(r.missing).toEqual(['incident template: region', 'incident template: error codes']);
  expect(r.score).toBe(92); // 120 of 130 points → 92.3
});

it('counts empty phrases in either language as missing evidence, steps and updates', () => {
  const r = assessWorkOrderQuality({
    ...complete,
    evidence: ['see above', 'Nothing.', '无'],
    errorCodes: [],
    stepsTried: ['同上', '见上', 'bad'],
    updates: [{ done: 'rolled back the security setting', observed: '同上。' }],
  });
  expect(r.missing).toEqual(['evidence (error codes, timestamps, changes, logs, traces)', 'steps already tried', 'update 1 lacks what was observed']);
  // policy 2026.1 weights: summary 30 + impact 20 + evidence 20 + steps 15 + updates 15 = 100;
  // earned 30 + 20 + 0 + 0 + 0 (the one update is incomplete: 0/1 of 15) = 50.
  expect(r.score).toBe(50);
});

it('still accepts real evidence that happens to contain an empty word', () => {
  const r = assessWorkOrderQuality({ ...complete, evidence: ['nothing in the logs after 14:02, see above screenshot'], stepsTried: ['同上次一样重启了实例'] });
  expect(r.missing).toEqual([]);
});
