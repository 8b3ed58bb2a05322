// Access recovery on a real desk: documents stored, nothing changes until a second operator
// approves, the approval and the role change are one audited event.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestDesk } from '../../../test/support/desk.js';
import type { Connection } from '../context.js';

let t: Awaited<ReturnType<typeof openTestDesk>>;
let agent: Connection;
let supervisor: Connection;

beforeAll(async () => {
  t = await openTestDesk();
  agent = await t.signedIn('agent', 'wang');
  supervisor = await t.signedIn('supervisor', 'zhao');
  await t.ok(agent, 'customers.create', { account: 'acme-01', name: 'Acme', vip: false, region: 'cn-hangzhou', contacts: [{ name: 'Li Lei', phone: '13812345678' }] });
});
afterAll(() => t.close());

const submit = async (who: Connection = agent) =>
  t.ok(who, 'accessRecovery.submit', {
    customerAccount: 'acme-01',
    reason: 'admin-left',
    role: 'account administrator',
    previousHolder: 'Li Lei',
    newHolder: 'Han Meimei',
    documents: [await t.upload(who, 'business-licence.pdf', Buffer.from('%PDF licence'))],
  });

describe('access recovery', () => {
  it('stores the documents, changes nothing until approved, then changes the role in the approving event', async () => {
    const c = await submit();
    expect(c).toMatchObject({ type: 'access-recovery', status: 'submitted', details: { previousHolder: 'Li Lei', newHolder: 'Han Meimei' } });
    const doc = (c.details as { documents: { path: string }[] }).documents[0]!;
    expect(existsSync(join(t.dataDir, doc.path))).toBe(true);
    expect(readFileSync(join(t.dataDir, doc.path), 'utf8')).toBe('%PDF licence');
    expect(await t.ok(agent, 'accessRecovery.roles', { customerAccount: 'acme-01' })).toEqual([]);

    expect(await t.desk.dispatch(agent, 'accessRecovery.approve', { id: c.id })).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    const approved = await t.ok(supervisor, 'accessRecovery.approve', { id: c.id });
    expect(approved).toMatchObject({ status: 'approved', details: { roleChange: { from: 'Li Lei', to: 'Han Meimei' }, review: { by: 'zhao' } } });
    const event = t.desk.services.store.events().at(-1)!;
    expect(event).toMatchObject({ actor: 'zhao', action: 'access-recovery.approved' });
    expect(event.changes.map((ch) => ch.entity)).toEqual(['cases', 'accountRoles']);
    expect(await t.ok(agent, 'accessRecovery.roles', { customerAccount: 'acme-01' })).toEqual([
      expect.objectContaining({ role: 'account administrator', holder: 'Han Meimei', grantedBy: 'zhao', viaCase: c.id }),
    ]);
  });

  it('four eyes: a supervisor cannot approve their own request; a rejection needs a reason and changes no role', async () => {
    const c = await submit(supervisor);
    expect(await t.desk.dispatch(supervisor, 'accessRecovery.approve', { id: c.id })).toMatchObject({ ok: false, error: { code: 'forbidden', field: 'id' } });
    const other = await t.signedIn('supervisor', 'qian');
    const rejected = await t.ok(other, 'accessRecovery.reject', { id: c.id, reason: 'licence does not match the account' });
    expect(rejected.status).toBe('rejected');
    expect(await t.desk.dispatch(other, 'accessRecovery.approve', { id: c.id })).toMatchObject({ ok: false, error: { code: 'conflict' } });
  });

  it('refuses a request without documents or with an unknown customer, changing nothing', async () => {
    const document = await t.upload(agent, 'a.pdf', Buffer.from('%PDF'));
    const before = t.snapshot();
    const base = { customerAccount: 'acme-01', reason: 'role-lost', role: 'billing admin', previousHolder: 'A', newHolder: 'B' };
    expect(await t.desk.dispatch(agent, 'accessRecovery.submit', { ...base, documents: [] })).toMatchObject({ ok: false, error: { field: 'documents' } });
    expect(
      await t.desk.dispatch(agent, 'accessRecovery.submit', { ...base, customerAccount: 'nobody', documents: [document] }),
    ).toMatchObject({ ok: false, error: { field: 'customerAccount' } });
    expect(t.snapshot()).toBe(before);
  });
});
