// Deterministic demo orders for the seeded customers. Pure: no I/O, no clock, no Math.random.
// Some orders fall within the last 5 days before `until`, so refunds can be eligible.
import type { Customer } from '../../shared/domain/case.js';
import type { Order } from '../../shared/domain/order.js';
import type { BillingMode } from '../../shared/rules/fields.js';
import { mulberry32 } from './generate.js';

export interface GenerateOrdersOptions {
  seed?: number;
  /** The last instant an order may be bought (ISO). Default 2026-06-30T00:00:00Z, like generateDesk. */
  until?: string;
}

const PRODUCTS: { name: string; modes: BillingMode[]; price: [number, number] }[] = [
  { name: 'ECS ecs.g7.large', modes: ['monthly', 'yearly', 'hourly', 'on-demand'], price: [120, 4800] },
  { name: 'ECS ecs.c7.xlarge', modes: ['monthly', 'yearly', 'on-demand'], price: [260, 9600] },
  { name: 'RDS MySQL 8.0 2C4G', modes: ['monthly', 'yearly', 'postpaid'], price: [300, 7200] },
  { name: 'OSS resource plan 500 GB', modes: ['yearly', 'monthly'], price: [60, 1200] },
  { name: 'SLB load balancer', modes: ['postpaid', 'monthly', 'on-demand'], price: [40, 900] },
  { name: 'CDN traffic package 1 TB', modes: ['monthly', 'on-demand'], price: [90, 1500] },
  { name: 'Simple Application Server 2C2G', modes: ['monthly', 'yearly', 'hourly'], price: [24, 600] },
];

const HOUR = 3_600_000;
const DAY = 24 * HOUR;

/** 0–5 orders per customer; about a third of customers have one bought within the last 4 days. */
export function generateOrders(customers: readonly Customer[], options: GenerateOrdersOptions = {}): Order[] {
  const rnd = mulberry32((options.seed ?? 1) ^ 0x0ade5);
  const int = (n: number) => Math.floor(rnd() * n);
  const pick = <T>(list: readonly T[]): T => list[int(list.length)]!;
  const untilMs = Date.parse(options.until ?? '2026-06-30T00:00:00Z');
  const orders: Order[] = [];
  for (const customer of customers) {
    const count = int(6);
    const recent = rnd() < 0.35;
    for (let i = 0; i < count; i++) {
      const product = pick(PRODUCTS);
      const billingMode = pick(product.modes);
      const age = recent && i === 0 ? HOUR + int(4 * DAY) : int(180 * DAY);
      const [low, high] = product.price;
      const cents = (low + int(high - low)) * 100 + pick([0, 0, 50, 99]);
      const paid = `${Math.floor(cents / 100)}.${String(cents % 100).padStart(2, '0')}`;
      const rewarded = rnd() < 0.15;
      const granted = pick([50, 100, 200]);
      const spent = int(granted + 1);
      orders.push({
        id: `O-${customer.id}-${String(i + 1).padStart(2, '0')}`,
        customerAccount: customer.id,
        product: product.name,
        billingMode,
        purchasedAt: new Date(untilMs - age).toISOString(),
        paid,
        ...(rewarded ? { reward: { granted: `${granted}.00`, spent: `${spent}.00` } } : {}),
      });
    }
  }
  return orders;
}
