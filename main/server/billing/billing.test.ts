// Billing inquiries on a real desk: explained by the agent, or disputed and resolved by another
// supervisor (four eyes), with exact money and typed refusals that change nothing.
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
  await t.ok(agent, 'customers.create', { account: 'acme-01', name: 'Acme', vip: false, region: 'cn-hangzhou', contacts: [{ name: 'Li Lei' }] });
});
afterAll(() => t.close());

const open = () =>
  t.ok(agent, 'billing.open', {
    customerAccount: 'acme-01',
    invoicePeriod: '2026-04',
    items: [
      { service: 'ecs', amount: '1200.10' },
      { service: 'cdn', amount: '0.2' },
    ],
    question: 'why is April higher than March?',
  });

describe('billing inquiries', () => {
  it('opens with the exact total and records the explanation (service, usage metric)', async () => {
    const c = await open();
    expect(c).toMatchObject({ type: 'billing', status: 'open', details: { invoicePeriod: '2026-04', total: '1200.30' } });
    const explained = await t.ok(agent, 'billing.explain', { id: c.id, service: 'cdn', usageMetric: 'outbound traffic GB', explanation: 'traffic peak on 12 April' });
    expect(explained).toMatchObject({ status: 'explained', details: { explanation: { service: 'cdn', usageMetric: 'outbound traffic GB', by: 'wang' } } });
  });

  it('refuses to explain a service not asked about, naming the field', async () => {
    const c = await open();
    const before = t.snapshot();
    expect(await t.desk.dispatch(agent, 'billing.explain', { id: c.id, service: 'rds', usageMetric: 'x', explanation: 'x' })).toMatchObject({
      ok: false,
      error: { code: 'invalid-input', field: 'service' },
    });
    expect(t.snapshot()).toBe(before);
  });

  it('a dispute escalates with expected and billed amounts; the agent cannot resolve it; a supervisor corrects it', async () => {
    const c = await open();
    const disputed = await t.ok(agent, 'billing.dispute', { id: c.id, expectedAmount: '1000', billedAmount: '1200.10', reason: 'reserved instance not applied' });
    expect(disputed).toMatchObject({ status: 'disputed', details: { dispute: { expected: '1000.00', billed: '1200.10', difference: '200.10', raisedBy: 'wang' } } });

    expect(await t.desk.dispatch(agent, 'billing.resolveDispute', { id: c.id, outcome: 'rejected', note: 'x' })).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    const bad = await t.desk.dispatch(supervisor, 'billing.resolveDispute', { id: c.id, outcome: 'corrected', correctedAmount: '1300', note: 'x' });
    expect(bad).toMatchObject({ ok: false, error: { code: 'invalid-input', field: 'correctedAmount' } });

    const done = await t.ok(supervisor, 'billing.resolveDispute', { id: c.id, outcome: 'corrected', correctedAmount: '1000.00', note: 'RI discount applied' });
    expect(done).toMatchObject({ status: 'dispute-corrected', details: { dispute: { outcome: 'corrected', correctedAmount: '1000.00', credit: '200.10', resolvedBy: 'zhao' } } });
    expect(t.desk.services.store.events().at(-1)).toMatchObject({ actor: 'zhao', action: 'billing.dispute-corrected', reason: 'RI discount applied' });

    const report = await t.ok(supervisor, 'billing.disputes', { status: 'resolved' });
    expect(report).toContainEqual(expect.objectContaining({ id: c.id, outcome: 'corrected', credit: '200.10', difference: '200.10' }));
  });

  it('a supervisor who raised the dispute cannot resolve it (four eyes)', async () => {
    const c = await open();
    await t.ok(supervisor, 'billing.dispute', { id: c.id, expectedAmount: '0.1', billedAmount: '0.3', reason: 'double charge' });
    expect(await t.desk.dispatch(supervisor, 'billing.resolveDispute', { id: c.id, outcome: 'explained', note: 'x' })).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    const other = await t.signedIn('supervisor', 'qian');
    const done = await t.ok(other, 'billing.resolveDispute', { id: c.id, outcome: 'rejected', note: 'charges are correct' });
    expect(done).toMatchObject({ status: 'dispute-rejected', details: { dispute: { difference: '0.20', outcome: 'rejected' } } });
    expect(await t.ok(other, 'billing.disputes', { status: 'open' })).toEqual([]);
  });

  it('refuses a dispute with nothing in dispute', async () => {
    const c = await open();
    expect(await t.desk.dispatch(agent, 'billing.dispute', { id: c.id, expectedAmount: '5', billedAmount: '5.00', reason: 'x' })).toMatchObject({
      ok: false,
      error: { code: 'invalid-input', field: 'billedAmount' },
    });
  });
});
