// Prepares a data directory in-process (operators, customers, orders, cases) before a host holds it.
import type { StoredRecord } from '../../../main/store/index.js';
import { openDesk, type OpenedDesk } from '../../../main/server/open-desk.js';
import { memorySettings } from '../../../main/server/settings/settings-store.js';
import type { CallName, CallResult } from '../../../shared/contract/index.js';

export const PASSWORD = 'e2e password 42';

export interface Preparing {
  /** Calls as this operator (signed in on first use; 'setup' before any manager exists). */
  as(username: string): <N extends CallName>(name: N, input: unknown) => Promise<CallResult<N>>;
  /** Records straight into the store, as the billing import would (orders). */
  put(entity: string, records: StoredRecord[]): void;
  opened: OpenedDesk;
}

export async function prepareDesk(dataDir: string, steps: (desk: Preparing) => Promise<void>) {
  const opened = await openDesk({ dataDir, settings: memorySettings(), slaIntervalMs: 0 });
  const connections = new Map<string, ReturnType<typeof opened.desk.connect>>();
  const dispatch = async (connection: ReturnType<typeof opened.desk.connect>, name: string, input: unknown) => {
    const outcome = await opened.desk.dispatch(connection, name, input);
    if (!outcome.ok) throw new Error(`${name}: ${JSON.stringify(outcome.error)}`);
    return outcome.value;
  };
  const preparing: Preparing = {
    opened,
    as: (username) => async (name, input) => {
      let connection = connections.get(username);
      if (!connection) {
        connection = opened.desk.connect();
        connections.set(username, connection);
        if (username !== 'setup') await dispatch(connection, 'session.signIn', { username, password: PASSWORD });
      }
      return (await dispatch(connection, name, input)) as never;
    },
    put: (entity, records) =>
      opened.desk.services.store.append({ actor: 'e2e', action: `${entity}.imported`, changes: records.map((record) => ({ entity, id: record.id, op: 'put' as const, record })) }),
  };
  try {
    await steps(preparing);
  } finally {
    await opened.close();
  }
}

/** The manager, an agent and a supervisor every desk test starts with. */
export async function standardOperators(desk: Preparing) {
  await desk.as('setup')('setup.createManager', { username: 'mgr', displayName: '王经理', password: PASSWORD });
  const manager = desk.as('mgr');
  await manager('operators.create', { username: 'agent1', displayName: '李客服', password: PASSWORD, role: 'agent' });
  await manager('operators.create', { username: 'sup1', displayName: '赵主管', password: PASSWORD, role: 'supervisor' });
}
