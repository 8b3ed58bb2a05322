// Child process for crash.test.ts: appends forever (single events, pairs and batches of 100)
// and prints "ack <seq> <id> <n>" after each append returns (i.e. after it is durable). The test kills it with SIGKILL.
// With a key folder (argv[3]) the store is anchored, so MACed events, snapshots and backups are killed mid-write too.
import { fileKeyProvider } from './anchor.js';
import { openCaseStore } from './store.js';

const dir = process.argv[2]!;
const keyDir = process.argv[3];
const store = await openCaseStore(dir, { snapshotEvery: 40, backupEvery: 60, keepBackups: 2, ...(keyDir ? { keys: fileKeyProvider(keyDir) } : {}) });
process.stdout.write(`ready ${store.seq}\n`);
let n = store.count('items');
for (;;) {
  n++;
  const id = `item-${n}`;
  const batch = n % 7 === 0;
  if (n % 11 === 0) {
    // a bulk write like seed's: 100 events, one write, all or nothing
    const evs = store.appendMany(
      Array.from({ length: 100 }, (_, k) => ({
        actor: 'writer',
        action: 'bulk.imported',
        changes: [{ entity: 'bulk', id: `bulk-${n}-${k}`, op: 'put' as const, record: { id: `bulk-${n}-${k}`, batch: n, text: 'y'.repeat(200) } }],
      })),
    );
    process.stdout.write(`ack ${evs[99]!.seq} ${id}-bulk ${n}\n`);
  } else if (batch) {
    const evs = store.appendMany([
      { actor: 'writer', action: 'item.created', changes: [{ entity: 'items', id, op: 'put', record: { id, n, text: 'x'.repeat(n % 300) } }] },
      { actor: 'writer', action: 'item.touched', changes: [{ entity: 'items', id, op: 'patch', patch: { touched: true } }] },
    ]);
    process.stdout.write(`ack ${evs[1]!.seq} ${id} ${n}\n`);
  } else {
    const ev = store.append({ actor: 'writer', action: 'item.created', reason: 'crash test', changes: [{ entity: 'items', id, op: 'put', record: { id, n, text: '云'.repeat(n % 200) } }] });
    process.stdout.write(`ack ${ev.seq} ${id} ${n}\n`);
  }
  // let background snapshots/backups start now and then
  if (n % 5 === 0) await new Promise((r) => setImmediate(r));
}
