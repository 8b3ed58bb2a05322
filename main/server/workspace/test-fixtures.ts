// Shared by the workspace domains' server tests: a desk at a fixed instant with one customer and orders.
import type { Order } from '../../../shared/domain/order.js';
import type { StoredRecord } from '../../store/types.js';
import { openTestDesk } from '../../../test/support/desk.js';
import { ORDERS } from '../../../shared/domain/entities.js';
import type { CallInput } from '../../../shared/contract/index.js';

export const NOW = '2026-05-06T02:00:00.000Z'; // 10:00 in Asia/Shanghai, a Wednesday

export async function workspaceDesk() {
  const t = await openTestDesk({ now: () => new Date(NOW) });
  const agent = await t.signedIn('agent', 'agent1');
  const supervisor = await t.signedIn('supervisor', 'sup1');
  const supervisor2 = await t.signedIn('supervisor', 'sup2');
  await t.ok(agent, 'customers.create', {
    account: 'acme-01',
    name: 'Acme Ltd',
    region: 'cn-hangzhou',
    contacts: [{ name: 'Alice', phone: '+8613800000001' }],
  });
  const addOrders = (...orders: Order[]) =>
    t.desk.services.store.append({
      actor: 'test',
      action: 'order.imported',
      changes: orders.map((o) => ({ entity: ORDERS, id: o.id, op: 'put' as const, record: { ...o } as StoredRecord })),
    });
  return { ...t, agent, supervisor, supervisor2, addOrders };
}

export const order = (id: string, fields: Partial<Order> = {}): Order => ({
  id,
  customerAccount: 'acme-01',
  product: 'ECS ecs.g7.large',
  billingMode: 'monthly',
  purchasedAt: '2026-05-04T02:00:00.000Z',
  paid: '1000.00',
  ...fields,
});

/** A well-formed work order for acme-01 (SEV-2), with what a test changes. */
export const workOrderInput = (over: Partial<CallInput<'workOrders.create'>> = {}): CallInput<'workOrders.create'> => ({
  customerAccount: 'acme-01',
  summary: 'ECS instances unreachable since 14:00',
  severity: 'SEV-2',
  businessImpact: 'checkout degraded for 2,000 users',
  evidence: ['ECS-5003 at 14:02'],
  stepsTried: ['restarted the instance'],
  ...over,
});
