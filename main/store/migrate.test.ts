import * as fs from 'node:fs';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { openCaseStore, verifyStore } from './index.js';
import { tempDir } from './test-helpers.js';

const fixture = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../test/fixtures/store/v1');

describe('schema migration 1 → 2', () => {
  it('opens a store written by schema version 1 and migrates it forward', async () => {
    const dir = tempDir('v1');
    fs.cpSync(fixture, dir, { recursive: true });
    const v1Journal = fs.readFileSync(path.join(dir, 'journal.jsonl'));
    const before = await verifyStore(dir);
    expect(before.findings.some((f) => /schema version 1/.test(f.message))).toBe(true);

    const s = await openCaseStore(dir, { autoBackup: false });
    try {
      expect(s.report.migrated).toEqual({ from: 1, to: 2, events: 6 });
      expect(s.report.notices.join(' ')).toMatch(/upgraded from schema version 1 to 2/);
      expect(s.seq).toBe(6);
      expect(s.get('cases', 'C-000001')).toMatchObject({
        customerAccount: 'acme-01',
        customerName: 'Acme Ltd',
        errorCodes: ['IncorrectInstanceStatus'],
        status: 'resolved',
        openedAt: '2025-11-03T01:32:00.000Z',
        summary: '云服务器无法连接',
      });
      expect(s.get('cases', 'C-000001')).not.toHaveProperty('customer');
      expect(s.get('cases', 'C-000001')).not.toHaveProperty('errorCode');
      expect(s.get('cases', 'C-000002')).toBeUndefined();
      expect(s.get('customers', 'acme-01')).toMatchObject({ createdAt: '2025-11-03T01:30:00.000Z' });
      const h = s.history('cases', 'C-000001');
      expect(h.map((e) => [e.seq, e.actor, e.action, e.reason, e.at])).toEqual([
        [3, 'agent01', 'call.logged', 'customer called the hotline', '2025-11-03T01:32:00.000Z'],
        [4, 'agent01', 'case.updated', 'host fault confirmed', '2025-11-03T02:30:00.000Z'],
      ]);
      expect(h[1]!.prevHash).toBe(h[0]!.hash);
      expect((await s.searchCases({ text: '服务器' })).ids).toEqual(['C-000001']);
      s.append({ actor: 'agent01', action: 'case.updated', changes: [{ entity: 'cases', id: 'C-000001', op: 'patch', patch: { status: 'closed' } }] });
    } finally {
      await s.close();
    }
    // the v1 journal is kept unchanged; the store now verifies as schema 2
    expect(fs.readFileSync(path.join(dir, 'journal.v1.jsonl')).equals(v1Journal)).toBe(true);
    expect(JSON.parse(fs.readFileSync(path.join(dir, 'store.json'), 'utf8'))).toMatchObject({ schemaVersion: 2 });
    const after = await verifyStore(dir);
    expect(after).toMatchObject({ ok: true, events: 7, findings: [] });
    const again = await openCaseStore(dir, { autoBackup: false });
    expect(again.report.migrated).toBeNull();
    expect(again.get('cases', 'C-000001')).toMatchObject({ status: 'closed' });
    await again.close();
  });

  it('refuses a store from a newer version', async () => {
    const dir = tempDir('v9');
    fs.writeFileSync(path.join(dir, 'store.json'), JSON.stringify({ schemaVersion: 9 }));
    await expect(openCaseStore(dir)).rejects.toThrow(/newer Assurance Desk/);
  });
});
