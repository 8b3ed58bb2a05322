// Work orders on a real desk and a real store: lifecycle, escalation, the SLA monitor's
// breach with a fixed clock, key-event severity, attachments, and typed errors that change nothing.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { WorkOrderRecord } from '../../../shared/contract/work-orders.js';
import { openTestDesk } from '../../../test/support/desk.js';
import type { Connection } from '../context.js';
import { startSlaMonitor } from './sla-monitor.js';
import { workOrderInput } from '../workspace/test-fixtures.js';

let clock = Date.parse('2026-05-04T06:00:00Z');
let t: Awaited<ReturnType<typeof openTestDesk>>;
let agent: Connection;

beforeAll(async () => {
  t = await openTestDesk({ now: () => new Date(clock) });
  for (const [account, vip] of [['acme-01', false], ['bigco-01', true]] as const) {
    await t.ok(t.manager, 'customers.create', {
      account,
      name: account,
      vip,
      region: 'cn-hangzhou',
      contacts: [{ name: 'Li Lei', phone: '13812345678' }],
    });
  }
  agent = await t.signedIn('agent', 'wang');
});
afterAll(() => t.close());

const base = workOrderInput;

async function dispatch(name: string, input: unknown) {
  return t.desk.dispatch(agent, name, input);
}

describe('lifecycle', () => {
  it('goes new → in progress → waiting (paused) → in progress → resolved → closed, and refuses a bad transition naming status', async () => {
    const wo = await t.ok(agent, 'workOrders.create', base());
    expect(wo).toMatchObject({ type: 'work-order', status: 'new', severity: 'SEV-2' });
    expect(wo.details.qualityScore).toBeGreaterThan(50);
    const opened = Date.parse(wo.openedAt);

    // A SEV-2 with no response and no update cannot be resolved; nothing is stored.
    const untouched = t.snapshot();
    const early = await dispatch('workOrders.transition', { id: wo.id, status: 'resolved' });
    expect(early).toEqual({ ok: false, error: expect.objectContaining({ code: 'conflict', field: 'status', message: expect.stringContaining('no response and no update') }) });
    expect(t.snapshot()).toBe(untouched);

    await t.ok(agent, 'workOrders.transition', { id: wo.id, status: 'in-progress' });
    clock += 60_000;
    await t.ok(agent, 'workOrders.update', { id: wo.id, done: 'checked the security group', observed: 'port 443 closed' }); // first response at +1 min
    await t.ok(agent, 'workOrders.transition', { id: wo.id, status: 'waiting-for-customer', reason: 'asked for logs' });
    clock += 10 * 60_000;
    const back = await t.ok(agent, 'workOrders.transition', { id: wo.id, status: 'in-progress' });
    expect(back.details.pauses).toEqual([{ start: expect.any(String), end: expect.any(String), reason: 'asked for logs' }]);
    const view = await t.ok(agent, 'workOrders.get', { id: wo.id });
    // S2 never paused: opened + 60 min. S3: first response (+1 min) + 2 h + 10 min waited = +131 min.
    expect(Date.parse(view.sla!.firstResponse.due)).toBe(opened + 60 * 60_000);
    expect(Date.parse(view.sla!.nextUpdate!.due)).toBe(opened + 131 * 60_000);
    expect(view.sla?.rules.find((r) => r.id === 'S3')?.reason).toContain('2 h + 10 min paused');
    expect(view.sla).toMatchObject({ pausedMinutes: 10, clock: '24/7', policyVersion: '2026.1' });

    const before = t.snapshot();
    const bad = await dispatch('workOrders.transition', { id: wo.id, status: 'closed' });
    expect(bad).toEqual({ ok: false, error: expect.objectContaining({ code: 'conflict', field: 'status' }) });
    expect(t.snapshot()).toBe(before);

    await t.ok(agent, 'workOrders.transition', { id: wo.id, status: 'resolved' });
    const closed = await t.ok(agent, 'workOrders.transition', { id: wo.id, status: 'closed' });
    expect(closed.status).toBe('closed');
    const again = await dispatch('workOrders.transition', { id: wo.id, status: 'in-progress' });
    expect(again).toMatchObject({ ok: false, error: { code: 'conflict', field: 'status' } });
    const history = (await t.ok(agent, 'workOrders.get', { id: wo.id })).history.map((h) => h.action);
    expect(history).toEqual([
      'work-order.opened',
      'work-order.in-progress',
      'work-order.updated',
      'work-order.waiting-for-customer',
      'work-order.in-progress',
      'work-order.resolved',
      'work-order.closed',
    ]);
  });

  it('a resolved work order’s clocks stop when it is resolved: read days later, it stands as it did then', async () => {
    const wo = await t.ok(agent, 'workOrders.create', base()); // SEV-2: first response 60 min, updates every 2 h
    const opened = Date.parse(wo.openedAt);
    clock += 60_000;
    await t.ok(agent, 'workOrders.update', { id: wo.id, done: 'checked the security group', observed: 'port 443 closed' }); // first response at +1 min
    clock += 179 * 60_000; // +180 min: the next update was due at +1 + 120 = +121 min, so 59 min overdue
    const resolved = await t.ok(agent, 'workOrders.transition', { id: wo.id, status: 'resolved' });
    clock += 10 * 24 * 60 * 60_000;
    const view = await t.ok(agent, 'workOrders.get', { id: wo.id });
    expect(view.sla).toMatchObject({ stoppedAt: resolved.updatedAt, nextUpdate: { state: 'breached', breachedByMinutes: 59 } });
    expect(Date.parse(view.sla!.nextUpdate!.due)).toBe(opened + 121 * 60_000);
    const open = await t.ok(agent, 'workOrders.create', base());
    expect((await t.ok(agent, 'workOrders.get', { id: open.id })).sla?.stoppedAt).toBeUndefined();
  });

  it('a structured update is the first response and starts the next-update timer', async () => {
    const wo = await t.ok(agent, 'workOrders.create', base());
    const missing = await dispatch('workOrders.update', { id: wo.id, done: 'checked SG', observed: '' });
    expect(missing).toMatchObject({ ok: false, error: { code: 'invalid-input', field: 'observed' } });
    const updated = await t.ok(agent, 'workOrders.update', { id: wo.id, done: 'checked the security group', observed: 'port 22 closed' });
    expect(updated.status).toBe('in-progress');
    const view = await t.ok(agent, 'workOrders.get', { id: wo.id });
    expect(view.sla?.firstResponse.state).toBe('met');
    expect(view.sla?.nextUpdate?.target).toBe('2 h');
  });
});

describe('escalation', () => {
  it('needs a reason, goes L1 → L2, and records who, when and why', async () => {
    const wo = await t.ok(agent, 'workOrders.create', base());
    const before = t.snapshot();
    expect(await dispatch('workOrders.escalate', { id: wo.id, reason: '  ' })).toMatchObject({ ok: false, error: { field: 'reason' } });
    expect(t.snapshot()).toBe(before);
    const up = await t.ok(agent, 'workOrders.escalate', { id: wo.id, reason: 'customer lost production' });
    expect(up.status).toBe('escalated');
    expect(up.details.escalationLevel).toBe('L2');
    expect(up.details.escalations).toEqual([
      { at: new Date(clock).toISOString(), by: 'wang', from: 'L1', to: 'L2', reason: 'customer lost production', automatic: false },
    ]);
    const last = (await t.ok(agent, 'workOrders.get', { id: wo.id })).history.at(-1)!;
    expect(last).toMatchObject({ actor: 'wang', action: 'work-order.escalated', reason: 'customer lost production' });
  });
});

describe('the SLA monitor', () => {
  it('records a breach and the automatic escalation as one system event, once, and emits it', async () => {
    const monitor = startSlaMonitor(t.desk.services, { autoStart: false });
    const events: string[] = [];
    const off = t.desk.onEvent((event, payload) => events.push(`${event}:${'id' in payload ? payload.id : 'ids' in payload ? `${payload.entity}/${payload.ids.join(',')}/${payload.action}` : ''}`));
    const wo = await t.ok(agent, 'workOrders.create', base({ severity: 'SEV-1', customerAccount: 'bigco-01' }));
    expect((await t.ok(agent, 'workOrders.get', { id: wo.id })).sla?.firstResponse.target).toBe('10 min'); // VIP target

    clock += 9 * 60_000;
    expect(monitor.tick()).toEqual([]);
    clock += 2 * 60_000;
    const eventsBefore = t.desk.services.store.events().length;
    expect(monitor.tick()).toEqual([wo.id]);
    expect(t.desk.services.store.events().length).toBe(eventsBefore + 1);
    const last = t.desk.services.store.events().at(-1)!;
    expect(last).toMatchObject({ actor: 'system', action: 'work-order.sla-breached' });
    const after = (await t.ok(agent, 'workOrders.get', { id: wo.id })).case as WorkOrderRecord;
    expect(after.status).toBe('escalated');
    expect(after.details).toMatchObject({ breached: true, escalationLevel: 'L2' });
    expect(after.details.escalations[0]).toMatchObject({ by: 'system', from: 'L1', to: 'L2', automatic: true });
    expect(events).toContain(`sla.breached:${wo.id}`);
    expect(events).toContain(`store.changed:cases/${wo.id}/work-order.sla-breached`); // forwarded from the store, not emitted by hand
    expect(events.some((e) => e.startsWith('clock.tick'))).toBe(true);

    expect(monitor.tick()).toEqual([]); // the same breach is not recorded twice
    const queue = await t.ok(agent, 'queue.list', { limit: 5 });
    expect(queue.rows[0]).toMatchObject({ id: wo.id, breached: true });
    off();
  });
});

describe('key events', () => {
  it('opens a VIP customer’s case one severity higher during the window and flags it', async () => {
    const start = new Date(clock - 3600_000).toISOString();
    const end = new Date(clock + 3600_000).toISOString();
    const before = t.snapshot();
    expect(await dispatch('keyEvents.register', { customerAccount: 'bigco-01', name: 'x', start: end, end: start })).toMatchObject({
      ok: false,
      error: { field: 'end' },
    });
    expect(await dispatch('keyEvents.register', { customerAccount: 'acme-01', name: 'x', start, end })).toMatchObject({
      ok: false,
      error: { field: 'customerAccount' },
    });
    expect(t.snapshot()).toBe(before);
    await t.ok(agent, 'keyEvents.register', { customerAccount: 'bigco-01', name: 'Launch day', start, end });
    const wo = await t.ok(agent, 'workOrders.create', base({ customerAccount: 'bigco-01', severity: 'SEV-3' }));
    expect(wo.severity).toBe('SEV-2');
    expect(wo.details).toMatchObject({ requestedSeverity: 'SEV-3', flagSupervisor: true, severityRule: { id: 'S1', result: 'passed' } });
    const common = await t.ok(agent, 'workOrders.create', base({ customerAccount: 'acme-01', severity: 'SEV-3' }));
    expect(common.severity).toBe('SEV-3');
  });

  it('no longer raises severity once a supervisor rejects the window', async () => {
    const start = new Date(clock - 3600_000).toISOString();
    const end = new Date(clock + 3600_000).toISOString();
    await t.ok(agent, 'keyEvents.register', { customerAccount: 'bigco-01', name: 'Not a launch', start, end });
    const events = await t.ok(agent, 'keyEvents.list', { customerAccount: 'bigco-01' });
    const supervisor = await t.signedIn('supervisor');
    for (const event of events) await t.ok(supervisor, 'keyEvents.reject', { id: event.id, reason: 'no launch registered with sales' });
    const wo = await t.ok(agent, 'workOrders.create', base({ customerAccount: 'bigco-01', severity: 'SEV-3' }));
    expect(wo.severity).toBe('SEV-3');
  });
});

describe('attachments', () => {
  it('moves the uploaded file into <dataDir>/attachments/<caseId>/<sha-prefix>-<safe-name>', async () => {
    const content = Buffer.from('2026-05-04 14:02 ERROR ECS-5003 connection refused\n');
    const wo = await t.ok(agent, 'workOrders.create', base({ attachments: [await t.upload(agent, '../../etc/app:log.txt', content)] }));
    const [file] = wo.details.attachments;
    expect(file!.path).toMatch(new RegExp(`^attachments/${wo.id}/[0-9a-f]{12}-app_log\\.txt$`));
    expect(file!.name).toBe('../../etc/app:log.txt');
    expect(readFileSync(join(t.dataDir, file!.path))).toEqual(content);
  });

  it('takes 20 files of 10 MB each, sent in chunks', async () => {
    const files = [];
    for (let i = 0; i < 20; i++) files.push(await t.upload(agent, `dump-${i}.bin`, Buffer.alloc(10 * 1024 * 1024, i)));
    const wo = await t.ok(agent, 'workOrders.create', base({ attachments: files }));
    expect(wo.details.attachments).toHaveLength(20);
    const last = wo.details.attachments[19]!;
    expect(last.bytes).toBe(10 * 1024 * 1024);
    expect(readFileSync(join(t.dataDir, last.path))[0]).toBe(19);
  }, 120_000); // 200 MB through 100 chunks: slow on a loaded 2-core machine

  it('refuses a file over 10 MB at its start, and more bytes than announced, writing nothing', async () => {
    const before = t.snapshot();
    expect(await dispatch('uploads.begin', { name: 'huge.bin', bytes: 10 * 1024 * 1024 + 1 })).toMatchObject({
      ok: false,
      error: { code: 'invalid-input', field: 'bytes' },
    });
    const { uploadId } = await t.ok(agent, 'uploads.begin', { name: 'small.bin', bytes: 3 });
    expect(await dispatch('uploads.chunk', { uploadId, offset: 0, contentBase64: Buffer.from('four').toString('base64') })).toMatchObject({
      ok: false,
      error: { code: 'invalid-input', field: 'contentBase64' },
    });
    expect(t.snapshot()).toBe(before);
  });

  it('refuses an unfinished upload, one of another connection, and one named twice, changing nothing', async () => {
    const { uploadId } = await t.ok(agent, 'uploads.begin', { name: 'half.log', bytes: 10 });
    await t.ok(agent, 'uploads.chunk', { uploadId, offset: 0, contentBase64: Buffer.from('12345').toString('base64') });
    const other = await t.signedIn('agent');
    const theirs = await t.upload(other, 'theirs.log', Buffer.from('x'));
    const done = await t.upload(agent, 'done.log', Buffer.from('y'));
    const before = t.snapshot();
    for (const [attachments, field] of [
      [[{ uploadId }], 'attachments.0.uploadId'],
      [[done, theirs], 'attachments.1.uploadId'],
      [[done, done], 'attachments.1.uploadId'],
    ] as const) {
      expect(await dispatch('workOrders.create', base({ attachments: [...attachments] }))).toMatchObject({ ok: false, error: { field } });
    }
    expect(t.snapshot()).toBe(before);
  });
});

describe('bad input', () => {
  it.each([
    ['severity', { severity: 'SEV-9' }],
    ['businessImpact', { businessImpact: '' }],
    ['summary', { summary: '' }],
    ['customerAccount', { customerAccount: 'nobody-01' }],
    ['incident.startTime', { incident: { startTime: 'yesterday' } }],
    ['fromCase', { fromCase: 'C-999999' }],
  ])('names %s and changes nothing', async (field, over) => {
    const before = t.snapshot();
    const outcome = await dispatch('workOrders.create', { ...base(), ...over });
    expect(outcome).toMatchObject({ ok: false, error: { field } });
    expect(t.snapshot()).toBe(before);
  });

  it('quality names what is missing from a draft', async () => {
    const report = await t.ok(agent, 'workOrders.quality', { summary: 'it is broken' });
    expect(report.score).toBeLessThan(30);
    expect(report.missing).toEqual(expect.arrayContaining(['summary: affected service', 'summary: start time', 'severity', 'business impact']));
  });
});

describe('queue', () => {
  it('pages in the main process with filters', async () => {
    const all = await t.ok(agent, 'queue.list', { limit: 3 });
    expect(all.rows).toHaveLength(3);
    const page2 = await t.ok(agent, 'queue.list', { limit: 3, offset: 3 });
    expect(page2.rows.map((r) => r.id)).not.toContain(all.rows[0]!.id);
    const sev1 = await t.ok(agent, 'queue.list', { severity: ['SEV-1'], view: 'mine' });
    expect(sev1.rows.every((r) => r.severity === 'SEV-1' && r.owner === 'wang')).toBe(true);
  });
});

describe('queue order', () => {
  it('puts breached first, then open VIP cases, then by SLA due time, then newest', async () => {
    const late = await t.ok(agent, 'workOrders.create', base({ severity: 'SEV-3' })); // common, due in 4 h
    const soon = await t.ok(agent, 'workOrders.create', base({ severity: 'SEV-1' })); // common, due in 15 min
    const { rows } = await t.ok(agent, 'queue.list', { limit: 500 });
    const group = (r: (typeof rows)[number]) => (r.breached ? 0 : r.vip && !['resolved', 'closed'].includes(r.status) ? 1 : 2);
    const groups = rows.map(group);
    expect(groups).toEqual([...groups].sort());
    const common = rows.filter((r) => group(r) === 2).map((r) => r.id);
    expect(common.indexOf(soon.id)).toBeLessThan(common.indexOf(late.id));
    const dues = rows.filter((r) => group(r) === 2 && r.dueAt).map((r) => Date.parse(r.dueAt!));
    expect(dues).toEqual([...dues].sort((a, b) => a - b));
    expect(rows.find((r) => r.id === soon.id)).toMatchObject({ dueKind: 'firstResponse', breached: false });
  });
});

describe('one SLA reading for a seeded case', () => {
  it('the queue, the case page and the dashboard agree on an unanswered seeded SEV-1 call', async () => {
    // A case as `seed` writes it: type call, SEV-1, status new, no work-order details, opened 20 min
    // ago by a common customer: first response due at opening + 15 min, so 5 min overdue now.
    const openedAt = new Date(clock - 20 * 60_000).toISOString();
    const record = {
      id: 'C-900001', type: 'call', channel: 'hotline', customerAccount: 'acme-01', customerName: 'acme-01', vip: false,
      category: 'system-fault', inScope: true, severity: 'SEV-1', status: 'new', summary: 'seeded call', notes: '', errorCodes: [],
      agent: 'agent01', openedAt, updatedAt: openedAt, details: { service: 'ECS', region: 'cn-hangzhou' },
    };
    t.desk.services.store.append({ actor: 'seed', action: 'case.seeded', changes: [{ entity: 'cases', id: record.id, op: 'put', record }] });
    const due = new Date(Date.parse(openedAt) + 15 * 60_000).toISOString().replace('.000Z', 'Z');

    const { rows } = await t.ok(agent, 'queue.list', { limit: 500, text: 'seeded call' });
    expect(rows.find((r) => r.id === record.id)).toMatchObject({ breached: true, dueAt: due, dueKind: 'firstResponse' });
    const view = await t.ok(agent, 'workOrders.get', { id: record.id });
    expect(view.sla).toMatchObject({ breached: true, firstResponse: { due, state: 'breached', breachedByMinutes: 5 }, escalateTo: 'L2' });
    const day = new Date(clock).toISOString().slice(0, 10);
    const summary = await t.ok(t.manager, 'dashboard.summary', { from: day, to: day, bucket: 'day', severity: 'SEV-1' });
    expect(summary.sla.breached).toBeGreaterThanOrEqual(1);
    const onlySeeded = await t.ok(t.manager, 'dashboard.summary', { from: day, to: day, bucket: 'day', agent: 'agent01' });
    expect(onlySeeded.sla).toMatchObject({ assessed: 1, breached: 1, met: 0, pending: 0 });
  });
});
