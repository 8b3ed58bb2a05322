import type { Order } from '../../../shared/domain/order.js';
import type { Handlers } from '../context.js';
import { DeskError } from '../errors.js';
import { customerOf } from '../workspace/workflow.js';
import { ORDERS } from '../../../shared/domain/entities.js';

type StoredOrder = Order & { [key: string]: unknown };

export function ordersOf(store: Parameters<Handlers['orders.forCustomer']>[1]['store'], account: string): StoredOrder[] {
  return store
    .ofAccount<StoredOrder>(ORDERS, account)
    .sort((a, b) => b.purchasedAt.localeCompare(a.purchasedAt));
}

export const orderHandlers: Pick<Handlers, 'orders.forCustomer' | 'orders.create'> = {
  'orders.create'(input, ctx) {
    customerOf(ctx, input.customerAccount);
    if (ctx.store.get(ORDERS, input.id)) throw new DeskError('conflict', `order ${input.id} is already recorded`, 'id');
    const order: Order = { ...input, purchasedAt: new Date(input.purchasedAt).toISOString() };
    ctx.store.append({ actor: ctx.operator.username, action: 'order.recorded', changes: [{ entity: ORDERS, id: order.id, op: 'put', record: { ...order } }] });
    return order;
  },

  'orders.forCustomer'(input, ctx) {
    const customer = customerOf(ctx, input.customerAccount);
    return ordersOf(ctx.store, customer.id);
  },
};
