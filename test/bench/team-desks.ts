// One process of bench:team's desks (test/bench/team.ts forks a few, so no one process's event
// loop carries all 50 desks and the push times measured are the server's, not the bench's).
// Over IPC: `start` (signed-in desks, what to write) → `ready`; `go` → writes → `written`;
// `check` (the head and every command id of every process) → `checked`; `stop` ends it.
import { monitorEventLoopDelay, performance } from 'node:perf_hooks';
import WebSocket from 'ws';
import { TEAM_PATHS, type LiveNotice } from '../../main/team/protocol.js';
import { TeamDeskClient } from '../support/team.js';

export interface DeskLogin {
  index: number;
  deskId: TeamDeskClient['deskId'];
  token: string;
  username: string;
}
export type ToDesks =
  | { type: 'start'; url: string; desks: DeskLogin[]; writes: number; intervalMs: number; totalDesks: number }
  | { type: 'go' }
  | { type: 'check'; head: number; commandIds: string[] }
  | { type: 'stop' };
export type FromDesks =
  | { type: 'ready' }
  | { type: 'written'; latencies: number[]; server: Array<Record<string, number>>; commandIds: string[]; lastAnsweredAt: number; loopDelayP99Ms: number }
  | { type: 'checked'; convergedAt: number; lost: number; duplicates: number };

/** Wall-clock milliseconds comparable between processes of one machine. */
const clock = () => performance.timeOrigin + performance.now();
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const send = (message: FromDesks) => process.send!(message);

/**
 * The desks of one process get the same notice frame: it is decoded once and shared, as each real
 * desk decodes it once on its own machine. Decoded per desk, ten times over, it took most of the
 * desk processes' CPU from the two cores the server and PostgreSQL run on.
 */
let lastFrame: Buffer | undefined;
let lastNotice: LiveNotice | undefined;
function decode(frame: Buffer): LiveNotice {
  if (!lastNotice || !lastFrame?.equals(frame)) {
    lastNotice = JSON.parse(frame.toString('utf8')) as LiveNotice;
    lastFrame = frame;
  }
  return lastNotice;
}

interface Desk {
  client: TeamDeskClient;
  /** When each pull answer arrived, with the cursor it left: when this desk first held the head. */
  reached: Array<{ cursor: number; at: number }>;
}

let desks: Desk[] = [];
let start: Extract<ToDesks, { type: 'start' }>;
const sockets: WebSocket[] = [];

async function open(message: Extract<ToDesks, { type: 'start' }>) {
  start = message;
  desks = message.desks.map((login) => {
    const client = new TeamDeskClient(message.url, login.deskId);
    Object.assign(client, { token: login.token, username: login.username });
    return { client, reached: [] };
  });
  // Each desk pulls on every live notice (one pull at a time, again if more arrived meanwhile).
  await Promise.all(
    desks.map((desk) => {
      let pulling: Promise<void> | null = null;
      let again = false;
      const pull = () => {
        if (pulling) {
          again = true;
          return;
        }
        pulling = desk.client
          .pullAll()
          .then(() => void desk.reached.push({ cursor: desk.client.cursor, at: clock() }))
          .catch((error: Error) => console.error(`pull failed: ${error.message}`))
          .finally(() => {
            pulling = null;
            if (again) {
              again = false;
              pull();
            }
          });
      };
      const socket = new WebSocket(`${message.url.replace(/^http/, 'ws')}${TEAM_PATHS.live}`, { headers: { authorization: `Bearer ${desk.client.token}` } });
      sockets.push(socket);
      socket.on('message', (data) => {
        const notice = decode(data as Buffer); // one frame: the socket's binaryType is nodebuffer
        if (notice.position <= desk.client.cursor) return;
        // The notice carries the events after this desk's cursor: no pull (as the desk's sync loop does).
        if (notice.events && notice.from === desk.client.cursor && !pulling) {
          desk.client.pulled.push(...notice.events);
          desk.client.cursor = notice.position;
          desk.reached.push({ cursor: desk.client.cursor, at: clock() });
        } else pull();
      });
      return new Promise((resolve, reject) => socket.once('open', resolve).once('error', reject));
    }),
  );
  send({ type: 'ready' });
}

async function write() {
  const loopDelay = monitorEventLoopDelay({ resolution: 10 });
  loopDelay.enable();
  const latencies: number[] = [];
  const server: Array<Record<string, number>> = [];
  const commandIds: string[] = [];
  let lastAnsweredAt = 0;
  await Promise.all(
    desks.map(async (desk, i) => {
      const d = start.desks[i]!.index;
      await sleep((d / start.totalDesks) * start.intervalMs); // spread all desks over one interval
      for (let w = 0; w < start.writes; w++) {
        const command = desk.client.command('calls.log', { customerAccount: 'bench-01', channel: 'hotline', category: 'product-function', summary: `桌面 ${d} 第 ${w} 通来电：云服务器无法连接` });
        const t0 = performance.now();
        const [result] = await desk.client.push(command);
        latencies.push(performance.now() - t0);
        server.push(desk.client.serverTiming);
        lastAnsweredAt = clock();
        if (!result?.ok) throw new Error(`write refused: ${JSON.stringify(result)}`);
        commandIds.push(command.commandId);
        await sleep(start.intervalMs * (0.5 + Math.random()));
      }
    }),
  );
  loopDelay.disable();
  send({ type: 'written', latencies, server, commandIds, lastAnsweredAt, loopDelayP99Ms: loopDelay.percentile(99) / 1e6 });
}

async function check({ head, commandIds }: Extract<ToDesks, { type: 'check' }>) {
  while (desks.some((desk) => desk.client.cursor < head)) await sleep(5);
  for (const socket of sockets) socket.close();
  let lost = 0;
  let duplicates = 0;
  const wanted = new Set(commandIds);
  for (const { client } of desks) {
    const positions = new Set(client.pulled.map((e) => e.position));
    duplicates += client.pulled.length - positions.size;
    for (let p = 1; p <= head; p++) if (!positions.has(p)) lost++;
    const seen = client.pulled.filter((e) => e.commandId && wanted.has(e.commandId)).map((e) => e.commandId);
    duplicates += seen.length - new Set(seen).size;
    lost += wanted.size - new Set(seen).size;
  }
  const convergedAt = Math.max(...desks.map((desk) => desk.reached.find((r) => r.cursor >= head)?.at ?? clock()));
  send({ type: 'checked', convergedAt, lost, duplicates });
}

process.on('message', (message: ToDesks) => {
  if (message.type === 'stop') process.exit(0);
  const work = message.type === 'start' ? open(message) : message.type === 'go' ? write() : check(message);
  work.catch((error: unknown) => {
    console.error(error);
    process.exit(1);
  });
});
