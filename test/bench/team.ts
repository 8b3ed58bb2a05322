// `npm run bench:team -- [--desks 50] [--writes 20] [--interval-ms 250] [--cpu-prof DIR]`
// N desks, each logging calls (one case per push) against one team server process on a real,
// durable PostgreSQL on this machine; every desk listens on the live socket and pulls on each
// notice. Prints one JSON line: push latency, throughput, convergence (last write answered →
// every desk has every event), and lost / duplicated events over all desks (both must be 0).
import { cpus, loadavg, totalmem } from 'node:os';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { parseArgs } from 'node:util';
import WebSocket from 'ws';
import { TEAM_PATHS, type LiveNotice } from '../../main/team/protocol.js';
import { startPostgres } from '../support/postgres.js';
import { setUpTeam, spawnTeamServer, TEAM_PASSWORD, TeamDeskClient } from '../support/team.js';

const { values } = parseArgs({ options: { desks: { type: 'string' }, writes: { type: 'string' }, 'interval-ms': { type: 'string' }, operators: { type: 'string' }, 'cpu-prof': { type: 'string' } } });
const DESKS = Number(values.desks ?? 50);
const WRITES = Number(values.writes ?? 20);
const INTERVAL_MS = Number(values['interval-ms'] ?? 250);
const OPERATORS = Math.min(DESKS, Number(values.operators ?? 10));
for (const [name, n] of Object.entries({ desks: DESKS, writes: WRITES, operators: OPERATORS })) {
  if (!Number.isInteger(n) || n < 1) throw new Error(`--${name}: a whole number of at least 1`);
}

const percentile = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? 0;
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

async function main() {
  const postgres = await startPostgres({ durable: true });
  // --cpu-prof DIR: the team server writes a V8 CPU profile there when it ends (where the time goes).
  const profile = values['cpu-prof'] ? ['--cpu-prof', '--cpu-prof-dir', values['cpu-prof']] : [];
  const server = await spawnTeamServer(await postgres.createDatabase(), ['--sla-interval-ms', '0'], profile);
  try {
    await setUpTeam(server.url);
    const manager = new TeamDeskClient(server.url);
    await manager.signIn('boss');
    for (let i = 0; i < OPERATORS; i++) await manager.ok('operators.create', { username: `agent${i}`, displayName: `Agent ${i}`, password: TEAM_PASSWORD, role: 'agent' });
    await manager.ok('customers.create', { account: 'bench-01', name: '压测客户', region: 'cn-hangzhou', contacts: [{ name: 'Bench' }] });

    // One sign-in at a time: the sign-in guard counts an attempt as failed until it succeeds, so
    // five desks signing in as one operator at the same instant look like guessing (and get 429).
    const desks: TeamDeskClient[] = [];
    for (let i = 0; i < DESKS; i++) {
      const desk = new TeamDeskClient(server.url);
      await desk.signIn(`agent${i % OPERATORS}`);
      desks.push(desk);
    }
    // Each desk pulls on every live notice (one pull at a time, again if more arrived meanwhile).
    const sockets = desks.map((desk) => {
      let pulling: Promise<void> | null = null;
      let again = false;
      const pull = () => {
        if (pulling) {
          again = true;
          return;
        }
        pulling = desk
          .pullAll()
          .catch((error: Error) => console.error(`pull failed: ${error.message}`))
          .finally(() => {
            pulling = null;
            if (again) {
              again = false;
              pull();
            }
          });
      };
      const socket = new WebSocket(`${server.url.replace(/^http/, 'ws')}${TEAM_PATHS.live}`, { headers: { authorization: `Bearer ${desk.token}` } });
      socket.on('message', (data) => {
        const notice = JSON.parse(String(data)) as LiveNotice;
        if (notice.position > desk.cursor) pull();
      });
      return new Promise<WebSocket>((resolve, reject) => socket.once('open', () => resolve(socket)).once('error', reject));
    });
    const live = await Promise.all(sockets);

    // The desks share this process: its own event-loop delay is part of every push latency measured.
    const loopDelay = monitorEventLoopDelay({ resolution: 10 });
    loopDelay.enable();
    const latencies: number[] = [];
    const commandIds: string[] = [];
    const started = performance.now();
    let lastAnswered = 0;
    await Promise.all(
      desks.map(async (desk, d) => {
        await sleep((d / DESKS) * INTERVAL_MS); // spread the desks over one interval
        for (let w = 0; w < WRITES; w++) {
          const command = desk.command('calls.log', {
            customerAccount: 'bench-01',
            channel: 'hotline',
            category: 'product-function',
            summary: `桌面 ${d} 第 ${w} 通来电：云服务器无法连接`,
          });
          const t0 = performance.now();
          const [result] = await desk.push(command);
          latencies.push(performance.now() - t0);
          lastAnswered = performance.now();
          if (!result?.ok) throw new Error(`write refused: ${JSON.stringify(result)}`);
          commandIds.push(command.commandId);
          await sleep(INTERVAL_MS * (0.5 + Math.random()));
        }
      }),
    );
    const writeSeconds = (lastAnswered - started) / 1000;

    const head = (await manager.pullOnce(1)).head;
    while (desks.some((desk) => desk.cursor < head)) await sleep(5);
    const convergeMs = performance.now() - lastAnswered;
    for (const socket of live) socket.close();

    let lost = 0;
    let duplicates = 0;
    const wanted = new Set(commandIds);
    for (const desk of desks) {
      const positions = new Set(desk.pulled.map((e) => e.position));
      duplicates += desk.pulled.length - positions.size;
      for (let p = 1; p <= head; p++) if (!positions.has(p)) lost++;
      const seen = desk.pulled.filter((e) => e.commandId && wanted.has(e.commandId)).map((e) => e.commandId);
      duplicates += seen.length - new Set(seen).size;
      lost += wanted.size - new Set(seen).size;
    }
    latencies.sort((a, b) => a - b);
    const round = (n: number) => Math.round(n * 10) / 10;
    console.log(
      JSON.stringify({
        bench: 'team',
        desks: DESKS,
        writes: commandIds.length,
        intervalMs: INTERVAL_MS,
        writesPerSec: round(commandIds.length / writeSeconds),
        pushP50Ms: round(percentile(latencies, 50)),
        pushP95Ms: round(percentile(latencies, 95)),
        pushMaxMs: round(latencies.at(-1) ?? 0),
        convergeMs: round(convergeMs),
        desksLoopDelayP99Ms: round(loopDelay.percentile(99) / 1e6),
        events: head,
        lost,
        duplicates,
        machine: { cpus: cpus().length, cpu: cpus()[0]?.model, memGb: Math.round(totalmem() / 2 ** 30), node: process.version, postgres: 15, fsync: true, loadAvg1m: round(loadavg()[0]!) },
      }),
    );
  } finally {
    await server.kill();
    await postgres.stop();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
