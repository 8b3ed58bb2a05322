// Shared by the report tests: a real case store on a temp dir, filled with given cases.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { CaseBase, CaseRecord, CaseType } from '../../shared/domain/case.js';
import { openCaseStore } from '../store/index.js';

const dirs: string[] = [];
export function tempDir(label = 'report'): string {
  const dir = mkdtempSync(join(tmpdir(), `desk-${label}-`));
  dirs.push(dir);
  return dir;
}
export function cleanTempDirs(): void {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
}

let n = 0;
/** Test data of any type: the fields given are taken as stored (seeded and imported cases carry less). */
export function aCase(fields: Partial<CaseBase> & { type?: CaseType; details?: object } = {}): CaseRecord {
  n++;
  const id = fields.id ?? `C-${String(n).padStart(6, '0')}`;
  const record = {
    id,
    type: 'call',
    channel: 'hotline',
    customerAccount: 'acme-01',
    customerName: '上海博远数据服务有限公司',
    vip: false,
    category: 'technical-issue',
    inScope: true,
    severity: 'SEV-2',
    status: 'open',
    summary: '云服务器无法连接',
    notes: '',
    errorCodes: ['ECS-1001'],
    agent: 'agent01',
    openedAt: '2026-03-01T02:00:00.000Z',
    updatedAt: '2026-03-01T03:00:00.000Z',
    details: {},
    ...fields,
  } as CaseRecord;
  if (record.severity === undefined) delete record.severity;
  return record;
}

/** A data directory holding exactly these cases. */
export async function storeWith(cases: CaseRecord[]): Promise<string> {
  const dir = tempDir('data');
  const store = await openCaseStore(dir, { autoBackup: false });
  try {
    store.appendMany(cases.map((c) => ({ actor: 'test', action: 'case.imported', changes: [{ entity: 'cases', id: c.id, op: 'put' as const, record: { ...c } }] })));
    await store.idle();
  } finally {
    await store.close();
  }
  return dir;
}
