// The replica's rules on a real store in a temp directory: what a queued command records, how
// pulled events land on clean and on locally changed records, and how an answer settles a command.
import { randomUUID } from 'node:crypto';
import { afterEach, beforeEach, expect, it } from 'vitest';
import { openCaseStore, type OpenedCaseStore, type StoredRecord } from '../../store/index.js';
import { tempDir } from '../../store/test-helpers.js';
import type { TeamEvent } from '../protocol.js';
import { CONFLICTS, OUTBOX, SHADOW, type ConflictRecord, type QueuedCommand } from './entities.js';
import { ensureLink, queueingStore, readLink, runAsCommand } from './outbox.js';
import { applyServerEvent, applyWholeRecords, pruneReplica, recordRefusal, settleUnchanged } from './replica.js';
import { DEFAULT_REPLICA_DAYS, replicaDays, replicaScope } from './scope.js';
import { replicaDays as replicaDaysSetting } from '../../../shared/contract/settings.js';

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

it('with a working set: a settled old case is left out, a held one that settles old is taken out, a patch of a missing case asks for it whole', async () => {
  const now = new Date('2026-12-01T00:00:00Z');
  const scope = replicaScope(store, () => ({ replicaDays: 30 }), () => now);
  const scoped = { scope, removed: [] as StoredRecord[] };
  // 31 and 29 days before `now`, against a 30-day window.
  const old = '2026-10-31T00:00:00Z';
  const recent = '2026-11-02T00:00:00Z';
  const wo = (id: string, status: string, updatedAt: string): StoredRecord => ({ id, type: 'work-order', status, openedAt: old, updatedAt });
  applyServerEvent(store, serverEvent([{ entity: 'cases', id: 'C-1', op: 'put', record: wo('C-1', 'closed', old) }]), scoped);
  applyServerEvent(store, serverEvent([{ entity: 'cases', id: 'C-2', op: 'put', record: wo('C-2', 'new', old) }]), scoped);
  applyServerEvent(store, serverEvent([{ entity: 'cases', id: 'C-3', op: 'put', record: wo('C-3', 'closed', recent) }]), scoped);
  expect(store.get('cases', 'C-1')).toBeUndefined();
  expect(store.get('cases', 'C-2')).toMatchObject({ status: 'new' }); // open: kept however old
  expect(store.get('cases', 'C-3')).toMatchObject({ status: 'closed' });
  applyServerEvent(store, serverEvent([{ entity: 'cases', id: 'C-2', op: 'patch', patch: { status: 'resolved' } }]), scoped);
  expect(store.get('cases', 'C-2')).toBeUndefined();
  expect(scoped.removed.map((r) => r.id)).toEqual(['C-2']);
  applyServerEvent(store, serverEvent([{ entity: 'cases', id: 'C-1', op: 'patch', patch: { status: 'in-progress', updatedAt: now.toISOString() } }]), scoped);
  expect(readLink(store)).toMatchObject({ cursor: position, wanted: ['cases/C-1'] });
  // The whole case as the server has it now: kept, and off the list.
  applyWholeRecords(store, ['cases/C-1'], [{ entity: 'cases', id: 'C-1', record: { ...wo('C-1', 'in-progress', now.toISOString()) } }], scope);
  expect(store.get('cases', 'C-1')).toMatchObject({ status: 'in-progress' });
  expect(readLink(store).wanted).toEqual([]);
  // Time passes: the recent closed one ages out.
  const later = replicaScope(store, () => ({ replicaDays: 30 }), () => new Date('2026-12-03T00:00:00Z'));
  expect(pruneReplica(store, later).map((r) => r.id)).toEqual(['C-3']);
  expect(store.get('cases', 'C-3')).toBeUndefined();
});

it('a bad replicaDays setting is named and the default used', () => {
  expect(replicaDays({})).toBe(DEFAULT_REPLICA_DAYS);
  expect(replicaDays({ replicaDays: 14 })).toBe(14);
  expect(replicaDays({ replicaDays: 2 })).toBe(DEFAULT_REPLICA_DAYS);
  expect(replicaDaysSetting.safeParse(2.5).error?.issues[0]?.message).toBe('whole days');
});
