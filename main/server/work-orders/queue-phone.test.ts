// #12 item 7: the queue search takes a phone number in any format and finds the cases of the
// customers on that number, matched as the call log matches callers (E.164 after normalising).
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { workspaceDesk } from '../workspace/test-fixtures.js';

let t: Awaited<ReturnType<typeof workspaceDesk>>;
beforeEach(async () => {
  t = await workspaceDesk(); // acme-01, contact +8613800000001
});
afterEach(() => t.close());

const customer = (account: string, phone: string) =>
  t.ok(t.agent, 'customers.create', { account, name: `${account} Ltd`, region: 'cn-hangzhou', contacts: [{ name: 'Wang', phone }] });
const complaint = (customerAccount: string, summary: string) =>
  t.ok(t.agent, 'complaints.open', { customerAccount, subject: 'other', summary });
const ids = async (text: string, more: { status?: string[] } = {}) =>
  (await t.ok(t.agent, 'queue.list', { text, limit: 100, ...more })).rows.map((r) => r.id);

describe('queue search by phone number', () => {
  it('finds the customer’s cases whatever the format typed, and nobody else’s', async () => {
    await customer('bravo-01', '13800138000');
    const mine = [await complaint('bravo-01', 'slow replies'), await complaint('bravo-01', 'invoice missing')];
    await complaint('acme-01', 'other customer');
    // Newest first: both opened at the fixture's fixed clock, so the store's order among them is kept; compare as sets.
    for (const typed of ['138-0013-8000', '+86 138 0013 8000', '13800138000', '(+86) 138 0013 8000']) {
      expect((await ids(typed)).sort()).toEqual(mine.map((c) => c.id).sort());
    }
  });

  it('finds the cases of every customer on a shared number, still applying the other filters', async () => {
    await customer('bravo-01', '010-6552-9988');
    await customer('carol-01', '+86 10 6552 9988');
    const b = await complaint('bravo-01', 'b');
    const c = await complaint('carol-01', 'c');
    await t.ok(t.agent, 'complaints.acknowledge', { id: c.id });
    expect((await ids('010 6552 9988')).sort()).toEqual([b.id, c.id].sort());
    expect(await ids('010 6552 9988', { status: ['open'] })).toEqual([b.id]);
  });

  it('a number nobody has is an ordinary text search: nothing found', async () => {
    await complaint('acme-01', 'x');
    expect(await ids('139-0000-0000')).toEqual([]);
  });
});
