// The mail channel against a real Dovecot (IMAP) and a real SMTP server, both started here.
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { MailCaseDetails } from '../../../shared/contract/channels.js';
import type { CaseRecord } from '../../../shared/domain/case.js';
import { startDovecot, startRelay, type TestMailbox } from '../../../test/support/dovecot.js';
import { startSmtp, type TestSmtp } from '../../../test/support/smtp.js';
import { openTestDesk } from '../../../test/support/desk.js';
import { openDesk } from '../open-desk.js';
import { memorySettings } from '../settings/settings-store.js';
import { secretFileFor } from '../secrets/file-secret-store.js';
import { defaultKeyDir } from '../../store/key-dir.js';
import { writeChannelSecrets } from './channel-secrets.js';
import { startMailFetcher } from './fetcher.js';

const b64 = (text: string) => Buffer.from(text, 'utf8').toString('base64');
/** RFC 2047 encoded-word, as Chinese mail clients send a subject. */
const encodedWord = (text: string) => `=?UTF-8?B?${b64(text)}?=`;

function rawMail(headers: Record<string, string>, body: string, contentType = 'text/plain; charset=utf-8') {
  const head = Object.entries({ Date: new Date().toUTCString(), 'MIME-Version': '1.0', ...headers }).map(([k, v]) => `${k}: ${v}`);
  return [...head, `Content-Type: ${contentType}`, 'Content-Transfer-Encoding: base64', '', b64(body), ''].join('\r\n');
}

const PDF = Buffer.from('%PDF-1.4\n% a fault report\n');

function withAttachment(headers: Record<string, string>, text: string) {
  const boundary = 'desk-boundary-1';
  const head = Object.entries({ Date: new Date().toUTCString(), 'MIME-Version': '1.0', ...headers }).map(([k, v]) => `${k}: ${v}`);
  return [
    ...head,
    `Content-Type: multipart/mixed; boundary="${boundary}"`,
    '',
    `--${boundary}`,
    'Content-Type: text/plain; charset=utf-8',
    'Content-Transfer-Encoding: base64',
    '',
    b64(text),
    `--${boundary}`,
    `Content-Type: application/pdf; name="${encodedWord('故障报告.pdf')}"`,
    `Content-Disposition: attachment; filename="${encodedWord('故障报告.pdf')}"`,
    'Content-Transfer-Encoding: base64',
    '',
    PDF.toString('base64'),
    `--${boundary}--`,
    '',
  ].join('\r\n');
}

describe('mail channel (Dovecot + SMTP)', () => {
  let imap: TestMailbox;
  let smtp: TestSmtp;
  let t: Awaited<ReturnType<typeof openTestDesk>>;

  const emailCases = () => t.desk.services.store.all<CaseRecord & { id: string }>('cases').filter((c) => c.channel === 'email');
  const mailOf = (c: CaseRecord) => c.details.mail!;
  const fetch = () => t.ok(t.manager, 'mail.fetchNow', {});

  beforeAll(async () => {
    [imap, smtp] = await Promise.all([startDovecot(), startSmtp()]);
    t = await openTestDesk();
    await t.ok(t.manager, 'customers.create', {
      account: 'acme-01',
      name: 'Acme 云服务',
      region: 'cn-east',
      contacts: [{ name: '王工', phone: '13812345678', email: 'ops@acme.test' }],
    });
    await t.ok(t.manager, 'channels.update', {
      imap: { host: imap.host, port: imap.port, tls: false, user: imap.user, password: imap.password, folder: 'INBOX', afterImport: 'keep', moveTo: '' },
      smtp: { host: '127.0.0.1', port: smtp.port, tls: false, user: '', from: 'support@desk.test' },
    });
  }, 60_000);

  afterAll(async () => {
    await t?.close();
    await Promise.all([imap?.close(), smtp?.close()]);
  });

  it('keeps the passwords in a 0600 file in the key folder, outside the data folder, and never shows them', async () => {
    const view = await t.ok(t.manager, 'channels.settings', {});
    expect(view.imap).toMatchObject({ host: imap.host, user: imap.user, passwordSet: true });
    expect(JSON.stringify(view)).not.toContain(imap.password);
    const file = secretFileFor(defaultKeyDir(), t.dataDir);
    expect(file.startsWith(t.dataDir)).toBe(false);
    expect(statSync(file).mode & 0o777).toBe(0o600);
    expect(readFileSync(file, 'utf8')).toContain(imap.password);
    // Nothing in the data folder (journal, snapshots, settings) holds the password: grep finds no file.
    expect(spawnSync('grep', ['-rl', imap.password, t.dataDir]).stdout.toString()).toBe('');
  });

  it('opens a case for a compensation claim with a Chinese subject, checks C6 at once and keeps the attachment', async () => {
    await imap.deliver(
      withAttachment(
        { From: `${encodedWord('王工')} <ops@acme.test>`, To: 'support@desk.test', Subject: encodedWord('acme-01 云主机故障赔偿申请'), 'Message-ID': '<claim-1@acme.test>' },
        '5月1日上午云主机不可用，请按政策赔偿。',
      ),
    );
    expect(await fetch()).toEqual({ imported: 1, setAside: 0 });
    const [claim] = emailCases();
    expect(claim).toMatchObject({ type: 'call', channel: 'email', customerAccount: 'acme-01', summary: 'acme-01 云主机故障赔偿申请' });
    const mail = mailOf(claim!);
    expect(mail).toMatchObject({ address: 'ops@acme.test', unidentified: false, intent: 'compensation' });
    // C6 by hand: "acme-01 云主机故障赔偿申请" names the account acme-01, but no time (no date, no hh:mm)
    // and no number of occurrences (no "N 次" / "N times"): it lacks time and occurrences.
    expect(mail.subjectRule).toMatchObject({ id: 'C6', result: 'failed', code: 'C6.lacks', params: { missing: 'time, occurrences' } });
    expect(mail.messages[0]!.text).toContain('5月1日上午云主机不可用');
    const [attachment] = mail.messages[0]!.attachments;
    expect(attachment).toMatchObject({ name: '故障报告.pdf', bytes: PDF.length, sha256: createHash('sha256').update(PDF).digest('hex') });
    expect(readFileSync(join(t.dataDir, attachment!.path))).toEqual(PDF);
  });

  it('makes a complaint of an HTML-only mail from an unknown sender, and acknowledges it by SMTP with the case number', async () => {
    await imap.deliver(
      rawMail(
        { From: 'Li Lei <lilei@unknown.test>', To: 'support@desk.test', Subject: encodedWord('投诉：客服态度'), 'Message-ID': '<complaint-1@unknown.test>' },
        '<html><body><p>客服<b>挂断</b>了我的电话。</p><script>alert(1)</script></body></html>',
        'text/html; charset=utf-8',
      ),
    );
    const before = smtp.received.length;
    expect(await fetch()).toEqual({ imported: 1, setAside: 0 });
    const complaint = emailCases().find((c) => c.type === 'complaint')!;
    expect(complaint).toMatchObject({ channel: 'email', customerAccount: '', status: 'acknowledged' });
    expect(mailOf(complaint)).toMatchObject({ unidentified: true, address: 'lilei@unknown.test', intent: 'complaint' });
    expect(mailOf(complaint).messages[0]!.text).toContain('客服挂断了我的电话');
    expect(mailOf(complaint).messages[0]!.text).not.toContain('alert');

    await smtp.waitFor(before + 1);
    const ack = smtp.received[before]!;
    expect(ack.to).toEqual(['lilei@unknown.test']);
    expect(ack.mail.subject).toBe(`[${complaint.id}] 投诉：客服态度`);
    expect(ack.mail.inReplyTo).toBe('<complaint-1@unknown.test>');
    expect(ack.mail.text).toContain(complaint.id);
    const { history } = await t.ok(t.manager, 'cases.get', { id: complaint.id });
    expect(history.map((h) => h.action)).toEqual(['mail.case-opened', 'complaint.acknowledged']);
  });

  it('threads a reply by its In-Reply-To header onto the case, without the case number in the subject', async () => {
    const complaint = emailCases().find((c) => c.type === 'complaint')!;
    const ack = mailOf(complaint).messages.find((m) => m.kind === 'acknowledgement')!;
    await imap.deliver(
      rawMail(
        { From: 'lilei@unknown.test', To: 'support@desk.test', Subject: 'Re: thanks', 'Message-ID': '<complaint-2@unknown.test>', 'In-Reply-To': ack.messageId, References: `<complaint-1@unknown.test> ${ack.messageId}` },
        '补充：时间是昨天下午三点。',
      ),
    );
    const casesBefore = emailCases().length;
    expect(await fetch()).toEqual({ imported: 1, setAside: 0 });
    expect(emailCases()).toHaveLength(casesBefore);
    const updated = emailCases().find((c) => c.id === complaint.id)!;
    expect(mailOf(updated).messages.map((m) => `${m.direction}:${m.kind}`)).toEqual(['in:mail', 'out:acknowledgement', 'in:mail']);
    expect(mailOf(updated).messages[2]!.text).toContain('昨天下午三点');
  });

  it('adds a mail whose subject carries the case number to that case', async () => {
    const claim = emailCases().find((c) => mailOf(c).intent === 'compensation')!;
    await imap.deliver(rawMail({ From: 'ops@acme.test', Subject: `${encodedWord('回复：')} [${claim.id}] 补充`, 'Message-ID': '<claim-2@acme.test>' }, '故障发生在 2026-05-01 10:00，共 2 次。'));
    const casesBefore = emailCases().length;
    expect(await fetch()).toEqual({ imported: 1, setAside: 0 });
    expect(emailCases()).toHaveLength(casesBefore);
    expect(mailOf(emailCases().find((c) => c.id === claim.id)!).messages.at(-1)!.text).toContain('共 2 次');
  });

  it('takes a mail delivered twice (same Message-ID) in once', async () => {
    const mail = rawMail({ From: 'ops@acme.test', To: 'support@desk.test', Subject: 'Console login question', 'Message-ID': '<twice@acme.test>' }, 'How do I reset MFA?');
    await imap.deliver(mail, mail);
    const before = emailCases().length;
    expect(await fetch()).toEqual({ imported: 1, setAside: 0 });
    expect(emailCases()).toHaveLength(before + 1);
    expect(await fetch()).toEqual({ imported: 0, setAside: 0 }); // incremental: nothing new is read again
  });

  it('sends an agent’s reply from the case, threaded, and records it apart from notes', async () => {
    const agent = await t.signedIn('agent');
    const claim = emailCases().find((c) => mailOf(c).intent === 'compensation')!;
    const before = smtp.received.length;
    await t.ok(agent, 'mail.reply', { id: claim.id, text: '请补充故障时间和次数。Please add the time and the number of faults.' });
    await smtp.waitFor(before + 1);
    const sent = smtp.received[before]!;
    expect(sent.to).toEqual(['ops@acme.test']);
    expect(sent.mail.subject).toBe(`[${claim.id}] acme-01 云主机故障赔偿申请`);
    expect(sent.mail.inReplyTo).toBe('<claim-2@acme.test>'); // the last mail received on the case
    const { history } = await t.ok(agent, 'cases.get', { id: claim.id });
    expect(history.map((h) => h.action)).toEqual(['mail.case-opened', 'mail.received', 'mail.replied']);
  });

  it('keeps an unparseable mail aside with the reason, for supervisors only', async () => {
    await imap.deliver('this is not a mail: no headers at all\r\n');
    const before = emailCases().length;
    expect(await fetch()).toEqual({ imported: 0, setAside: 1 });
    expect(emailCases()).toHaveLength(before);
    const supervisor = await t.signedIn('supervisor');
    const [aside] = await t.ok(supervisor, 'mail.setAside', {});
    expect(aside).toMatchObject({ code: 'no-sender', reason: 'no sender address (From)', mailbox: 'INBOX' });
    expect(readFileSync(join(t.dataDir, aside!.path), 'utf8')).toContain('not a mail');
    const agent = await t.signedIn('agent');
    const refused = await t.desk.dispatch(agent, 'mail.setAside', {});
    expect(refused).toMatchObject({ ok: false, error: { code: 'forbidden' } });
  });

  it('never deletes or moves mail when the setting says keep', async () => {
    // claim, complaint, reply, claim follow-up, duplicate ×2, unparseable: seven delivered, seven still there.
    expect(await imap.count()).toBe(7);
  });

  it('refuses bad settings naming the field, changing nothing', async () => {
    const file = secretFileFor(defaultKeyDir(), t.dataDir);
    const before = readFileSync(file, 'utf8');
    const outcome = await t.desk.dispatch(t.manager, 'channels.update', { imap: { host: 'x', port: 70000, tls: false, user: 'u', folder: 'INBOX' } });
    expect(outcome).toMatchObject({ ok: false, error: { code: 'invalid-input', field: 'imap.port' } });
    expect(readFileSync(file, 'utf8')).toBe(before);
  });
});

describe('after import', () => {
  it('moves an imported mail to the folder the setting names, and only then', async () => {
    const imap = await startDovecot();
    const t = await openTestDesk();
    try {
      await imap.createFolder('Done');
      await imap.deliver(rawMail({ From: 'someone@example.test', Subject: 'Hello', 'Message-ID': '<move-1@example.test>' }, 'Hi'));
      await t.ok(t.manager, 'channels.update', {
        imap: { host: imap.host, port: imap.port, tls: false, user: imap.user, password: imap.password, folder: 'INBOX', afterImport: 'move', moveTo: 'Done' },
      });
      expect(await t.ok(t.manager, 'mail.fetchNow', {})).toEqual({ imported: 1, setAside: 0 });
      expect([await imap.count('INBOX'), await imap.count('Done')]).toEqual([0, 1]);
    } finally {
      await t.close();
      await imap.close();
    }
  }, 60_000);
});

describe('mail fetching across a dropped connection and a restart', () => {
  it('makes exactly one case per mail when the connection drops in the middle of a fetch and the desk restarts', async () => {
    const imap = await startDovecot();
    const relay = await startRelay(imap.port);
    const dataDir = mkdtempSync(join(tmpdir(), 'desk-mail-restart-'));
    try {
      const total = 40;
      const numbers = Array.from({ length: total }, (_, i) => i + 1);
      await imap.deliver(...numbers.map((i) => rawMail({ From: 'ops@acme.test', Subject: `Question ${i}`, 'Message-ID': `<bulk-${i}@acme.test>` }, `Question number ${i}`)));
      const settings = { host: imap.host, port: relay.port, tls: false, user: imap.user, password: imap.password, folder: 'INBOX', afterImport: 'keep' as const, moveTo: '' };
      const first = await openDesk({ dataDir, settings: memorySettings(), mailIntervalMs: 0, slaIntervalMs: 0 });
      let dropped = false;
      first.desk.services.store.subscribe((event) => {
        if (event.action === 'mail.case-opened' && !dropped) {
          dropped = true;
          relay.drop(); // the connection goes away right after the first mail is recorded
        }
      });
      await writeChannelSecrets(first.desk.services.secrets, { imap: settings, smtp: null, ctiToken: null });
      const fetcher = startMailFetcher(first.desk.services, { intervalMs: 0 });
      await expect(fetcher.fetchNow()).rejects.toThrow();
      const taken = first.desk.services.store.all('cases').length;
      expect(taken).toBeGreaterThanOrEqual(1);
      expect(taken).toBeLessThan(total);
      await first.close(); // and the desk restarts

      const second = await openDesk({ dataDir, settings: memorySettings(), mailIntervalMs: 0, slaIntervalMs: 0 });
      const again = startMailFetcher(second.desk.services, { intervalMs: 0 });
      expect(await again.fetchNow()).toEqual({ imported: total - taken, setAside: 0 });
      const summaries = second.desk.services.store.all<CaseRecord & { id: string }>('cases').map((c) => c.summary);
      expect(summaries).toHaveLength(total);
      expect(new Set(summaries).size).toBe(total);
      await second.close();
    } finally {
      await relay.close();
      await imap.close();
      rmSync(dataDir, { recursive: true, force: true });
    }
  }, 60_000);
});
