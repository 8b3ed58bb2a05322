// `seed`: realistic demo customers and cases, the same for the same --seed.
import type { StoredRecord } from '../store/index.js';
import { openCaseStore } from '../store/index.js';
import { generateDesk } from '../seed/generate.js';
import { generateOrders } from '../seed/orders.js';
import type { Command } from './commands.js';
import { intOption, parseOptions, UsageError } from './options.js';
import { CASES, CUSTOMERS, ORDERS } from '../../shared/domain/entities.js';
import { allocateIds } from '../server/ids.js';

const BATCH = 2000; // events per fsync

export const seedCommand: Command = {
  name: 'seed',
  summary: 'add realistic demo customers and cases (deterministic with --seed)',
  usage: 'Usage: assurance-desk seed --cases N [--customers M] [--seed S] [--until ISO-INSTANT] [--data DIR]',
  async run(args) {
    const { values, dataDir } = parseOptions(args, {
      cases: { type: 'string' },
      customers: { type: 'string' },
      seed: { type: 'string' },
      until: { type: 'string' },
    });
    const cases = intOption('cases', values.cases, 1000, 0, 1_000_000);
    const customers = intOption('customers', values.customers, Math.max(20, Math.ceil(cases / 10)), 1, 200_000);
    const seed = intOption('seed', values.seed, 1, 0, 2 ** 32 - 1);
    const until = typeof values.until === 'string' ? values.until : undefined;
    if (until !== undefined && Number.isNaN(Date.parse(until))) throw new UsageError(`--until: not an ISO instant (got "${until}")`);
    const generated = generateDesk({ customers, cases, seed, ...(until ? { until } : {}) });
    const orders = generateOrders(generated.customers, { seed, ...(until ? { until } : {}) });

    const store = await openCaseStore(dataDir, { autoBackup: false });
    try {
      const newCustomers = generated.customers.filter((c) => !store.get(CUSTOMERS, c.id));
      // Cases already in the store keep their ids; seeded ones are numbered after them.
      const caseIds = allocateIds(store, CASES, generated.cases.length);
      const inputs = [
        ...newCustomers.map((customer) => ({
          actor: 'seed',
          action: 'customer.registered',
          reason: 'demo data',
          changes: [{ entity: CUSTOMERS, id: customer.id, op: 'put' as const, record: { ...customer } as StoredRecord }],
        })),
        ...orders
          .filter((order) => !store.get(ORDERS, order.id))
          .map((order) => ({
            actor: 'seed',
            action: 'order.imported',
            reason: 'demo data',
            changes: [{ entity: ORDERS, id: order.id, op: 'put' as const, record: { ...order } as StoredRecord }],
          })),
        ...generated.cases.map((record, index) => {
          const id = caseIds[index]!;
          return {
            actor: 'seed',
            action: 'case.imported',
            reason: 'demo data',
            changes: [{ entity: CASES, id, op: 'put' as const, record: { ...record, id } as StoredRecord }],
          };
        }),
      ];
      for (let i = 0; i < inputs.length; i += BATCH) store.appendMany(inputs.slice(i, i + BATCH));
      await store.idle();
      process.stdout.write(`seeded ${newCustomers.length} customers, ${orders.length} orders and ${generated.cases.length} cases into ${dataDir}\n`);
      return 0;
    } finally {
      await store.close();
    }
  },
};
