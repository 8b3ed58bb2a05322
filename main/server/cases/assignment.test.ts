// Cases belong to somebody (issue 12 item 13), on a real desk and a real store in a temp dir:
// operator levels, claim (and the claim race), transfer with a reason, release, escalation to
// the next level's queue or a named person, the SLA monitor's move, the history, the roles.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Level } from '../../../shared/domain/ownership.js';
import { openTestDesk, PASSWORD } from '../../../test/support/desk.js';
import type { Connection } from '../context.js';
import { startSlaMonitor } from '../work-orders/sla-monitor.js';
import { workOrderInput } from '../workspace/test-fixtures.js';

let clock = Date.parse('2026-05-04T06:00:00Z');
let t: Awaited<ReturnType<typeof openTestDesk>>;
let l1: Connection; // wang, L1 agent
let l1b: Connection; // zhao, L1 agent
let l2: Connection; // li, L2 duty engineer
let l2b: Connection; // chen, L2 duty engineer
let boss: Connection; // sun, supervisor

async function operator(username: string, role: 'agent' | 'supervisor', level?: Level) {
  await t.ok(t.manager, 'operators.create', { username, displayName: username, password: PASSWORD, role, ...(level ? { level } : {}) });
  const connection = t.desk.connect();
  await t.ok(connection, 'session.signIn', { username, password: PASSWORD });
  return connection;
}

beforeAll(async () => {
  t = await openTestDesk({ now: () => new Date(clock) });
  await t.ok(t.manager, 'customers.create', { account: 'acme-01', name: 'Acme', vip: false, region: 'cn-hangzhou', contacts: [{ name: 'Li Lei', phone: '13812345678' }] });
  l1 = await operator('wang', 'agent');
  l1b = await operator('zhao', 'agent', 'L1');
  l2 = await operator('li', 'agent', 'L2');
  l2b = await operator('chen', 'agent', 'L2');
  boss = await operator('sun', 'supervisor');
});
afterAll(() => t.close());

const workOrder = workOrderInput;

const failure = async (connection: Connection, name: string, input: unknown) => {
  const before = t.snapshot();
  const outcome = await t.desk.dispatch(connection, name, input);
  expect(t.snapshot()).toBe(before); // a refused call changes nothing
  if (outcome.ok) throw new Error(`${name} should have been refused`);
  return outcome.error;
};

describe('operator levels', () => {
  it('reads agents as L1 and supervisors at the supervisor level; a supervisor sets an agent’s level, validated', async () => {
    const list = await t.ok(boss, 'operators.list', {});
    const level = (u: string) => list.find((o) => o.username === u)?.level;
    expect([level('wang'), level('li'), level('sun'), level('boss')]).toEqual(['L1', 'L2', 'supervisor', 'supervisor']);

    expect(await failure(t.manager, 'operators.setLevel', { username: 'zhao', level: 'supervisor' })).toMatchObject({ code: 'invalid-input', field: 'level' });
    expect(await failure(t.manager, 'operators.setLevel', { username: 'sun', level: 'L2' })).toMatchObject({ code: 'invalid-input', field: 'level' });
    expect(await failure(t.manager, 'operators.setLevel', { username: 'zhao', level: 'L4' })).toMatchObject({ code: 'invalid-input', field: 'level' });
    expect(await failure(l2, 'operators.setLevel', { username: 'zhao', level: 'L3' })).toMatchObject({ code: 'forbidden' });

    expect(await t.ok(boss, 'operators.setLevel', { username: 'zhao', level: 'L3' })).toMatchObject({ username: 'zhao', level: 'L3' });
    expect(t.desk.services.store.events().at(-1)).toMatchObject({ actor: 'sun', action: 'operator.level-set', reason: 'L1 → L3' });
    await t.ok(boss, 'operators.setLevel', { username: 'zhao', level: 'L1' });
    // Agents see whom they can hand a case to: the active operators with their levels.
    expect((await t.ok(l1, 'operators.directory', {})).find((o) => o.username === 'li')).toMatchObject({ level: 'L2', active: true });
  });
});

describe('claim, transfer, release', () => {
  it('a new case is its opener’s at L1; transfer to a level needs a reason and puts it in that queue; the first claim wins', async () => {
    const wo = await t.ok(l1, 'workOrders.create', workOrder());
    expect(wo).toMatchObject({ owner: 'wang', level: 'L1' });
    const mine = await t.ok(l1, 'queue.list', { view: 'mine' });
    expect(mine.rows.map((r) => r.id)).toContain(wo.id);
    expect(mine.rows.find((r) => r.id === wo.id)).toMatchObject({ owner: 'wang', level: 'L1', dueKind: 'firstResponse' });

    expect(await failure(l1, 'cases.transfer', { id: wo.id, level: 'L2' })).toMatchObject({ code: 'invalid-input', field: 'reason' });
    expect(await failure(l1, 'cases.transfer', { id: wo.id, level: 'L2', reason: '   ' })).toMatchObject({ code: 'invalid-input', field: 'reason' });
    expect(await failure(l1, 'cases.transfer', { id: wo.id, reason: 'needs an engineer' })).toMatchObject({ code: 'invalid-input', field: 'operator' });
    expect(await failure(l1b, 'cases.transfer', { id: wo.id, level: 'L2', reason: 'not mine' })).toMatchObject({ code: 'forbidden', field: 'id', message: expect.stringContaining('wang') });

    const moved = await t.ok(l1, 'cases.transfer', { id: wo.id, level: 'L2', reason: 'needs a duty engineer' });
    expect(moved).toMatchObject({ owner: null, level: 'L2' });
    expect(moved.type === 'work-order' && moved.details).toMatchObject({ escalationLevel: 'L2' }); // the SLA's next step starts from L2
    expect((await t.ok(l1, 'queue.list', { view: 'mine' })).rows.map((r) => r.id)).not.toContain(wo.id);
    expect((await t.ok(l2, 'queue.list', { view: 'level' })).rows.map((r) => r.id)).toContain(wo.id);
    expect((await t.ok(l1, 'queue.list', { view: 'level' })).rows.map((r) => r.id)).not.toContain(wo.id);

    // An L1 agent cannot take an L2 case; the first L2 engineer can; the second is told who has it.
    expect(await failure(l1b, 'cases.claim', { id: wo.id })).toMatchObject({ code: 'forbidden', field: 'id' });
    expect(await t.ok(l2, 'cases.claim', { id: wo.id })).toMatchObject({ owner: 'li', level: 'L2' });
    expect(await failure(l2b, 'cases.claim', { id: wo.id })).toEqual({ code: 'conflict', field: 'id', message: `${wo.id} is already claimed by li` });
    expect((await t.ok(l2, 'queue.list', { view: 'mine' })).rows.map((r) => r.id)).toContain(wo.id);
    expect((await t.ok(l2b, 'queue.list', { view: 'level' })).rows.map((r) => r.id)).not.toContain(wo.id);

    const history = (await t.ok(l2, 'cases.get', { id: wo.id })).history;
    expect(history.filter((h) => h.assignment).map((h) => [h.actor, h.action, h.reason, h.assignment])).toEqual([
      ['wang', 'case.transferred', 'needs a duty engineer', { from: { owner: 'wang', level: 'L1' }, to: { owner: null, level: 'L2' } }],
      ['li', 'case.claimed', undefined, { from: { owner: null, level: 'L2' }, to: { owner: 'li', level: 'L2' } }],
    ]);
  });

  it('two claims at once: one wins, the other is refused naming the owner', async () => {
    const c = await t.ok(l1, 'workOrders.create', workOrder({ summary: 'OSS 403 since 09:00' }));
    await t.ok(l1, 'cases.release', { id: c.id });
    const [a, b] = await Promise.all([t.desk.dispatch(l1, 'cases.claim', { id: c.id }), t.desk.dispatch(l1b, 'cases.claim', { id: c.id })]);
    const won = [a, b].filter((o) => o.ok);
    const lost = [a, b].filter((o) => !o.ok);
    expect(won).toHaveLength(1);
    const owner = (won[0] as { value: { owner: string } }).value.owner;
    expect(lost[0]).toEqual({ ok: false, error: { code: 'conflict', field: 'id', message: `${c.id} is already claimed by ${owner}` } });
    expect(t.desk.services.store.history('cases', c.id).filter((e) => e.action === 'case.claimed')).toHaveLength(1);
  });

  it('a supervisor transfers any case; nobody can be given a case once deactivated; release needs an owner', async () => {
    const c = await t.ok(l1, 'workOrders.create', workOrder({ summary: 'RDS slow since 10:00' }));
    expect(await t.ok(boss, 'cases.transfer', { id: c.id, operator: 'chen', reason: 'chen knows RDS' })).toMatchObject({ owner: 'chen', level: 'L2' });
    expect(await failure(boss, 'cases.transfer', { id: c.id, operator: 'chen', reason: 'again' })).toMatchObject({ code: 'conflict', field: 'operator' });
    expect(await failure(boss, 'cases.transfer', { id: c.id, operator: 'nobody', reason: 'x' })).toMatchObject({ code: 'not-found', field: 'operator' });

    await t.ok(t.manager, 'operators.setActive', { username: 'zhao', active: false, reason: 'left the team' });
    expect(await failure(boss, 'cases.transfer', { id: c.id, operator: 'zhao', reason: 'cover' })).toMatchObject({ code: 'conflict', field: 'operator', message: expect.stringContaining('deactivated') });
    expect(await failure(l2b, 'workOrders.escalate', { id: c.id, reason: 'need an expert', operator: 'zhao' })).toMatchObject({ code: 'conflict', field: 'operator' });
    await t.ok(t.manager, 'operators.setActive', { username: 'zhao', active: true, reason: 'back' });

    expect(await t.ok(l2b, 'cases.release', { id: c.id, reason: 'on leave tomorrow' })).toMatchObject({ owner: null, level: 'L2' });
    expect((await t.ok(l2b, 'cases.get', { id: c.id })).history.at(-1)).toMatchObject({
      actor: 'chen',
      action: 'case.released',
      reason: 'on leave tomorrow',
      assignment: { from: { owner: 'chen', level: 'L2' }, to: { owner: null, level: 'L2' } },
    });
    expect(await failure(l2b, 'cases.release', { id: c.id })).toMatchObject({ code: 'conflict', field: 'id' });
    expect(await failure(l2b, 'cases.transfer', { id: c.id, level: 'L3', reason: 'x' })).toMatchObject({ code: 'forbidden', field: 'id' }); // claim it first
  });

  it('a deactivated operator’s open cases go back to their level’s queue, in the same event', async () => {
    const wu = await operator('wu', 'agent');
    const c = await t.ok(wu, 'workOrders.create', workOrder({ summary: 'VPC peering down since 08:00' }));
    await t.ok(t.manager, 'operators.setActive', { username: 'wu', active: false, reason: 'left the company' });
    expect((await t.ok(l1, 'queue.list', { view: 'level' })).rows.find((r) => r.id === c.id)).toMatchObject({ owner: null, level: 'L1' });
    expect((await t.ok(l1, 'cases.get', { id: c.id })).history.at(-1)).toMatchObject({
      actor: 'boss',
      action: 'operator.deactivated',
      reason: 'left the company',
      assignment: { from: { owner: 'wu', level: 'L1' }, to: { owner: null, level: 'L1' } },
    });
  });

  it('reads cases stored before ownership as their opener’s, and a mail case as waiting in the L1 queue', async () => {
    const old = (id: string, agent: string, details: Record<string, unknown> = {}) => ({
      id, type: 'work-order', channel: 'email', customerAccount: 'acme-01', customerName: 'Acme', vip: false, category: 'console', inScope: true,
      status: 'in-progress', summary: `older case ${id}`, notes: '', errorCodes: [], agent, openedAt: '2026-05-01T00:00:00.000Z', updatedAt: '2026-05-01T00:00:00.000Z', details,
    });
    t.desk.services.store.append({
      actor: 'import',
      action: 'case.imported',
      changes: [
        { entity: 'cases', id: 'C-900001', op: 'put', record: old('C-900001', 'wang') },
        { entity: 'cases', id: 'C-900002', op: 'put', record: old('C-900002', 'mail') },
        { entity: 'cases', id: 'C-900003', op: 'put', record: old('C-900003', 'mail', { escalationLevel: 'L2' }) },
      ],
    });
    expect((await t.ok(l1, 'queue.list', { view: 'mine' })).rows.map((r) => r.id)).toContain('C-900001');
    expect((await t.ok(l1, 'queue.list', { view: 'level' })).rows.map((r) => r.id)).toContain('C-900002');
    expect((await t.ok(l2, 'queue.list', { view: 'level' })).rows.map((r) => r.id)).toContain('C-900003');
    expect(await t.ok(l1, 'cases.claim', { id: 'C-900002' })).toMatchObject({ owner: 'wang', level: 'L1', agent: 'mail' });
  });

  it('a finished case leaves its owner’s open cases and has no owner to change', async () => {
    const wo = await t.ok(l1, 'workOrders.create', workOrder({ summary: 'NAS mount fails since 07:00' }));
    await t.ok(l1, 'workOrders.update', { id: wo.id, done: 'remounted with NFSv3', observed: 'mount works' });
    await t.ok(l1, 'workOrders.transition', { id: wo.id, status: 'resolved' });
    expect((await t.ok(l1, 'queue.list', { view: 'mine' })).rows.map((r) => r.id)).not.toContain(wo.id);
    expect(await failure(l1, 'cases.release', { id: wo.id })).toMatchObject({ code: 'conflict', field: 'id' });
    const call = await t.ok(l1, 'calls.log', { customerAccount: 'acme-01', channel: 'hotline', category: 'console', summary: 'console question' });
    expect(call).toMatchObject({ owner: 'wang', level: 'L1' });
    expect(await failure(l1, 'cases.transfer', { id: call.id, level: 'L2', reason: 'x' })).toMatchObject({ code: 'conflict', field: 'id' });
  });
});

describe('escalation', () => {
  it('moves a work order to the next level’s queue, or to a named person at a higher level', async () => {
    const a = await t.ok(l1, 'workOrders.create', workOrder({ summary: 'SLB 502 since 11:00' }));
    const up = await t.ok(l1, 'workOrders.escalate', { id: a.id, reason: 'needs packet capture' });
    expect(up).toMatchObject({ status: 'escalated', owner: null, level: 'L2', details: { escalationLevel: 'L2' } });
    expect((await t.ok(l2b, 'queue.list', { view: 'level' })).rows.map((r) => r.id)).toContain(a.id);

    const b = await t.ok(l1, 'workOrders.create', workOrder({ summary: 'CDN stale since 12:00' }));
    expect(await failure(l1, 'workOrders.escalate', { id: b.id, reason: 'x', operator: 'zhao' })).toMatchObject({ code: 'conflict', field: 'operator' }); // L1 → L1 is no escalation
    const named = await t.ok(l1, 'workOrders.escalate', { id: b.id, reason: 'li handled the last one', operator: 'li' });
    expect(named).toMatchObject({ owner: 'li', level: 'L2', details: { escalationLevel: 'L2' } });
    const history = (await t.ok(l2, 'workOrders.get', { id: b.id })).history;
    expect(history.at(-1)).toMatchObject({ actor: 'wang', action: 'work-order.escalated', reason: 'li handled the last one', assignment: { from: { owner: 'wang', level: 'L1' }, to: { owner: 'li', level: 'L2' } } });
  });

  it('the SLA monitor’s breach takes the case from its owner into the next level’s queue', async () => {
    const monitor = startSlaMonitor(t.desk.services, { autoStart: false });
    monitor.tick(); // earlier cases of this file breach first
    const c = await t.ok(l1, 'workOrders.create', workOrder({ summary: 'ECS down since 13:00', severity: 'SEV-1' }));
    // SEV-1, common customer: first response due at opening + 15 min (policy section 3); 16 min later it is overdue.
    clock += 16 * 60_000;
    expect(monitor.tick()).toContain(c.id);
    const after = (await t.ok(l2, 'workOrders.get', { id: c.id })).case;
    expect(after).toMatchObject({ owner: null, level: 'L2', status: 'escalated' });
    expect((await t.ok(l2, 'queue.list', { view: 'level' })).rows.map((r) => r.id)).toContain(c.id);
    const last = (await t.ok(l2, 'workOrders.get', { id: c.id })).history.at(-1)!;
    expect(last).toMatchObject({ actor: 'system', action: 'work-order.sla-breached', assignment: { from: { owner: 'wang', level: 'L1' }, to: { owner: null, level: 'L2' } } });
    monitor.stop();
  });
});
