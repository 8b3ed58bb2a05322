import * as crypto from 'node:crypto';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { describe, expect, it } from 'vitest';
import { tempDir } from './test-helpers.js';
import { StoreWorker } from './worker.js';

const sha256 = (b: Buffer) => crypto.createHash('sha256').update(b).digest('hex');

async function until(test: () => boolean): Promise<void> {
  while (!test()) await new Promise((r) => setTimeout(r, 10));
}

describe('the store worker thread', () => {
  it('ends when idle and starts again for the next operation', async () => {
    const file = path.join(tempDir('worker'), 'bytes');
    const bytes = crypto.randomBytes(300_000);
    fs.writeFileSync(file, bytes);
    const worker = new StoreWorker({ idleMs: 20 });
    try {
      expect(worker.running).toBe(false);
      expect(await worker.run('hashRange', file, 1000)).toBe(sha256(bytes.subarray(0, 1000)));
      expect(worker.started).toBe(1);
      await until(() => !worker.running);
      // A queue of operations on the new thread, answered in order.
      const answers = await Promise.all([worker.run('hashRange', file, 10), worker.run('hashRange', file, bytes.length)]);
      expect(answers).toEqual([sha256(bytes.subarray(0, 10)), sha256(bytes)]);
      expect(worker.started).toBe(2);
    } finally {
      await worker.close();
    }
    expect(worker.running).toBe(false);
    await expect(worker.run('hashRange', file, 10)).rejects.toThrow('store worker is closed');
  });

  it('answers or fails an operation still running when it is closed, never leaves it waiting', async () => {
    const file = path.join(tempDir('worker'), 'bytes');
    fs.writeFileSync(file, crypto.randomBytes(8 << 20));
    const worker = new StoreWorker();
    const running = worker.run('hashRange', file, 8 << 20).then(
      (hash) => hash,
      (error: Error) => error.message,
    );
    await worker.close();
    expect(await running).toMatch(/^([0-9a-f]{64}|store worker stopped)$/);
  });
});
