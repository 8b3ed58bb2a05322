import { describe, expect, it } from 'vitest';
import { POLICY_2026_1 } from './policy-2026-1.js';
import { acknowledgedInTime, complaintAcknowledgement } from './complaint.js';

describe('complaint acknowledgement (section 9)', () => {
  it('is due 24 hours after opening by default', () => {
    const ack = complaintAcknowledgement('2026-05-01T10:00:00+08:00');
    expect(ack).toMatchObject({ acknowledgeBy: '2026-05-02T02:00:00Z', hours: 24, policyVersion: '2026.1' });
    expect(ack.rule.reason).toContain('24 h');
  });

  it('follows the policy data', () => {
    const policy = { ...POLICY_2026_1, id: 'test', complaint: { acknowledgeHours: 4 } };
    expect(complaintAcknowledgement('2026-05-01T00:00:00Z', { policy }).acknowledgeBy).toBe('2026-05-01T04:00:00Z');
  });

  it('tells an acknowledgement in time from a late one, inclusive', () => {
    expect(acknowledgedInTime('2026-05-02T02:00:00Z', '2026-05-02T02:00:00.000Z')).toBe(true);
    expect(acknowledgedInTime('2026-05-02T02:00:00Z', '2026-05-02T02:00:01Z')).toBe(false);
  });
});
