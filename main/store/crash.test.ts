import { spawn } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { fileKeyProvider, openCaseStore, verifyStore } from './index.js';
import { mulberry32 } from '../seed/generate.js';
import { tempDir } from './test-helpers.js';

const here = path.dirname(fileURLToPath(import.meta.url));

function runUntilKilled(dir: string, killAfterMs: number, keyDir: string): Promise<{ acks: { seq: number; id: string; n: number }[]; signal: string | null }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', path.join(here, 'crash-writer.ts'), dir, keyDir], {
      stdio: ['ignore', 'pipe', 'pipe'],
      env: { ...process.env, NODE_ENV: 'production' },
    });
    const acks: { seq: number; id: string; n: number }[] = [];
    let buf = '';
    let err = '';
    let timer: NodeJS.Timeout | undefined;
    child.stdout.setEncoding('utf8');
    child.stdout.on('data', (chunk: string) => {
      buf += chunk;
      let nl: number;
      while ((nl = buf.indexOf('\n')) >= 0) {
        const line = buf.slice(0, nl);
        buf = buf.slice(nl + 1);
        const [kind, a, b, c] = line.split(' ');
        if (kind === 'ready' && !timer) timer = setTimeout(() => child.kill('SIGKILL'), killAfterMs);
        if (kind === 'ack') acks.push({ seq: Number(a), id: b!, n: Number(c) });
      }
    });
    child.stderr.on('data', (d) => (err += String(d)));
    child.on('error', reject);
    // 'exit' only after the kernel reaped it: the store lock's pid is then dead
    child.on('exit', (_code, signal) => {
      if (signal !== 'SIGKILL') reject(new Error(`writer ended without being killed: ${err}`));
      else resolve({ acks, signal });
    });
  });
}

describe('the store lock', () => {
  it('is taken over when its pid is alive but is another process (pid reuse after a restart, pid 1 in a container)', async () => {
    const dir = tempDir('lock');
    // pid 1 is alive here, but it started long before this "owner" did
    fs.writeFileSync(path.join(dir, 'store.lock'), `1 999999999 ${fs.readFileSync('/proc/sys/kernel/random/boot_id', 'utf8').trim()}\n`);
    const s = await openCaseStore(dir, { autoBackup: false });
    expect(fs.readFileSync(path.join(dir, 'store.lock'), 'utf8')).toMatch(new RegExp(`^${process.pid} \\d+ [0-9a-f-]+\\n$`));
    await expect(openCaseStore(dir, { autoBackup: false })).rejects.toThrow(/already open \(process \d+\)/);
    await s.close();
  });

  it('is taken over when it was written before a reboot (another boot id)', async () => {
    const dir = tempDir('lock');
    fs.writeFileSync(path.join(dir, 'store.lock'), `${process.pid} 1 00000000-0000-0000-0000-000000000000\n`);
    const s = await openCaseStore(dir, { autoBackup: false });
    await s.close();
  });

  it('is respected while its process runs', async () => {
    const dir = tempDir('lock');
    const child = spawn('sleep', ['30']);
    try {
      await new Promise((r) => child.once('spawn', r));
      const stat = fs.readFileSync(`/proc/${child.pid}/stat`, 'utf8');
      const started = stat.slice(stat.lastIndexOf(')') + 2).split(' ')[19];
      fs.writeFileSync(path.join(dir, 'store.lock'), `${child.pid} ${started} ${fs.readFileSync('/proc/sys/kernel/random/boot_id', 'utf8').trim()}\n`);
      await expect(openCaseStore(dir, { autoBackup: false })).rejects.toThrow(`already open (process ${child.pid})`);
    } finally {
      child.kill('SIGKILL');
    }
  });
});

describe('crash safety', () => {
  it('loses no acknowledged write and applies no part of a batch when the writer is killed with SIGKILL at random moments', async () => {
    const dir = tempDir('crash');
    const keyDir = tempDir('crash-keys');
    const keys = fileKeyProvider(keyDir); // an anchored store: MACed events, snapshots and backups
    const rnd = mulberry32(4242);
    const rounds = 18;
    let totalAcks = 0;
    let maxSeq = 0;
    let batches = 0;
    let tornBatches = 0;
    for (let round = 0; round < rounds; round++) {
      const { acks } = await runUntilKilled(dir, 20 + Math.floor(rnd() * 250), keyDir);
      totalAcks += acks.length;
      const store = await openCaseStore(dir, { autoBackup: false, keys });
      try {
        expect(store.report.damaged).toEqual([]);
        expect(store.report.lost).toEqual([]);
        expect(store.report.status).toBe('ok');
        for (const ack of acks) {
          expect(store.seq).toBeGreaterThanOrEqual(ack.seq);
          if (ack.id.endsWith('-bulk')) expect(store.get('bulk', `bulk-${ack.n}-99`)).toBeDefined();
          else expect(store.get('items', ack.id)).toMatchObject({ id: ack.id, n: ack.n });
        }
        // every batch is there whole or not at all
        const perBatch = new Map<number, number>();
        for (const r of store.all<{ id: string; batch: number }>('bulk')) perBatch.set(r.batch, (perBatch.get(r.batch) ?? 0) + 1);
        for (const [batch, count] of perBatch) expect({ batch, count }).toEqual({ batch, count: 100 });
        batches += perBatch.size;
        if (/events of a batch/.test(store.report.notes.join(' '))) tornBatches++;
        expect(store.seq).toBeGreaterThanOrEqual(maxSeq);
        maxSeq = store.seq;
      } finally {
        await store.close();
      }
    }
    const v = await verifyStore(dir, { keys });
    expect(v.findings).toEqual([]);
    expect(v.ok).toBe(true);
    expect(maxSeq).toBeGreaterThan(rounds * 5);
    expect(batches).toBeGreaterThan(0);
    console.log(JSON.stringify({ crash: { kills: rounds, acknowledgedWrites: totalAcks, lost: 0, batchesWhole: batches, unfinishedBatchesSetAside: tornBatches, anchored: true } }));
  }, 300_000);
});
