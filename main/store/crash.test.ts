import { spawn } from 'node:child_process';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { openCaseStore, verifyStore } from './index.js';
import { mulberry32 } from '../seed/generate.js';
import { tempDir } from './test-helpers.js';

const here = path.dirname(fileURLToPath(import.meta.url));

function runUntilKilled(dir: string, killAfterMs: number): Promise<{ acks: { seq: number; id: string; n: number }[]; signal: string | null }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', path.join(here, 'crash-writer.ts'), dir], {
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

describe('crash safety', () => {
  it('loses no acknowledged write when the writer is killed with SIGKILL at random moments', async () => {
    const dir = tempDir('crash');
    const rnd = mulberry32(4242);
    const rounds = 18;
    let totalAcks = 0;
    let maxSeq = 0;
    for (let round = 0; round < rounds; round++) {
      const { acks } = await runUntilKilled(dir, 20 + Math.floor(rnd() * 250));
      totalAcks += acks.length;
      const store = await openCaseStore(dir, { autoBackup: false });
      try {
        expect(store.report.damaged).toEqual([]);
        expect(store.report.lost).toEqual([]);
        expect(store.report.status).toBe('ok');
        for (const ack of acks) {
          expect(store.seq).toBeGreaterThanOrEqual(ack.seq);
          expect(store.get('items', ack.id)).toMatchObject({ id: ack.id, n: ack.n });
        }
        expect(store.seq).toBeGreaterThanOrEqual(maxSeq);
        maxSeq = store.seq;
      } finally {
        await store.close();
      }
    }
    const v = await verifyStore(dir);
    expect(v.findings).toEqual([]);
    expect(v.ok).toBe(true);
    expect(totalAcks).toBeGreaterThan(rounds * 5);
  }, 90_000);
});
