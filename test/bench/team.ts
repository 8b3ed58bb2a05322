// `npm run bench:team -- [--desks 50] [--writes 20] [--interval-ms 250] [--processes 5] [--cpu-prof DIR]`
// N desks, each logging calls (one case per push) against one team server process on a real,
// durable PostgreSQL on this machine; every desk listens on the live socket and pulls on each
// notice. The desks run in a few child processes (team-desks.ts), so no one event loop carries
// all of them. Prints one JSON line: push latency, throughput, convergence (last write answered →
// every desk has every event), lost / duplicated events over all desks (both must be 0), the desk
// processes' own loop delay (part of every latency measured), and the machine with its load.
import { fork, type ChildProcess } from 'node:child_process';
import { cpus, loadavg, totalmem } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { startPostgres } from '../support/postgres.js';
import { setUpTeam, spawnTeamServer, TEAM_PASSWORD, TeamDeskClient } from '../support/team.js';
import { cpuMeter, postgresPids } from './process-cpu.js';
import type { DeskLogin, FromDesks, ToDesks } from './team-desks.js';

// --json is accepted like the other benches'; this one prints its JSON line either way.
const { values } = parseArgs({
  options: { json: { type: 'boolean' }, desks: { type: 'string' }, writes: { type: 'string' }, 'interval-ms': { type: 'string' }, operators: { type: 'string' }, processes: { type: 'string' }, 'cpu-prof': { type: 'string' } },
});
const DESKS = Number(values.desks ?? 50);
const WRITES = Number(values.writes ?? 20);
const INTERVAL_MS = Number(values['interval-ms'] ?? 250);
const OPERATORS = Math.min(DESKS, Number(values.operators ?? 10));
const PROCESSES = Math.min(DESKS, Number(values.processes ?? 5));
for (const [name, n] of Object.entries({ desks: DESKS, writes: WRITES, operators: OPERATORS, processes: PROCESSES })) {
  if (!Number.isInteger(n) || n < 1) throw new Error(`--${name}: a whole number of at least 1`);
}

const percentile = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? 0;
const round = (n: number) => Math.round(n * 10) / 10;

/** A desk process, and its next answer of a given type. */
function deskProcess(profile: string[]): { child: ChildProcess; next<T extends FromDesks['type']>(type: T): Promise<Extract<FromDesks, { type: T }>>; send(message: ToDesks): void } {
  const child = fork(join(import.meta.dirname, 'team-desks.ts'), [], { execArgv: ['--import', 'tsx', ...profile] });
  const exited = new Promise<never>((_, reject) => child.once('exit', (code) => reject(new Error(`a desk process exited (${code})`))));
  return {
    child,
    next: (type) => Promise.race([new Promise<never>((resolve) => child.on('message', (m: FromDesks) => m.type === type && resolve(m as never))), exited]),
    send: (message) => child.send(message),
  };
}

async function stopDesks({ child }: { child: ChildProcess }): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise((resolve) => child.once('exit', resolve));
  child.send({ type: 'stop' } satisfies ToDesks, () => undefined);
  const timer = setTimeout(() => child.kill('SIGKILL'), 5000);
  await exited;
  clearTimeout(timer);
}

async function main() {
  const postgres = await startPostgres({ durable: true });
  // --cpu-prof DIR: the team server and each desk process write a V8 CPU profile there when they end.
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
    const logins: DeskLogin[] = [];
    for (let i = 0; i < DESKS; i++) {
      const desk = new TeamDeskClient(server.url);
      await desk.signIn(`agent${i % OPERATORS}`);
      logins.push({ index: i, deskId: desk.deskId, token: desk.token, username: desk.username });
    }
    const processes = Array.from({ length: PROCESSES }, () => deskProcess(profile));
    try {
      processes.forEach((p, k) =>
        p.send({ type: 'start', url: server.url, desks: logins.filter((l) => l.index % PROCESSES === k), writes: WRITES, intervalMs: INTERVAL_MS, totalDesks: DESKS }),
      );
      await Promise.all(processes.map((p) => p.next('ready')));
      const loadBefore = loadavg()[0]!;
      const started = performance.timeOrigin + performance.now();
      // Whose CPU the writes cost, from /proc (PostgreSQL: the postmaster and all its processes).
      const pgPids = postgresPids(postgres.dataDir);
      const cpu = cpuMeter({ server: () => [server.child.pid!], desks: () => processes.map((p) => p.child.pid!), postgres: () => pgPids });
      const written = await Promise.all(processes.map((p) => (p.send({ type: 'go' }), p.next('written'))));
      const cpuUsed = cpu();
      const writeSeconds = (performance.timeOrigin + performance.now() - started) / 1000;
      const lastAnswered = Math.max(...written.map((w) => w.lastAnsweredAt));
      const commandIds = written.flatMap((w) => w.commandIds);
      const head = (await manager.pullOnce(1)).head;
      const checked = await Promise.all(processes.map((p) => (p.send({ type: 'check', head, commandIds }), p.next('checked'))));
      const latencies = written.flatMap((w) => w.latencies).sort((a, b) => a - b);
      // The server's own share of each push (Server-Timing): group-commit wait, handlers, write + COMMIT.
      const phases = written.flatMap((w) => w.server);
      const phase = (name: string, p: number) => round(percentile(phases.map((t) => t[name] ?? 0).sort((a, b) => a - b), p));
      const inServer = phases.map((t) => (t.wait ?? 0) + (t.run ?? 0) + (t.commit ?? 0)).sort((a, b) => a - b);
      console.log(
        JSON.stringify({
          bench: 'team',
          desks: DESKS,
          deskProcesses: PROCESSES,
          writes: commandIds.length,
          intervalMs: INTERVAL_MS,
          writesPerSec: round(commandIds.length / ((lastAnswered - started) / 1000)),
          pushP50Ms: round(percentile(latencies, 50)),
          pushP95Ms: round(percentile(latencies, 95)),
          pushMaxMs: round(latencies.at(-1) ?? 0),
          serverPushP50Ms: round(percentile(inServer, 50)),
          serverPushP95Ms: round(percentile(inServer, 95)),
          serverPhasesP95Ms: { wait: phase('wait', 95), run: phase('run', 95), commit: phase('commit', 95) },
          convergeMs: round(Math.max(0, Math.max(...checked.map((c) => c.convergedAt)) - lastAnswered)),
          // CPU ms per write over the write phase, and the share of the machine's cores the three took.
          cpuMsPerWrite: Object.fromEntries(Object.entries(cpuUsed).map(([name, ms]) => [name, round(ms / commandIds.length)])),
          cpuBusyPct: round((100 * Object.values(cpuUsed).reduce((a, b) => a + b, 0)) / 1000 / writeSeconds / cpus().length),
          desksLoopDelayP99Ms: round(Math.max(...written.map((w) => w.loopDelayP99Ms))),
          events: head,
          lost: checked.reduce((n, c) => n + c.lost, 0),
          duplicates: checked.reduce((n, c) => n + c.duplicates, 0),
          machine: {
            cpus: cpus().length,
            cpu: cpus()[0]?.model,
            memGb: Math.round(totalmem() / 2 ** 30),
            node: process.version,
            postgres: 15,
            fsync: true,
            loadAvg1mBefore: round(loadBefore),
            loadAvg1m: round(loadavg()[0]!),
          },
        }),
      );
    } finally {
      // A desk process ends by itself when told (so a --cpu-prof profile is written), else is killed.
      await Promise.all(processes.map(stopDesks));
    }
  } finally {
    await server.kill();
    await postgres.stop();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
