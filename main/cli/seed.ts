// `seed`: realistic demo customers and cases, the same for the same --seed.
import type { StoredRecord } from '../store/index.js';
import { openCaseStore } from '../store/index.js';
import { generateDesk, SEED_AGENTS, seedAgentLevel } from '../seed/generate.js';
import { hashPassword } from '../server/operators/passwords.js';
import { operatorRecord } from '../server/operators/app.js';
import { generateOrders } from '../seed/orders.js';
import type { Command } from './command.js';
import { intOption, parseOptions, UsageError } from './options.js';
import { CASES, CUSTOMERS, OPERATORS, ORDERS } from '../../shared/domain/entities.js';
import { allocateIds } from '../server/ids.js';

const BATCH = 2000; // events per fsync
const DEFAULT_AGENT_PASSWORD = 'demo-agent-pass';

export const seedCommand: Command = {
  name: 'seed',
  summary: 'add realistic demo customers and cases (deterministic with --seed)',
  usage:
    'Usage: assurance-desk seed --cases N [--customers M] [--seed S] [--until ISO-INSTANT (default: now)] [--agent-password P] [--data DIR]\n' +
    'Cases spread over the year before --until; agents agent01…agent20 are registered as operators with --agent-password.',
  async run(args) {
    const { values, dataDir, keys } = parseOptions(args, {
      cases: { type: 'string' },
      customers: { type: 'string' },
      seed: { type: 'string' },
      until: { type: 'string' },
      'agent-password': { type: 'string' },
    });
    const cases = intOption('cases', values.cases, 1000, 0, 1_000_000);
    const customers = intOption('customers', values.customers, Math.max(20, Math.ceil(cases / 10)), 1, 200_000);
    const seed = intOption('seed', values.seed, 1, 0, 2 ** 32 - 1);
    // Relative to now by default, so refunds are still within their five days and the dashboard has this month.
    const until = typeof values.until === 'string' ? values.until : new Date().toISOString();
    if (Number.isNaN(Date.parse(until))) throw new UsageError(`--until: not an ISO instant (got "${until}")`);
    const agentPassword = typeof values['agent-password'] === 'string' ? values['agent-password'] : DEFAULT_AGENT_PASSWORD;
    if (agentPassword.length < 10) throw new UsageError('--agent-password: at least 10 characters');
    const generated = generateDesk({ customers, cases, seed, until });
    const orders = generateOrders(generated.customers, { seed, until });

    const store = await openCaseStore(dataDir, { autoBackup: false, keys });
    try {
      const newCustomers = generated.customers.filter((c) => !store.get(CUSTOMERS, c.id));
      // Cases already in the store keep their ids; seeded ones are numbered after them.
      const caseIds = allocateIds(store, CASES, generated.cases.length);
      const newAgents = SEED_AGENTS.filter((username) => !store.get(OPERATORS, username));
      // One hash for the one demo password: scrypt costs tens of milliseconds each.
      const passwordHash = newAgents.length ? await hashPassword(agentPassword) : '';
      const agentRecords = newAgents.map((username) => operatorRecord({ username, displayName: username, role: 'agent', level: seedAgentLevel(username) }, passwordHash, until));
      const inputs = [
        ...agentRecords.map((record) => ({
          actor: 'seed',
          action: 'operator.created',
          reason: 'demo data',
          changes: [{ entity: OPERATORS, id: record.id, op: 'put' as const, record: record as StoredRecord }],
        })),
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
      if (newAgents.length) process.stdout.write(`agents ${newAgents[0]}…${newAgents.at(-1)} can sign in with the password ${agentPassword}\n`);
      return 0;
    } finally {
      await store.close();
    }
  },
};
