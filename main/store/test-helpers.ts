// Helpers for the store's tests (real stores on temp dirs; nothing mocked).
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { afterAll } from 'vitest';
import type { EventInput } from './types.js';

const made: string[] = [];
// registered while the importing test file is collected: runs after that file's tests
afterAll(() => {
  for (const d of made.splice(0)) fs.rmSync(d, { recursive: true, force: true });
});

/** A fresh temp directory, removed when the test process exits. */
export function tempDir(label = 'store'): string {
  const d = fs.mkdtempSync(path.join(os.tmpdir(), `ad-${label}-`));
  made.push(d);
  return d;
}

export function caseEvent(n: number, extra: Record<string, unknown> = {}): EventInput {
  const id = `C-${String(n).padStart(6, '0')}`;
  return {
    actor: `agent${String((n % 20) + 1).padStart(2, '0')}`,
    action: 'case.opened',
    reason: 'customer called',
    changes: [
      {
        entity: 'cases',
        id,
        op: 'put',
        record: {
          id,
          type: 'call',
          channel: 'hotline',
          customerAccount: `acme-${String((n % 7) + 1).padStart(2, '0')}`,
          customerName: 'Acme Ltd',
          vip: false,
          category: 'technical-issue',
          inScope: true,
          status: 'open',
          summary: `Case number ${n}`,
          notes: '',
          errorCodes: [],
          agent: 'agent01',
          openedAt: new Date(Date.UTC(2026, 0, 1) + n * 60_000).toISOString(),
          updatedAt: new Date(Date.UTC(2026, 0, 1) + n * 60_000).toISOString(),
          ...extra,
        },
      },
    ],
  };
}

export function flipByte(file: string, offset: number): void {
  const buf = fs.readFileSync(file);
  buf[offset] = buf[offset]! ^ 0x04;
  fs.writeFileSync(file, buf);
}
