// `npm run web`: the desk in a browser, for machines where Electron cannot start.
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { openDesk } from '../server/open-desk.js';
import { lowdbSettings } from '../server/settings/lowdb-settings.js';
import { defaultDataDir } from '../store/data-dir.js';
import { startWebHost } from './host.js';
import { startLoopStats } from './loop-stats.js';
import { startMemTrace } from '../server/mem-trace.js';
import { limitHeapGrowth } from '../server/heap-growth.js';

// Two levels up from main/web/index.ts (tsx) and from out/main/web.js (built) alike.
const packageRoot = join(dirname(fileURLToPath(import.meta.url)), '..', '..');

async function main() {
  // `npm run web -- --port 0 -- --data DIR` passes the second `--` through: it separates nothing here.
  const { values } = parseArgs({
    args: process.argv.slice(2).filter((arg) => arg !== '--'),
    options: { port: { type: 'string' }, data: { type: 'string' }, renderer: { type: 'string' }, 'sla-interval-ms': { type: 'string' }, team: { type: 'string' }, 'key-dir': { type: 'string' } },
  });
  const port = values.port === undefined ? 0 : Number(values.port);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new Error(`--port: not a port number: ${values.port}`);
  const dataDir = values.data ?? defaultDataDir();
  const slaIntervalMs = values['sla-interval-ms'] === undefined ? undefined : Number(values['sla-interval-ms']);
  if (slaIntervalMs !== undefined && !(Number.isInteger(slaIntervalMs) && slaIntervalMs >= 100)) {
    throw new Error(`--sla-interval-ms: expected a whole number of milliseconds, at least 100: ${values['sla-interval-ms']}`);
  }
  const teamUrl = values.team === undefined ? undefined : teamAddress(values.team);
  limitHeapGrowth();
  startLoopStats();
  startMemTrace();
  const settings = lowdbSettings(dataDir);
  for (const notice of settings.notices) console.error(`[settings] ${notice}`);
  // Passwords, tokens and the store's anchor key live in the key folder, outside the data folder.
  const opened = await openDesk({ dataDir, settings, slaIntervalMs, teamUrl, keyDir: values['key-dir'] });
  for (const notice of opened.notices) console.error(`[store] ${notice}`);
  const host = await startWebHost({ desk: opened.desk, port, rendererDir: values.renderer ?? join(packageRoot, 'out', 'renderer') });
  if (teamUrl) console.log(`Joined the team at ${teamUrl}`);
  console.log(`Assurance Desk running at ${host.url}`);
  console.log(`Data folder: ${dataDir}${values.data === undefined ? ' (the default; choose another with --data DIR)' : ''}`);
  const stop = async () => {
    await host.close();
    await opened.close();
    process.exit(0);
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}

function teamAddress(value: string): string {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    throw new Error(`--team: not an address (e.g. http://127.0.0.1:8700): ${value}`);
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') throw new Error(`--team: expected an http:// or https:// address: ${value}`);
  return url.origin + url.pathname.replace(/\/+$/, '');
}

main().catch((error: unknown) => {
  console.error(`assurance-desk web: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});
