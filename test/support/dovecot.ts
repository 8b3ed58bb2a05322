// A real Dovecot IMAP server for tests: its own config, passwd file and maildir in a temp
// directory, plain-text login on loopback, stopped (and the directory removed) at the end.
import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { chmodSync, chownSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, connect } from 'node:net';
import { tmpdir, userInfo } from 'node:os';
import { join } from 'node:path';
import { ImapFlow } from 'imapflow';

export const DOVECOT = process.env.DOVECOT_PATH ?? '/usr/sbin/dovecot';

export interface TestMailbox {
  host: string;
  port: number;
  user: string;
  password: string;
  /** Delivers raw messages into INBOX by IMAP APPEND, in order, over one connection. */
  deliver(...raws: (string | Buffer)[]): Promise<void>;
  /** How many messages a folder holds now (nothing moved or deleted unless a setting says so). */
  count(folder?: string): Promise<number>;
  createFolder(name: string): Promise<void>;
  /** Kills the server (dropping every connection); start() brings it back on the same port and mail. */
  stop(): Promise<void>;
  start(): Promise<void>;
  close(): Promise<void>;
}

export async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  await new Promise((resolve) => server.close(resolve));
  return port;
}

const uidOf = (name: string) => Number(execFileSync('id', ['-u', name]).toString().trim());
const gidOf = (name: string) => Number(execFileSync('id', ['-g', name]).toString().trim());

export async function startDovecot(): Promise<TestMailbox> {
  const dir = mkdtempSync(join(tmpdir(), 'desk-dovecot-'));
  chmodSync(dir, 0o755);
  const port = await freePort();
  const user = 'support@desk.test';
  const password = 'mailbox-secret';
  // Root runs the master; mail is owned by the dovecot user the package creates.
  const mailUser = userInfo().uid === 0 ? 'dovecot' : userInfo().username;
  for (const sub of ['run', 'state', 'mail']) mkdirSync(join(dir, sub));
  if (userInfo().uid === 0) chownSync(join(dir, 'mail'), uidOf(mailUser), gidOf(mailUser));
  writeFileSync(join(dir, 'passwd'), `${user}:{PLAIN}${password}\n`);
  writeFileSync(
    join(dir, 'dovecot.conf'),
    `base_dir = ${dir}/run
state_dir = ${dir}/state
log_path = ${dir}/log
protocols = imap
listen = 127.0.0.1
ssl = no
disable_plaintext_auth = no
auth_mechanisms = plain login
first_valid_uid = 1
first_valid_gid = 1
default_internal_user = ${mailUser}
default_login_user = ${userInfo().uid === 0 ? 'dovenull' : mailUser}
mail_location = maildir:${dir}/mail/%u
passdb {
  driver = passwd-file
  args = scheme=PLAIN username_format=%u ${dir}/passwd
}
userdb {
  driver = static
  args = uid=${uidOf(mailUser)} gid=${gidOf(mailUser)} home=${dir}/mail/%u
}
service imap-login {
  chroot =
  inet_listener imap {
    address = 127.0.0.1
    port = ${port}
  }
}
service anvil {
  chroot =
}
`,
  );

  let child: ChildProcess | undefined;
  const start = async () => {
    child = spawn(DOVECOT, ['-F', '-c', join(dir, 'dovecot.conf')], { stdio: 'ignore' });
    await waitForPort(port);
  };
  const stop = async () => {
    const running = child;
    child = undefined;
    if (!running || running.exitCode !== null) return;
    await new Promise<void>((resolve) => {
      running.once('exit', () => resolve());
      running.kill('SIGTERM');
    });
  };
  const client = async <T>(work: (imap: ImapFlow) => Promise<T>): Promise<T> => {
    const imap = new ImapFlow({ host: '127.0.0.1', port, secure: false, doSTARTTLS: false, auth: { user, pass: password }, logger: false });
    await imap.connect();
    try {
      return await work(imap);
    } finally {
      await imap.logout();
    }
  };
  await start();
  return {
    host: '127.0.0.1',
    port,
    user,
    password,
    deliver: (...raws) =>
      client(async (imap) => {
        for (const raw of raws) await imap.append('INBOX', raw);
      }),
    createFolder: (name) => client(async (imap) => void (await imap.mailboxCreate(name))),
    count: (folder = 'INBOX') =>
      client(async (imap) => {
        const status = await imap.status(folder, { messages: true });
        return status ? (status.messages ?? 0) : 0;
      }),
    stop,
    start,
    async close() {
      await stop();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

async function waitForPort(port: number) {
  for (let attempt = 0; attempt < 200; attempt++) {
    const open = await new Promise<boolean>((resolve) => {
      const socket = connect(port, '127.0.0.1', () => {
        socket.end();
        resolve(true);
      });
      socket.on('error', () => resolve(false));
    });
    if (open) return;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  throw new Error(`dovecot did not listen on ${port}`);
}

/** A loopback TCP relay to the server that a test can cut, dropping every connection through it at once. */
export async function startRelay(targetPort: number): Promise<{ port: number; drop(): void; close(): Promise<void> }> {
  const sockets = new Set<import('node:net').Socket>();
  const server = createServer((client) => {
    const upstream = connect(targetPort, '127.0.0.1');
    for (const s of [client, upstream]) {
      sockets.add(s);
      s.on('close', () => sockets.delete(s));
      s.on('error', () => undefined);
    }
    client.pipe(upstream).pipe(client);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    port: (server.address() as { port: number }).port,
    drop: () => sockets.forEach((s) => s.destroy()),
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}
