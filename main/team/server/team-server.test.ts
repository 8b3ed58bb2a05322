// The team server on a real PostgreSQL: sign-in, command replay through the desk's own
// handlers and rules, idempotency, refusals (forged pushes, four eyes, a decision taken
// meanwhile by someone else), pull, and the center-wide search and report.
import { createHash } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { order } from '../../server/workspace/test-fixtures.js';
import { ORDERS } from '../../../shared/domain/entities.js';
import type { StoredRecord } from '../../store/types.js';
import { startPostgres, type TestPostgres } from '../../../test/support/postgres.js';
import { setUpTeam, TEAM_PASSWORD, TeamDeskClient, TeamHttpError } from '../../../test/support/team.js';
import { startTeamServer, type TeamServer } from './team-server.js';

const NOW = '2026-05-06T02:00:00.000Z'; // the fixtures' orders were bought two days before

let postgres: TestPostgres;
let server: TeamServer;
let manager: TeamDeskClient;
let agent: TeamDeskClient;
let sup1: TeamDeskClient;
let sup2: TeamDeskClient;

beforeAll(async () => {
  postgres = await startPostgres();
  server = await startTeamServer({ databaseUrl: await postgres.createDatabase(), slaIntervalMs: 0, clock: () => new Date(NOW) });
  await setUpTeam(server.url);
  manager = new TeamDeskClient(server.url);
  await manager.signIn('boss');
  for (const [username, role] of [['agent1', 'agent'], ['sup1', 'supervisor'], ['sup2', 'supervisor']] as const) {
    await manager.ok('operators.create', { username, displayName: username, password: TEAM_PASSWORD, role }, NOW);
  }
  const desks = await Promise.all(
    ['agent1', 'sup1', 'sup2'].map(async (username) => {
      const desk = new TeamDeskClient(server.url);
      await desk.signIn(username);
      return desk;
    }),
  );
  [agent, sup1, sup2] = desks as [TeamDeskClient, TeamDeskClient, TeamDeskClient];
  await agent.ok('customers.create', { account: 'acme-01', name: '阿克米云计算', region: 'cn-hangzhou', contacts: [{ name: 'Alice', phone: '+8613800000001' }] }, NOW);
  // Orders come from billing, not from a desk: the server records them as a system event.
  await server.center.runSystem(() =>
    server.center.store.append({
      actor: 'billing-import',
      action: 'order.imported',
      changes: ['O-1', 'O-2', 'O-3'].map((id) => ({ entity: ORDERS, id, op: 'put' as const, record: { ...order(id) } as StoredRecord })),
    }),
  );
}, 120_000);

afterAll(async () => {
  await server?.close();
  await postgres?.stop();
});

const submitRefund = async (orderIds: string[], by = agent) =>
  (await by.ok('refunds.submit', { customerAccount: 'acme-01', orderIds, dataMigrationConfirmed: true }, NOW)) as { id: string; status: string };

describe('sign-in', () => {
  it('gives each desk a short code once, and refuses a wrong password naming the field', async () => {
    const desk = new TeamDeskClient(server.url);
    const first = await desk.signIn('agent1');
    expect(first.deskCode).toMatch(/^[A-Z2-9]{2,3}$/);
    expect((await desk.signIn('agent1')).deskCode).toBe(first.deskCode);
    expect(first.deskCode).not.toBe(agent.deskCode);
    const wrong = await desk.signIn('agent1', 'not the password').catch((error: TeamHttpError) => error);
    expect(wrong).toMatchObject({ status: 401, body: { error: { code: 'unauthenticated', field: 'password' } } });
  });

  it('refuses push and pull without a valid token', async () => {
    const stranger = new TeamDeskClient(server.url);
    stranger.token = 'forged-token';
    expect(await stranger.pullOnce().catch((error: TeamHttpError) => error.status)).toBe(401);
    expect(await stranger.push(agent.command('customers.create', { account: 'x-1', name: 'X', region: 'r', contacts: [{ name: 'X' }] })).catch((e: TeamHttpError) => e.status)).toBe(401);
  });
});

describe('commands', () => {
  it('answers a command pushed twice with the same result, applied once', async () => {
    const head = await server.center.head();
    const command = agent.command('customers.create', { account: 'twice-01', name: 'Twice', region: 'cn-beijing', contacts: [{ name: 'T' }] }, NOW);
    const [first] = await agent.push(command);
    const [second] = await agent.push(command);
    expect(first).toMatchObject({ ok: true, position: head + 1 });
    expect(second).toEqual({ ...first, replayed: true });
    expect(await server.center.head()).toBe(head + 1);
  });

  it('refuses bad input with the field named and records nothing', async () => {
    const head = await server.center.head();
    const [result] = await agent.push(agent.command('customers.create', { account: 'Bad Account', name: 'X', region: 'r', contacts: [{ name: 'X' }] }, NOW));
    expect(result).toMatchObject({ ok: false, error: { code: 'invalid-input', field: 'account' } });
    expect(await server.center.head()).toBe(head);
  });

  it('refuses forged pushes: another operator’s command, a supervisor-only call from an agent, approving one’s own refund', async () => {
    const refund = await submitRefund(['O-1'], sup1);
    const head = await server.center.head();
    const asSomeoneElse = { ...agent.command('refunds.approve', { id: refund.id }, NOW), operator: 'sup2' };
    const [forgedOperator, agentApproves, ownApproval] = await Promise.all([
      agent.push(asSomeoneElse),
      agent.push(agent.command('refunds.approve', { id: refund.id }, NOW)),
      sup1.push(sup1.command('refunds.approve', { id: refund.id }, NOW)),
    ]);
    expect(forgedOperator[0]).toMatchObject({ ok: false, error: { code: 'forbidden', field: 'operator' } });
    expect(agentApproves[0]).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    expect(ownApproval[0]).toMatchObject({ ok: false, error: { code: 'forbidden', field: 'id' } });
    expect(await server.center.head()).toBe(head);
    expect(server.center.store.get<{ id: string; status: string }>('cases', refund.id)!.status).toBe('submitted');
  });

  it('refuses a command from an operator deactivated meanwhile, whatever the desk still believes', async () => {
    const leaver = new TeamDeskClient(server.url);
    await manager.ok('operators.create', { username: 'leaver', displayName: 'Leaver', password: TEAM_PASSWORD, role: 'agent' }, NOW);
    await leaver.signIn('leaver');
    await manager.ok('operators.setActive', { username: 'leaver', active: false, reason: 'left the center' }, NOW);
    const refused = await leaver.push(leaver.command('customers.create', { account: 'late-01', name: 'Late', region: 'r', contacts: [{ name: 'L' }] }, NOW)).catch((e: TeamHttpError) => e);
    expect(refused).toMatchObject({ status: 403, body: { error: { code: 'forbidden' } } });
    expect(server.center.store.get('customers', 'late-01')).toBeUndefined();
  });

  it('refuses the second of two supervisors deciding one refund, naming who decided', async () => {
    const refund = await submitRefund(['O-2']);
    await Promise.all([sup1.pullAll(), sup2.pullAll()]);
    // Both saw it submitted; sup2 rejects first, then sup1's approval arrives.
    const rejection = sup2.command('refunds.reject', { id: refund.id, reason: '客户撤回申请' }, NOW);
    const approval = sup1.command('refunds.approve', { id: refund.id }, NOW);
    const [rejected] = await sup2.push(rejection);
    const [approved] = await sup1.push(approval);
    expect(rejected).toMatchObject({ ok: true });
    expect(approved).toMatchObject({
      ok: false,
      error: { code: 'conflict', field: 'id' },
      decidedBy: { actor: 'sup2', action: 'refund.rejected', position: (rejected as { position: number }).position, deskId: sup2.deskId },
    });
    expect(server.center.store.get<{ id: string; status: string }>('cases', refund.id)!.status).toBe('rejected');
  });
});

describe('ids across the center', () => {
  const call = { customerAccount: 'acme-01', channel: 'hotline', category: 'product-function', summary: '来电咨询' } as const;
  const logged = async (desk: TeamDeskClient, ids?: Record<string, string[]>) => {
    const [result] = await desk.push({ ...desk.command('calls.log', call, NOW), ...(ids ? { ids } : {}) });
    if (!result?.ok) throw new Error(JSON.stringify(result));
    return (result.value as { id: string }).id;
  };

  it('keeps the case number a desk gave offline, and never lets a desk take another desk’s', async () => {
    const offline = `C-${agent.deskCode}-000042`;
    expect(await logged(agent, { cases: [offline] })).toBe(offline);
    // A desk that sends no ids is numbered by the center, as a desk on its own numbers.
    expect(await logged(agent)).toMatch(/^C-\d{6}$/);
    // The offered id carries another desk's code: the server numbers it under this desk's code.
    const other = await logged(sup1, { cases: [`C-${agent.deskCode}-000043`] });
    expect(other).toMatch(new RegExp(`^C-${sup1.deskCode}-\\d{6}$`));
    expect(server.center.store.get('cases', `C-${agent.deskCode}-000043`)).toBeUndefined();
  });
});

describe('pull', () => {
  it('hands every desk the same events in position order 1, 2, 3, … without operators’ password hashes', async () => {
    const desk = new TeamDeskClient(server.url);
    await desk.signIn('sup2');
    await desk.pullAll();
    const head = await server.center.head();
    expect(desk.pulled.map((e) => e.position)).toEqual(Array.from({ length: head }, (_, i) => i + 1));
    const operatorPuts = desk.pulled.flatMap((e) => e.changes).filter((c) => c.entity === 'operators' && c.op === 'put');
    expect(operatorPuts.length).toBeGreaterThanOrEqual(5);
    for (const put of operatorPuts) expect(put.op === 'put' && 'passwordHash' in put.record).toBe(false);
  });

  it('names the field of a bad cursor', async () => {
    const bad = await fetch(`${server.url}/team/v1/pull?after=-3`, { headers: { authorization: `Bearer ${agent.token}` } });
    expect(bad.status).toBe(400);
    expect(await bad.json()).toMatchObject({ error: { code: 'invalid-input', field: 'after' } });
  });
});

describe('online calls over the whole center', () => {
  it('searches cases in PostgreSQL, Chinese substrings included', async () => {
    const found = await agent.call('team.search', { text: '米云' });
    expect(found).toMatchObject({ ok: true });
    const value = (found as { value: { total: number; cases: Array<{ customerName: string }> } }).value;
    expect(value.total).toBe(5); // the cases above, all for 阿克米云计算: two refunds (O-1 by sup1, O-2 by agent1) and three logged calls
    expect(value.cases.every((c) => c.customerName === '阿克米云计算')).toBe(true);
    expect(await agent.call('team.search', { text: '不存在的客户' })).toEqual({ ok: true, value: { total: 0, cases: [] } });
  });

  it('reports case counts by status to managers only', async () => {
    expect(await agent.call('team.report', {})).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    const report = (await manager.call('team.report', {})) as { ok: true; value: { total: number; byStatus: Array<{ status: string; count: number }> } };
    const cases = server.center.store.all<{ id: string; status: string }>('cases');
    expect(report.value.total).toBe(cases.length);
    expect(report.value.byStatus.find((s) => s.status === 'rejected')?.count).toBe(cases.filter((c) => c.status === 'rejected').length);
  });

  it('answers a read-only contract call and refuses one that would change the center', async () => {
    expect(await agent.call('customers.get', { account: 'acme-01' })).toMatchObject({ ok: true, value: { name: '阿克米云计算' } });
    const head = await server.center.head();
    const write = await agent.call('customers.create', { account: 'sneaky-01', name: 'S', region: 'r', contacts: [{ name: 'S' }] });
    expect(write).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    expect(await server.center.head()).toBe(head);
    expect(server.center.store.get('customers', 'sneaky-01')).toBeUndefined();
  });
});

describe('files', () => {
  it('keeps a file only under its own SHA-256, and refuses a command naming a file it was never sent', async () => {
    const bytes = Buffer.from('截图内容');
    const put = (sha: string) => fetch(`${server.url}/team/v1/files/${sha}`, { method: 'PUT', headers: { authorization: `Bearer ${agent.token}` }, body: bytes });
    const wrong = await put('0'.repeat(64));
    expect(wrong.status).toBe(400);
    expect(await wrong.json()).toMatchObject({ error: { code: 'invalid-input', field: 'sha256' } });
    const sha = createHash('sha256').update(bytes).digest('hex');
    expect((await put(sha)).status).toBe(200);
    const back = await fetch(`${server.url}/team/v1/files/${sha}`, { headers: { authorization: `Bearer ${agent.token}` } });
    expect(back.headers.get('x-content-type-options')).toBe('nosniff');
    expect(Buffer.from(await back.arrayBuffer()).equals(bytes)).toBe(true);

    const head = await server.center.head();
    const command = {
      ...agent.command('workOrders.create', { customerAccount: 'acme-01', summary: 'x', severity: 'SEV-3', businessImpact: 'y', attachments: [{ uploadId: 'U-desk-1' }] }, NOW),
      files: [{ uploadId: 'U-desk-1', sha256: 'f'.repeat(64), name: 'never-sent.pdf' }],
    };
    const [result] = await agent.push(command);
    expect(result).toMatchObject({ ok: false, error: { code: 'invalid-input', field: 'files.0' } });
    expect(await server.center.head()).toBe(head);
  });
});
