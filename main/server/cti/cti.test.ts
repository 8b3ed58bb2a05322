// The phone system's posts, sent as phone systems send them (Zammad's documented curl lines,
// form-encoded and JSON) to the real browser host, through to the calls agents see.
import { execFile } from 'node:child_process';
import { request } from 'node:http';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { PhoneCall } from '../../../shared/contract/channels.js';
import type { DeskEvents } from '../../../shared/contract/index.js';
import { openTestDesk } from '../../../test/support/desk.js';
import { startWebHost, type WebHost } from '../../web/host.js';
import { startCtiListener } from './listener.js';
import { PHONE_CALLS } from '../../../shared/domain/entities.js';

const run = promisify(execFile);

describe('CTI endpoint (generic CTI push format)', () => {
  let t: Awaited<ReturnType<typeof openTestDesk>>;
  let host: WebHost;
  let endpoint: string;
  let token: string;
  let agent: Awaited<ReturnType<typeof t.signedIn>>;
  const pushed: DeskEvents['phone.call'][] = [];
  let clock = Date.parse('2026-12-01T02:00:00Z');

  /** Exactly as a phone system's admin would run it: `curl -X POST --data "…" URL`. */
  const curl = async (args: string[]) => {
    const { stdout } = await run('curl', ['-s', '-o', '-', '-w', '\\n%{http_code}', '-X', 'POST', ...args]);
    const [body, status] = stdout.split('\n');
    return { status: Number(status), body: body ? JSON.parse(body) : null };
  };
  const calls = () => t.desk.services.store.all<PhoneCall & { id: string }>(PHONE_CALLS);

  beforeAll(async () => {
    t = await openTestDesk({ now: () => new Date(clock) });
    mkdirSync(join(t.dataDir, 'renderer'));
    host = await startWebHost({ desk: t.desk, rendererDir: join(t.dataDir, 'renderer') });
    await t.ok(t.manager, 'customers.create', {
      account: 'acme-01',
      name: 'Acme',
      vip: true,
      region: 'cn-east',
      contacts: [{ name: 'Wang', phone: '+49 30 5557 1600' }],
    });
    agent = await t.signedIn('agent', 'alice');
    const { newCtiToken } = await t.ok(t.manager, 'channels.update', { newCtiToken: true });
    token = newCtiToken!;
    endpoint = `http://127.0.0.1:${host.port}/api/v1/cti/${token}`;
    t.desk.onEvent((event, payload) => event === 'phone.call' && pushed.push(payload as DeskEvents['phone.call']));
  });

  afterAll(async () => {
    await host?.close();
    await t?.close();
  });

  it('takes the documented newCall, answer and hangup curl lines unchanged, and records the real duration', async () => {
    // The documentation's lines, only the address changed. Alice's display name is her username here.
    const newCall = await curl(['--data', 'event=newCall&from=493055571600&to=491711234567890&direction=in&callId=123456&user[]=Alice&user[]=Bob', endpoint]);
    expect(newCall).toEqual({ status: 200, body: {} });
    const ringing = calls()[0]!;
    clock += 12_000; // it rings for 12 s
    expect(ringing).toMatchObject({ state: 'ringing', from: '493055571600', agents: ['alice'], direction: 'in' });
    // 493055571600 is +49 30 55571600 written without the +: the same number as Wang's contact.
    expect(ringing.caller).toMatchObject({ customer: { id: 'acme-01', vip: true }, matchedOn: 'phone', contacts: ['Wang'] });
    expect(pushed.at(-1)).toMatchObject({ state: 'ringing', agents: ['alice'] });

    const answer = await curl(['--data', 'event=answer&callId=123456&user=John+Doe&from=493055571600&to=491711234567890&direction=in&answeringNumber=21199999999', endpoint]);
    expect(answer.status).toBe(200);
    expect(calls()[0]).toMatchObject({ state: 'answered' });
    // The agent logs the call while talking; the case learns the duration at hang-up.
    const logged = await t.ok(agent, 'calls.log', { customerAccount: 'acme-01', channel: 'hotline', category: 'console', summary: 'Console login', phoneCallId: ringing.id });

    clock += 95_000; // 95 s of talking
    const hangup = await curl(['--data', 'event=hangup&cause=normalClearing&callId=123456&from=493055571600&to=491711234567890&direction=in&answeringNumber=4921199999999', endpoint]);
    expect(hangup.status).toBe(200);
    expect(calls()[0]).toMatchObject({ state: 'ended', cause: 'normalClearing', durationSeconds: 95, caseId: logged.id });
    const { case: onCase } = await t.ok(agent, 'cases.get', { id: logged.id });
    expect(onCase.details?.phoneCall).toMatchObject({ id: ringing.id, durationSeconds: 95 });
  });

  it('takes JSON posts too, and lists a call hung up unanswered as missed until someone calls back', async () => {
    const json = (body: object) => curl(['-H', 'Content-Type: application/json', '--data', JSON.stringify(body), endpoint]);
    expect((await json({ event: 'newCall', from: '+49 (30) 5557-1600', to: '4000955988', direction: 'in', callId: 'json-1', user: ['Nobody Known'] })).status).toBe(200);
    expect(calls().find((c) => c.callId === 'json-1')).toMatchObject({ agents: [], caller: { customer: { id: 'acme-01' } } });
    expect((await json({ event: 'hangup', callId: 'json-1', cause: 'cancel', from: '+49 (30) 5557-1600', to: '4000955988', direction: 'in' })).status).toBe(200);
    const missed = await t.ok(agent, 'phone.calls', { state: ['missed'] });
    expect(missed.map((c) => c.callId)).toEqual(['json-1']);
    await t.ok(agent, 'phone.calledBack', { id: missed[0]!.id });
    expect((await t.ok(agent, 'phone.calls', { state: ['missed'] }))[0]!.calledBack).toMatchObject({ by: 'alice' });
  });

  it('refuses a post without the token, with an unknown event or with a huge body; nothing is stored and the desk keeps running', async () => {
    const before = t.snapshot();
    const events = t.desk.services.store.events().length;
    const noToken = await curl(['--data', 'event=newCall&from=1&to=2&direction=in&callId=x1', `http://127.0.0.1:${host.port}/api/v1/cti/`]);
    expect(noToken).toMatchObject({ status: 401, body: { code: 'unauthenticated', field: 'token' } });
    const wrongToken = await curl(['--data', 'event=newCall&from=1&to=2&direction=in&callId=x1', `${endpoint}x`]);
    expect(wrongToken.status).toBe(401);
    const unknown = await curl(['--data', 'event=dtmf&dtmf=123&callId=x2', endpoint]);
    expect(unknown).toMatchObject({ status: 400, body: { code: 'invalid-input', field: 'event' } });
    const noCallId = await curl(['--data', 'event=newCall&from=1&to=2', endpoint]);
    expect(noCallId).toMatchObject({ status: 400, body: { field: 'callId' } });
    const badJson = await curl(['-H', 'Content-Type: application/json', '--data', '{"event":', endpoint]);
    expect(badJson).toMatchObject({ status: 400, body: { field: 'body' } });
    const huge = await post(endpoint, `event=newCall&callId=x3&from=${'1'.repeat(2 * 1024 * 1024)}`);
    expect(huge.status).toBe(413);
    expect(t.snapshot()).toBe(before);
    expect(t.desk.services.store.events()).toHaveLength(events);
    // Still answering: the next good post is taken.
    expect((await curl(['--data', 'event=newCall&from=anonymous&to=2&direction=in&callId=after', endpoint])).status).toBe(200);
    expect(calls().find((c) => c.callId === 'after')).toMatchObject({ caller: null, state: 'ringing' });
  });

  it('serves the same endpoint from the small listener the Electron shell can start', async () => {
    const listener = await startCtiListener(t.desk.services);
    try {
      // The token is shown once, when made: the settings say only that one is set.
      const view = await t.ok(t.manager, 'channels.settings', {});
      expect(view).toMatchObject({ ctiTokenSet: true });
      expect(JSON.stringify(view)).not.toContain(token);
      const answer = await curl(['--data', 'event=newCall&from=anonymous&to=2&direction=in&callId=shell-1', `http://127.0.0.1:${listener.port}/api/v1/cti/${token}`]);
      expect(answer.status).toBe(200);
      expect(calls().some((c) => c.callId === 'shell-1')).toBe(true);
    } finally {
      await listener.close();
    }
  });
});

/** A body streamed without a size in advance, as a misbehaving client would send it. */
function post(url: string, body: string): Promise<{ status: number }> {
  return new Promise((resolve, reject) => {
    const req = request(url, { method: 'POST', headers: { 'Content-Type': 'application/x-www-form-urlencoded', 'Transfer-Encoding': 'chunked' } }, (res) => {
      res.resume();
      resolve({ status: res.statusCode ?? 0 });
    });
    req.on('error', reject);
    for (let i = 0; i < body.length; i += 65_536) req.write(body.slice(i, i + 65_536));
    req.end();
  });
}
