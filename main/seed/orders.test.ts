import { describe, expect, it } from 'vitest';
import { refundRequestSchema } from '../../shared/rules/requests.js';
import { generateDesk } from './generate.js';
import { generateOrders } from './orders.js';

describe('generateOrders', () => {
  const { customers } = generateDesk({ customers: 60, cases: 0, seed: 3 });
  const until = '2026-11-23T08:00:00.000Z';

  it('is deterministic for a seed and differs between seeds', () => {
    expect(generateOrders(customers, { seed: 3, until })).toEqual(generateOrders(customers, { seed: 3, until }));
    expect(generateOrders(customers, { seed: 4, until })).not.toEqual(generateOrders(customers, { seed: 3, until }));
  });

  it('makes valid orders, some within the last 5 days, all before until', () => {
    const orders = generateOrders(customers, { seed: 3, until });
    expect(new Set(orders.map((o) => o.id)).size).toBe(orders.length);
    const schema = refundRequestSchema.shape.orders.element;
    for (const order of orders) {
      expect(schema.safeParse(order).success).toBe(true);
      expect(Date.parse(order.purchasedAt)).toBeLessThanOrEqual(Date.parse(until));
      expect(customers.some((c) => c.id === order.customerAccount)).toBe(true);
    }
    const recent = orders.filter((o) => Date.parse(until) - Date.parse(o.purchasedAt) <= 5 * 86_400_000);
    expect(recent.length).toBeGreaterThan(5);
    expect(recent.some((o) => ['hourly', 'monthly', 'yearly'].includes(o.billingMode))).toBe(true);
  });
});
