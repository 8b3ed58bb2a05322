// The replica's rules on a real store in a temp directory: what a queued command records, how
// pulled events land on clean and on locally changed records, and how an answer settles a command.
import { randomUUID } from 'node:crypto';
import { afterEach, beforeEach, expect, it } from 'vitest';
import { openCaseStore, type OpenedCaseStore, type StoredRecord } from '../../store/index.js';
import { tempDir } from '../../store/test-helpers.js';
import type { TeamEvent } from '../protocol.js';
import { CONFLICTS, OUTBOX, SHADOW, type ConflictRecord, type QueuedCommand } from './entities.js';
import { ensureLink, queueingStore, readLink, runAsCommand } from './outbox.js';
import { applyServerEvent, recordRefusal, settleUnchanged } from './replica.js';

let local: OpenedCaseStore;
let store: OpenedCaseStore;

beforeEach(async () => {
  local = await openCaseStore(tempDir('team-replica'));
  ensureLink(local);
  store = queueingStore(local);
});
afterEach(() => local.close());

const refund = (id: string, status: string): StoredRecord => ({ id, type: 'refund', status, amount: '100.00' });

let position = 0;
function serverEvent(changes: TeamEvent['changes'], extra: Partial<TeamEvent> = {}): TeamEvent {
  position = readLink(store).cursor + 1;
  return { position, commandId: null, deskId: 'other-desk', actor: 'sup-c', action: 'refund.rejected', at: new Date().toISOString(), changes, ...extra };
}

async function asCommand(call: string, run: () => void) {
  const commandId = randomUUID();
  await runAsCommand({ commandId, call, input: { id: 'R-1' }, operator: 'sup-b', at: new Date().toISOString() }, async () => run());
  return commandId;
}

it('queues a call that changes records together with the server versions of what it changed, in the same event', async () => {
  applyServerEvent(store, serverEvent([{ entity: 'cases', id: 'R-1', op: 'put', record: refund('R-1', 'pending') }], { action: 'refund.submitted' }));
  const before = local.events().length;
  const commandId = await asCommand('refunds.approve', () =>
    store.append({ actor: 'sup-b', action: 'refund.approved', changes: [{ entity: 'cases', id: 'R-1', op: 'patch', patch: { status: 'approved' } }] }),
  );
  expect(local.events().length).toBe(before + 1); // one atomic event: the change, the outbox entry, the shadow
  const queued = store.get<QueuedCommand>(OUTBOX, commandId)!;
  expect(queued).toMatchObject({ call: 'refunds.approve', operator: 'sup-b', baseCursor: 1, touched: ['cases/R-1'] });
  expect(store.get(SHADOW, 'cases/R-1')).toMatchObject({ record: { status: 'pending' } });
  expect(store.get('cases', 'R-1')).toMatchObject({ status: 'approved' });
  // Outside a command (the sync loop, a read) nothing is queued.
  store.append({ actor: 'system', action: 'orders.imported', changes: [{ entity: 'orders', id: 'O-1', op: 'put', record: { id: 'O-1' } }] });
  expect(store.count(OUTBOX)).toBe(1);
});

it('a refused command becomes a conflict and its record is the server version again, with the later decision applied', async () => {
  applyServerEvent(store, serverEvent([{ entity: 'cases', id: 'R-1', op: 'put', record: refund('R-1', 'pending') }], { action: 'refund.submitted' }));
  const commandId = await asCommand('refunds.approve', () =>
    store.append({ actor: 'sup-b', action: 'refund.approved', changes: [{ entity: 'cases', id: 'R-1', op: 'patch', patch: { status: 'approved' } }] }),
  );
  // Another desk's rejection arrives while ours waits: the local (optimistic) record stays, the shadow follows the server.
  applyServerEvent(store, serverEvent([{ entity: 'cases', id: 'R-1', op: 'patch', patch: { status: 'rejected' } }]));
  expect(store.get('cases', 'R-1')).toMatchObject({ status: 'approved' });
  expect(store.get(SHADOW, 'cases/R-1')).toMatchObject({ record: { status: 'rejected' } });

  recordRefusal(store, commandId, { code: 'conflict', message: 'already decided' }, undefined, new Date());
  expect(store.get('cases', 'R-1')).toMatchObject({ status: 'rejected' });
  expect(store.count(OUTBOX)).toBe(0);
  expect(store.count(SHADOW)).toBe(0);
  expect(store.get<ConflictRecord>(CONFLICTS, commandId)).toMatchObject({ call: 'refunds.approve', input: { id: 'R-1' }, error: { message: 'already decided' } });
});

it("the server's run of our own command replaces the optimistic records, including ones only our run made", async () => {
  const commandId = await asCommand('refunds.submit', () =>
    store.append({
      actor: 'agent-a',
      action: 'refund.submitted',
      changes: [
        { entity: 'cases', id: 'C-A-000002', op: 'put', record: refund('C-A-000002', 'pending') },
        { entity: 'credits', id: 'CR-A-1', op: 'put', record: { id: 'CR-A-1' } },
      ],
    }),
  );
  // The ids numbered here travel with the command, so the server's replay can keep them.
  expect(store.get<QueuedCommand>(OUTBOX, commandId)?.ids).toEqual({ cases: ['C-A-000002'], credits: ['CR-A-1'] });
  // Here the server numbered it differently and made no credit.
  applyServerEvent(
    store,
    serverEvent([{ entity: 'cases', id: 'C-A-000001', op: 'put', record: refund('C-A-000001', 'pending') }], { commandId, deskId: 'A', actor: 'agent-a', action: 'refund.submitted' }),
  );
  expect(store.get('cases', 'C-A-000001')).toMatchObject({ status: 'pending' });
  expect(store.get('cases', 'C-A-000002')).toBeUndefined();
  expect(store.get('credits', 'CR-A-1')).toBeUndefined();
  expect(store.count(OUTBOX) + store.count(SHADOW)).toBe(0);
  expect(local.events().at(-1)?.action).toBe('team.confirmed');
});

it('two queued commands on one record: the first answer keeps the second one’s local version until it is answered', async () => {
  applyServerEvent(store, serverEvent([{ entity: 'cases', id: 'R-1', op: 'put', record: refund('R-1', 'pending') }], { action: 'refund.submitted' }));
  const first = await asCommand('cases.note', () =>
    store.append({ actor: 'sup-b', action: 'case.noted', changes: [{ entity: 'cases', id: 'R-1', op: 'patch', patch: { note: 'a' } }] }),
  );
  const second = await asCommand('refunds.approve', () =>
    store.append({ actor: 'sup-b', action: 'refund.approved', changes: [{ entity: 'cases', id: 'R-1', op: 'patch', patch: { status: 'approved' } }] }),
  );
  applyServerEvent(store, serverEvent([{ entity: 'cases', id: 'R-1', op: 'patch', patch: { note: 'a' } }], { commandId: first, action: 'case.noted' }));
  expect(store.get('cases', 'R-1')).toMatchObject({ note: 'a', status: 'approved' });
  expect(store.get(SHADOW, 'cases/R-1')).toMatchObject({ record: { note: 'a', status: 'pending' } });
  settleUnchanged(store, second); // the server found nothing to change
  expect(store.get('cases', 'R-1')).toMatchObject({ note: 'a', status: 'pending' });
});

it('refuses an event out of order and ignores one already applied', () => {
  const first = serverEvent([{ entity: 'orders', id: 'O-1', op: 'put', record: { id: 'O-1' } }]);
  expect(applyServerEvent(store, first)).toBe(true);
  expect(applyServerEvent(store, first)).toBe(false);
  expect(() => applyServerEvent(store, { ...first, position: first.position + 2 })).toThrow(/skipped/);
  expect(readLink(store).cursor).toBe(first.position);
});
