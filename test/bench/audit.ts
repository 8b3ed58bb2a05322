// Audit trail benchmark: `npm run bench:audit -- --cases N [--pages P]`. Seeds N generated
// cases (one event each, by 20 agents, plus a status update for every other case) and then
// times `store.eventPage` (the index: only the page's lines are read) for pages of 200 with
// the audit screen's filters, against reading every matching event (`store.events`, what
// `audit.events` did before). Reads are synchronous, so a write arriving meanwhile waits as long.
// Prints one JSON line with the case count and the machine.
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { performance } from 'node:perf_hooks';
import { generateDesk } from '../../main/seed/generate.js';
import { openCaseStore, type EventFilter, type EventInput } from '../../main/store/index.js';

const arg = (name: string, fallback: number) => {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? Number(process.argv[i + 1]) : fallback;
};
const cases = arg('cases', 50_000);
const pages = arg('pages', 100);
const pct = (v: number[], p: number) => [...v].sort((a, b) => a - b)[Math.min(v.length - 1, Math.ceil((p / 100) * v.length) - 1)]!;
const r2 = (n: number) => Math.round(n * 100) / 100;

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ad-bench-audit-'));
try {
  const store = await openCaseStore(dir, { autoBackup: false, snapshotEvery: Number.MAX_SAFE_INTEGER });
  const generated = generateDesk({ customers: Math.max(50, Math.round(cases / 50)), cases, seed: 2026 });
  const inputs: EventInput[] = generated.cases.flatMap((c, i) => {
    const opened: EventInput = { actor: c.agent, action: 'case.opened', changes: [{ entity: 'cases', id: c.id, op: 'put', record: { ...c } }] };
    return i % 2 ? [opened] : [opened, { actor: c.agent, action: 'case.updated', reason: 'follow-up', changes: [{ entity: 'cases', id: c.id, op: 'patch', patch: { notes: 'called back' } }] }];
  });
  for (let i = 0; i < inputs.length; i += 2000) store.appendMany(inputs.slice(i, i + 2000));
  await store.compact();
  const agents = [...new Set(generated.cases.map((c) => c.agent))];
  const first = store.eventPage({}, { offset: store.seq - 1, limit: 1 }).events[0]!.at;
  const last = store.eventPage({}, { offset: 0, limit: 1 }).events[0]!.at;
  const mid = new Date((Date.parse(first) + Date.parse(last)) / 2).toISOString();
  const filters: EventFilter[] = [{}, { actor: agents[0]! }, { action: 'case.updated' }, { from: mid }, { actor: agents[1]!, action: 'case.opened', to: mid }];
  const time = (f: () => unknown) => {
    const t = performance.now();
    f();
    return performance.now() - t;
  };
  const indexed: number[] = [];
  const fullRead: number[] = [];
  for (let i = 0; i < pages; i++) {
    const filter = filters[i % filters.length]!;
    const page = i % 5;
    indexed.push(time(() => store.eventPage(filter, { offset: page * 200, limit: 200 })));
    if (i < 10) fullRead.push(time(() => store.events(filter).slice(-200 * (page + 1))));
  }
  await store.close();
  process.stdout.write(
    JSON.stringify({
      cases,
      events: inputs.length,
      pages,
      pageSize: 200,
      auditPageP50Ms: r2(pct(indexed, 50)),
      auditPageP95Ms: r2(pct(indexed, 95)),
      auditPageMaxMs: r2(Math.max(...indexed)),
      fullReadP50Ms: r2(pct(fullRead, 50)),
      fullReadMaxMs: r2(Math.max(...fullRead)),
      machine: { cpu: os.cpus()[0]?.model.split(' ').slice(0, 2).join(' '), cores: os.cpus().length, node: process.version, loadAvg: os.loadavg().map(r2) },
    }) + '\n',
  );
} finally {
  fs.rmSync(dir, { recursive: true, force: true });
}
