// Customers on a real desk: contacts updated with a reason (audited), phones matched in any format,
// a shared number listing every contact, and refusals that change nothing.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestDesk } from '../../../test/support/desk.js';
import type { Connection } from '../context.js';

let t: Awaited<ReturnType<typeof openTestDesk>>;
let agent: Connection;

beforeAll(async () => {
  t = await openTestDesk();
  agent = await t.signedIn('agent', 'wang');
  await t.ok(agent, 'customers.create', {
    account: 'acme-01',
    name: 'Acme',
    vip: false,
    region: 'cn-hangzhou',
    contacts: [
      { name: 'Li Lei', phone: '0571-87654321' },
      { name: 'Han Meimei', phone: '+86 571 8765 4321' },
    ],
  });
});
afterAll(() => t.close());

describe('customers.updateContacts', () => {
  it('replaces the contacts with phones in E.164 and audits the reason', async () => {
    const updated = await t.ok(agent, 'customers.updateContacts', {
      account: 'acme-01',
      reason: 'access recovery: new administrator',
      contacts: [
        { name: 'Han Meimei', phone: '+86 571 8765 4321' },
        { name: 'Zhang Wei', phone: '138-1234-5678', email: 'zhang@acme.example' },
      ],
    });
    expect(updated.contacts.map((c) => c.phone)).toEqual(['+8657187654321', '+8613812345678']);
    const event = t.desk.services.store.events().at(-1)!;
    expect(event).toMatchObject({ actor: 'wang', action: 'customer.contacts-updated', reason: 'access recovery: new administrator' });
    const found = await t.ok(agent, 'customers.lookup', { query: '(+86) 138 1234 5678' });
    expect(found.map((m) => [m.customer.id, m.contacts])).toEqual([['acme-01', ['Zhang Wei']]]);
  });

  it('refuses a bad phone or an unknown account naming the field, changing nothing', async () => {
    const before = t.snapshot();
    const bad = await t.desk.dispatch(agent, 'customers.updateContacts', { account: 'acme-01', reason: 'x', contacts: [{ name: 'A', phone: 'call me' }] });
    expect(bad).toMatchObject({ ok: false, error: { code: 'invalid-input', field: 'contacts.0.phone' } });
    const missing = await t.desk.dispatch(agent, 'customers.updateContacts', { account: 'nobody', reason: 'x', contacts: [{ name: 'A' }] });
    expect(missing).toMatchObject({ ok: false, error: { field: 'account' } });
    const noReason = await t.desk.dispatch(agent, 'customers.updateContacts', { account: 'acme-01', reason: ' ', contacts: [{ name: 'A' }] });
    expect(noReason).toMatchObject({ ok: false, error: { code: 'invalid-input', field: 'reason' } });
    expect(t.snapshot()).toBe(before);
  });
});

describe('caller matching', () => {
  beforeAll(async () => {
    await t.ok(agent, 'customers.create', {
      account: 'shared-01',
      name: 'Shared Co',
      vip: false,
      region: 'cn-beijing',
      contacts: [
        { name: 'Front desk', phone: '010-62345678' },
        { name: 'Night desk', phone: '+86 10 6234 5678' },
      ],
    });
  });

  it.each(['010-62345678', '010 6234 5678', '(010) 62345678', '+86 (10) 62345678', '+86 (0)10 6234 5678', '010/62345678', '010-62345678-802', '010-62345678 ext. 802', '0086 10 62345678'])(
    'a shared number typed as %s lists every contact that holds it',
    async (query) => {
      const found = await t.ok(agent, 'customers.lookup', { query });
      expect(found).toEqual([expect.objectContaining({ customer: expect.objectContaining({ id: 'shared-01' }), matchedOn: 'phone', contacts: ['Front desk', 'Night desk'] })]);
    },
  );
});
