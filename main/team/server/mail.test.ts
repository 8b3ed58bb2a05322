// The center's mailbox on a real PostgreSQL and a real Dovecot: two team-server processes
// (`npm run team`) watch one mailbox, the lock holder is killed half-way, and every mail still
// becomes exactly one case, at a gap-free position, pulled by a desk. The manager sets the
// mailbox through the team server; its password never reaches the records or the command log.
import pg from 'pg';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { startDovecot, type TestMailbox } from '../../../test/support/dovecot.js';
import { startPostgres, type TestPostgres } from '../../../test/support/postgres.js';
import { setUpTeam, spawnTeamServer, TeamDeskClient, type TeamProcess } from '../../../test/support/team.js';
import { fileRefs } from '../desk/files.js';
import { MAIL_LOCK } from './mail.js';

let postgres: TestPostgres;
let imap: TestMailbox;
let databaseUrl: string;
const servers: TeamProcess[] = [];

beforeAll(async () => {
  [postgres, imap] = await Promise.all([startPostgres(), startDovecot()]);
  databaseUrl = await postgres.createDatabase();
}, 120_000);

afterAll(async () => {
  await Promise.all(servers.map((s) => s.kill('SIGKILL')));
  await imap?.close();
  await postgres?.stop();
});

const PDF = Buffer.from('%PDF-1.4\n账单截图\n%%EOF\n');
const mail = (i: number) =>
  i === 1
    ? // The first mail carries an attachment: every desk must be able to open it, not only the server that fetched it.
      [
        `From: ops${i}@acme.test`,
        'To: support@desk.test',
        `Subject: 第 ${i} 封来信`,
        `Message-ID: <team-${i}@acme.test>`,
        `Date: ${new Date().toUTCString()}`,
        'MIME-Version: 1.0',
        'Content-Type: multipart/mixed; boundary="b1"',
        '',
        '--b1',
        'Content-Type: text/plain; charset=utf-8',
        '',
        `Question number ${i}`,
        '--b1',
        'Content-Type: application/pdf; name="bill.pdf"',
        'Content-Disposition: attachment; filename="bill.pdf"',
        'Content-Transfer-Encoding: base64',
        '',
        PDF.toString('base64'),
        '--b1--',
        '',
      ].join('\r\n')
    : [`From: ops${i}@acme.test`, 'To: support@desk.test', `Subject: 第 ${i} 封来信`, `Message-ID: <team-${i}@acme.test>`, `Date: ${new Date().toUTCString()}`, '', `Question number ${i}`, ''].join('\r\n');

async function until<T>(what: string, probe: () => Promise<T | undefined>, ms = 60_000): Promise<T> {
  const end = Date.now() + ms;
  for (;;) {
    const value = await probe();
    if (value !== undefined) return value;
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}

it('two team-server processes, one mailbox, N mails: N cases, each once, pulled by a desk', async () => {
  const options = ['--mail-interval-ms', '150', '--sla-interval-ms', '0'];
  // Each process names its PostgreSQL connections (libpq's PGAPPNAME), so the lock holder can be told apart.
  const spawnNamed = (name: string) => {
    process.env.PGAPPNAME = name;
    return spawnTeamServer(databaseUrl, options).finally(() => delete process.env.PGAPPNAME);
  };
  const a = await spawnNamed('team-a');
  const b = await spawnNamed('team-b');
  servers.push(a, b);
  await setUpTeam(a!.url);
  const manager = new TeamDeskClient(b!.url);
  await manager.signIn('boss');
  await manager.ok('channels.update', { imap: { host: imap.host, port: imap.port, tls: false, user: imap.user, password: imap.password, folder: 'INBOX', afterImport: 'keep', moveTo: '' } });

  const db = new pg.Client({ connectionString: databaseUrl });
  await db.connect();
  try {
    const cases = async () => (await db.query<{ id: string; summary: string }>("SELECT id, data->>'summary' AS summary FROM records WHERE entity = 'cases'")).rows;
    const total = 12;
    await imap.deliver(...Array.from({ length: total / 2 }, (_, i) => mail(i + 1)));
    await until('the first half', async () => ((await cases()).length >= total / 2 ? true : undefined));

    // The process holding the mail lock dies; the other takes the lock and goes on from the recorded position.
    const { rows } = await db.query<{ name: string }>(
      'SELECT a.application_name AS name FROM pg_locks l JOIN pg_stat_activity a ON a.pid = l.pid WHERE l.locktype = $1 AND l.objid = $2 AND l.granted',
      ['advisory', MAIL_LOCK],
    );
    expect(rows).toHaveLength(1); // one fetcher for the center
    await imap.deliver(...Array.from({ length: total / 2 }, (_, i) => mail(total / 2 + i + 1)));
    const holder = rows[0]!.name === 'team-a' ? a : b;
    await holder.kill('SIGKILL');
    const survivor = holder === a ? b : a;
    await until('every mail', async () => ((await cases()).length >= total ? true : undefined));
    await new Promise((resolve) => setTimeout(resolve, 1000)); // a few more rounds by the survivor: nothing new

    const summaries = (await cases()).map((c) => c.summary).sort();
    const expected = Array.from({ length: total }, (_, i) => `第 ${i + 1} 封来信`).sort();
    expect(summaries).toEqual(expected); // each mail once: no duplicates, none missing
    const opened = await db.query<{ position: string }>("SELECT position FROM events WHERE action = 'mail.case-opened' ORDER BY position");
    expect(opened.rows).toHaveLength(total);
    const head = await db.query<{ n: string; max: string }>('SELECT count(*) AS n, max(position) AS max FROM events');
    expect(head.rows[0]!.n).toBe(head.rows[0]!.max); // positions 1…head with no gap

    // The password is in the secrets table only: not in the records desks pull, not in the command log.
    const leaks = await db.query("SELECT 1 FROM records WHERE data::text LIKE '%' || $1 || '%' UNION ALL SELECT 1 FROM commands WHERE input::text LIKE '%' || $1 || '%' UNION ALL SELECT 1 FROM events WHERE changes::text LIKE '%' || $1 || '%'", [imap.password]);
    expect(leaks.rows).toHaveLength(0);

    // A desk pulls the center's mail cases; the manager reads the settings back through the survivor.
    const desk = new TeamDeskClient(survivor.url);
    await desk.signIn('boss');
    await desk.pullAll();
    const pulled = desk.pulled.filter((e) => e.action === 'mail.case-opened');
    expect(pulled).toHaveLength(total);
    // The first mail's attachment: kept by the server in PostgreSQL with the case, so any desk fetches the same bytes.
    const refs = fileRefs(pulled.flatMap((e) => e.changes));
    expect(refs).toHaveLength(1);
    const file = await fetch(`${survivor.url}/team/v1/files/${refs[0]!.sha256}`, { headers: { authorization: `Bearer ${desk.token}` } });
    expect(Buffer.from(await file.arrayBuffer()).equals(PDF)).toBe(true);
    const view = await desk.ok('channels.settings', {});
    expect(view).toMatchObject({ imap: { host: imap.host, user: imap.user, passwordSet: true } });
    expect(JSON.stringify(view)).not.toContain(imap.password);
  } finally {
    await db.end();
  }
}, 180_000);
