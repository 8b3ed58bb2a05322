// The desk forwards every stored change once, per entity, whichever handler made it: no handler
// emits by hand, so none can forget (registering or reviewing a key event used to emit nothing).
import { afterEach, beforeEach, expect, it } from 'vitest';
import type { StoreChange } from '../../shared/contract/index.js';
import { workspaceDesk } from './workspace/test-fixtures.js';

let t: Awaited<ReturnType<typeof workspaceDesk>>;
let changes: StoreChange[];
beforeEach(async () => {
  t = await workspaceDesk();
  await t.ok(t.agent, 'customers.create', { account: 'vip-01', name: 'VIP Ltd', region: 'cn-beijing', vip: true, contacts: [{ name: 'Wei', phone: '+8613800000003' }] });
  changes = [];
  t.desk.onEvent((event, payload) => event === 'store.changed' && changes.push(payload as StoreChange));
});
afterEach(() => t.close());

it('registering and approving a key event each reach the windows as one keyEvents change', async () => {
  const ke = await t.ok(t.agent, 'keyEvents.register', { customerAccount: 'vip-01', name: 'Launch', start: '2026-05-10T00:00:00Z', end: '2026-05-11T00:00:00Z' });
  await t.ok(t.supervisor, 'keyEvents.approve', { id: ke.id });
  expect(changes.map(({ entity, ids, action }) => ({ entity, ids, action }))).toEqual([
    { entity: 'keyEvents', ids: [ke.id], action: 'key-event.registered' },
    { entity: 'keyEvents', ids: [ke.id], action: 'key-event.approved' },
  ]);
  expect(changes[1]!.seq).toBe(changes[0]!.seq + 1);
});

it('one event touching two entities announces each once; a refused call announces nothing', async () => {
  const submitted = await t.ok(t.agent, 'accessRecovery.submit', {
    customerAccount: 'vip-01',
    role: 'owner',
    previousHolder: 'old@vip.example',
    newHolder: 'new@vip.example',
    reason: 'admin-left',
    documents: [await t.upload(t.agent, 'letter.pdf', Buffer.from('%PDF-1.4 letter'))],
  });
  changes = [];
  expect((await t.desk.dispatch(t.agent, 'accessRecovery.approve', { id: submitted.id })).ok).toBe(false); // agents may not approve
  expect(changes).toEqual([]);
  await t.ok(t.supervisor, 'accessRecovery.approve', { id: submitted.id });
  expect(changes.map((c) => `${c.entity}:${c.ids.join(',')}`)).toEqual([`cases:${submitted.id}`, 'accountRoles:vip-01:owner']);
});
