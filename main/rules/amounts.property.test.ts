// Property tests: compensation equals an independent integer (BigInt) computation, and
// no amount the engine outputs is ever negative.
import fc from 'fast-check';
import { expect, it } from 'vitest';
import { FAULT_CAUSES, FAULT_SCENARIOS, type CompensationClaim, type FaultCause, type FaultScenario } from '../../shared/rules/requests.js';
import { decideCompensation } from './compensation.js';
import { decideRefund } from './refund.js';

const START = Date.parse('2026-03-02T00:00:00Z');
const cents = (n: bigint) => `${n / 100n}.${String(n % 100n).padStart(2, '0')}`;
const MULTIPLIER: Record<FaultScenario, bigint> = {
  'service-unavailable': 100n,
  'website-inaccessible': 100n,
  'delivery-or-charging': 1n,
};

interface OccurrenceSpec {
  feeCents: bigint;
  offsetMs: number;
  durationMs: number;
  scenario: FaultScenario;
  cause: FaultCause;
}

const occurrenceArb: fc.Arbitrary<OccurrenceSpec> = fc.record({
  feeCents: fc.bigInt({ min: 0n, max: 100_000_000n }),
  offsetMs: fc.integer({ min: 0, max: 3 * 86_400_000 }),
  durationMs: fc.integer({ min: 0, max: 2 * 86_400_000 }),
  scenario: fc.constantFrom(...FAULT_SCENARIOS),
  cause: fc.constantFrom(...FAULT_CAUSES),
});

function claimOf(occurrences: OccurrenceSpec[]): CompensationClaim {
  return {
    now: '2026-03-06T00:00:00Z',
    account: 'acme-01',
    dailyFee: '1.00',
    claimedAt: '2026-03-06T00:00:00Z',
    occurrences: occurrences.map((o, i) => ({
      id: `f-${i}`,
      start: new Date(START + o.offsetMs).toISOString(),
      end: new Date(START + o.offsetMs + o.durationMs).toISOString(),
      scenario: o.scenario,
      cause: o.cause,
      dailyFee: cents(o.feeCents),
    })),
  };
}

it('compensation of N platform-fault occurrences equals the BigInt sum, rounded half-up once', () => {
  fc.assert(
    fc.property(fc.array(occurrenceArb.map((o): OccurrenceSpec => ({ ...o, cause: 'platform' })), { minLength: 1, maxLength: 8 }), (occurrences) => {
      // Σ feeCents × ceil(minutes) × multiplier / 1440, half-up, in cents
      let numerator = 0n;
      for (const o of occurrences) {
        const minutes = BigInt(Math.ceil(o.durationMs / 60_000));
        numerator += o.feeCents * minutes * MULTIPLIER[o.scenario];
      }
      const expected = (2n * numerator + 1440n) / 2880n;
      const d = decideCompensation(claimOf(occurrences));
      expect(d.amount).toBe(expected > 0n ? cents(expected) : '0.00');
      expect(d.faultMinutes).toBe(occurrences.reduce((n, o) => n + Math.ceil(o.durationMs / 60_000), 0));
    }),
    { numRuns: 300 },
  );
});

it('no compensation amount is ever negative', () => {
  fc.assert(
    fc.property(fc.array(occurrenceArb, { minLength: 1, maxLength: 6 }), (occurrences) => {
      const d = decideCompensation(claimOf(occurrences));
      expect(d.amount).toMatch(/^\d+\.\d{2}$/);
      expect(d.faultMinutes).toBeGreaterThanOrEqual(0);
    }),
    { numRuns: 200 },
  );
});

it('no refund amount, deduction or cancellation is ever negative', () => {
  const orderArb = fc
    .record({
      paid: fc.bigInt({ min: 0n, max: 10_000_000n }),
      granted: fc.bigInt({ min: 0n, max: 10_000_000n }),
      spentPermille: fc.integer({ min: 0, max: 1000 }),
      hasReward: fc.boolean(),
    })
    .map((o) => {
      const spent = (o.granted * BigInt(o.spentPermille)) / 1000n;
      return { ...o, spent };
    });
  fc.assert(
    fc.property(fc.array(orderArb, { minLength: 1, maxLength: 3 }), (orders) => {
      const d = decideRefund({
        now: '2026-05-03T10:00:00+08:00',
        customer: { account: 'acme-01', earlierRefunds: [] },
        dataMigrationConfirmed: true,
        orders: orders.map((o, i) => ({
          id: `o-${i}`,
          billingMode: 'monthly',
          purchasedAt: '2026-05-01T09:00:00+08:00',
          paid: cents(o.paid),
          ...(o.hasReward ? { reward: { granted: cents(o.granted), spent: cents(o.spent) } } : {}),
        })),
      });
      const paid = orders.reduce((n, o) => n + o.paid, 0n);
      const spent = orders.reduce((n, o) => n + (o.hasReward ? o.spent : 0n), 0n);
      for (const value of [d.amount, d.rewardDeducted, d.rewardCancelled]) expect(value).toMatch(/^\d+\.\d{2}$/);
      expect(d.amount).toBe(cents(paid > spent ? paid - spent : 0n));
    }),
    { numRuns: 200 },
  );
});
