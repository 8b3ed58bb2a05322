// Input bounds of policy.md "Conventions": a request past a bound is refused with the field
// named, never truncated. Checked through the request schemas every boundary uses.
import { describe, expect, it } from 'vitest';
import { validateRequest } from '../../shared/rules/validate.js';

const occurrence = (i: number) => {
  // Occurrence i: 10 minutes from 2026-05-01T00:00Z + i × 10 min, back to back (adjacent, not overlapping).
  const start = Date.parse('2026-05-01T00:00:00Z') + i * 600_000;
  return { id: `f-${i}`, start: new Date(start).toISOString(), end: new Date(start + 600_000).toISOString(), scenario: 'service-unavailable', cause: 'platform' };
};
const claim = (over: Record<string, unknown> = {}) => ({
  now: '2026-05-06T10:00:00+08:00',
  account: 'acme-01',
  dailyFee: '12.00',
  occurrences: [occurrence(0)],
  claimedAt: '2026-05-06T10:00:00+08:00',
  ...over,
});
const refund = (over: Record<string, unknown> = {}) => ({
  now: '2026-05-03T10:00:00+08:00',
  customer: { account: 'acme-01', earlierRefunds: [] },
  orders: [{ id: 'o-1', billingMode: 'monthly', purchasedAt: '2026-05-01T09:00:00+08:00', paid: '1000.00' }],
  dataMigrationConfirmed: true,
  ...over,
});
const error = (kind: string, request: unknown) => {
  const r = validateRequest(kind, request);
  return r.ok ? undefined : r.error;
};

describe('a claim holds 1 to 100 occurrences, none overlapping', () => {
  it('100 back-to-back occurrences are a valid claim; 101 are refused naming occurrences', () => {
    expect(error('compensation', claim({ occurrences: Array.from({ length: 100 }, (_, i) => occurrence(i)) }))).toBeUndefined();
    expect(error('compensation', claim({ occurrences: Array.from({ length: 101 }, (_, i) => occurrence(i)) }))).toBe('occurrences: at most 100 entries');
  });

  it('two overlapping occurrences are not a valid claim: the two are named', () => {
    const a = { ...occurrence(0), id: 'outage-a' };
    const b = { ...occurrence(0), id: 'outage-b', start: '2026-05-01T00:09:59Z' }; // starts 1 s before a ends
    expect(error('compensation', claim({ occurrences: [a, b] }))).toBe(
      'occurrences[1].start: occurrence outage-b overlaps occurrence outage-a (occurrences[0]): one claim cannot hold the same time twice',
    );
    // Listed the other way round, the later-listed one is still the one named at its index.
    expect(error('compensation', claim({ occurrences: [b, a] }))).toContain('occurrences[1].start: occurrence outage-a overlaps occurrence outage-b');
  });

  it('adjacent occurrences (one ends when the next starts) are fine', () => {
    expect(error('compensation', claim({ occurrences: [occurrence(0), occurrence(1)] }))).toBeUndefined();
  });
});

describe('money: at most 12 integer digits and 2 decimals, no sign, exponent or separators', () => {
  it.each([
    ['999999999999.99', undefined], // 12 integer digits
    ['999999999999', undefined],
    ['0.00', undefined],
    ['9999999999999', 'dailyFee: must have at most 12 integer digits (got "9999999999999")'], // 13
    ['1000000000000.00', 'dailyFee: must have at most 12 integer digits'],
    ['12.345', 'dailyFee: must be a decimal string with at most 2 decimals (got "12.345")'],
    ['-1.00', 'dailyFee: must not be negative'],
    ['+1.00', 'dailyFee: must be a plain amount without a sign'],
    ['1e3', 'dailyFee: must be a decimal string such as "12.00"'],
    ['1,000.00', 'dailyFee: must be a decimal string such as "12.00"'],
    ['1 000', 'dailyFee: must be a decimal string such as "12.00"'],
    ['12.', 'dailyFee: must be a decimal string such as "12.00"'],
  ])('%s', (dailyFee, message) => {
    const e = error('compensation', claim({ dailyFee }));
    if (message === undefined) expect(e).toBeUndefined();
    else expect(e?.startsWith(message)).toBe(true);
  });
});

describe('instants are RFC 3339', () => {
  it.each([
    ['2026-05-06T10:00:00+08:00', undefined],
    ['2026-05-06t10:00:00+08:00', undefined],
    ['2026-05-06T02:00:00z', undefined],
    ['2026-05-06T02:00:00.5Z', undefined],
    ['2026-05-06T10:00:00-03:30', undefined],
    ['2026-05-06T10:00+08:00', 'claimedAt: must be an RFC 3339 instant'], // no seconds
    ['2026-05-06T10:00:00+0800', 'claimedAt: must be an RFC 3339 instant'],
    ['2026-05-06T10:00:00', 'claimedAt: must be an RFC 3339 instant'], // no offset
    ['2026-02-30T10:00:00Z', 'claimedAt: must be an RFC 3339 instant'],
    ['2026-05-06 10:00:00Z', 'claimedAt: must be an RFC 3339 instant'],
  ])('%s', (claimedAt, message) => {
    const e = error('compensation', claim({ claimedAt }));
    if (message === undefined) expect(e).toBeUndefined();
    else expect(e?.startsWith(message)).toBe(true);
  });

  it('a lower-case instant is handed on in upper case, the same instant', () => {
    const r = validateRequest('compensation', claim({ claimedAt: '2026-05-06t02:00:00z' }));
    expect(r.ok && r.kind === 'compensation' && r.request.claimedAt).toBe('2026-05-06T02:00:00Z');
  });
});

describe('texts and lists', () => {
  it('names 200, email subject 500, orders 3: one past is refused naming the field', () => {
    expect(error('compensation', claim({ account: 'a'.repeat(200) }))).toBeUndefined();
    expect(error('compensation', claim({ account: 'a'.repeat(201) }))).toBe('account: at most 200 characters');
    expect(error('compensation', claim({ emailSubject: 's'.repeat(500) }))).toBeUndefined();
    expect(error('compensation', claim({ emailSubject: 's'.repeat(501) }))).toBe('emailSubject: at most 500 characters');
    const order = (id: string) => ({ id, billingMode: 'monthly', purchasedAt: '2026-05-01T09:00:00+08:00', paid: '1.00' });
    expect(error('refund', refund({ orders: ['a', 'b', 'c'].map(order) }))).toBeUndefined();
    expect(error('refund', refund({ orders: ['a', 'b', 'c', 'd'].map(order) }))).toBe('orders: at most 3 entries');
  });

  it('a refund with no order is a valid request (it fails R4, judged by the engine)', () => {
    expect(error('refund', refund({ orders: [] }))).toBeUndefined();
  });
});
