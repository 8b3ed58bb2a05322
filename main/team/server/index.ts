// `npm run team -- --database postgres://… [--port N] [--host H --cert C --key K]`
// `npm run team -- --database postgres://… --create-manager NAME` (password from TEAM_MANAGER_PASSWORD or stdin)
import { readFileSync } from 'node:fs';
import { createInterface } from 'node:readline/promises';
import { parseArgs } from 'node:util';
import { startTeamServer } from './team-server.js';

const LOOPBACK = new Set(['127.0.0.1', '::1', 'localhost']);

async function main() {
  const { values } = parseArgs({
    options: {
      database: { type: 'string' },
      port: { type: 'string' },
      host: { type: 'string' },
      cert: { type: 'string' },
      key: { type: 'string' },
      'create-manager': { type: 'string' },
      'display-name': { type: 'string' },
      'sla-interval-ms': { type: 'string' },
      'mail-interval-ms': { type: 'string' },
    },
  });
  const databaseUrl = values.database ?? process.env.TEAM_DATABASE_URL;
  if (!databaseUrl) throw new Error('--database: give the PostgreSQL URL, e.g. postgres://desk@127.0.0.1:5432/desk');
  const port = values.port === undefined ? 0 : Number(values.port);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new Error(`--port: not a port number: ${values.port}`);
  const host = values.host ?? '127.0.0.1';
  if ((values.cert === undefined) !== (values.key === undefined)) throw new Error('--cert and --key go together');
  if (!LOOPBACK.has(host) && !values.cert) throw new Error(`--host ${host}: listening beyond this machine needs TLS: add --cert FILE --key FILE`);
  const slaIntervalMs = values['sla-interval-ms'] === undefined ? undefined : Number(values['sla-interval-ms']);
  if (slaIntervalMs !== undefined && !(Number.isInteger(slaIntervalMs) && slaIntervalMs >= 0)) {
    throw new Error(`--sla-interval-ms: expected a whole number of milliseconds: ${values['sla-interval-ms']}`);
  }
  const mailIntervalMs = values['mail-interval-ms'] === undefined ? undefined : Number(values['mail-interval-ms']);
  if (mailIntervalMs !== undefined && !(Number.isInteger(mailIntervalMs) && mailIntervalMs >= 0)) {
    throw new Error(`--mail-interval-ms: expected a whole number of milliseconds: ${values['mail-interval-ms']}`);
  }
  const tls = values.cert && values.key ? { cert: readFileSync(values.cert), key: readFileSync(values.key) } : undefined;

  const manager = values['create-manager'];
  const server = await startTeamServer({ databaseUrl, host, port: manager ? 0 : port, tls, slaIntervalMs: manager ? 0 : slaIntervalMs, mailIntervalMs: manager ? 0 : mailIntervalMs });
  if (manager) {
    const password = process.env.TEAM_MANAGER_PASSWORD ?? (await askPassword(manager));
    const operator = await server.center.setUp({ username: manager, displayName: values['display-name'] ?? manager, password });
    console.log(`Created manager ${operator.username} for this team`);
    await server.close();
    return;
  }
  console.log(`Team server at ${server.url}`);
  const stop = async () => {
    await server.close();
    process.exit(0);
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}

async function askPassword(username: string): Promise<string> {
  const rl = createInterface({ input: process.stdin, output: process.stderr, terminal: false });
  process.stderr.write(`Password for ${username} (at least 10 characters): `);
  const line = await rl.question('');
  rl.close();
  return line.trim();
}

main().catch((error: unknown) => {
  const message = error instanceof Error ? error.message : String(error);
  console.error(`assurance-desk team: ${message}`);
  process.exit(1);
});
