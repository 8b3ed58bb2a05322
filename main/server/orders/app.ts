import type { Order } from '../../../shared/domain/order.js';
import type { Handlers } from '../context.js';
import { customerOf } from '../workspace/workflow.js';
import { ORDERS } from '../../../shared/domain/entities.js';

type StoredOrder = Order & { [key: string]: unknown };

export function ordersOf(store: Parameters<Handlers['orders.forCustomer']>[1]['store'], account: string): StoredOrder[] {
  return store
    .all<StoredOrder>(ORDERS)
    .filter((o) => o.customerAccount === account)
    .sort((a, b) => b.purchasedAt.localeCompare(a.purchasedAt));
}

export const orderHandlers: Pick<Handlers, 'orders.forCustomer'> = {
  'orders.forCustomer'(input, ctx) {
    const customer = customerOf(ctx, input.customerAccount);
    return ordersOf(ctx.store, customer.id);
  },
};
