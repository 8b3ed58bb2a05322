import { afterEach, describe, expect, it } from 'vitest';
import { CASES, CREDITS, KEY_EVENTS } from '../../shared/domain/entities.js';
import { openCaseStore, type OpenedCaseStore } from '../store/index.js';
import { tempDir } from '../store/test-helpers.js';
import { allocateId, allocateIds, offerIds, setDeskIdPrefix } from './ids.js';

const open: OpenedCaseStore[] = [];
afterEach(async () => {
  for (const s of open.splice(0)) await s.close();
});
async function fresh() {
  const s = await openCaseStore(tempDir('ids'), { autoBackup: false });
  open.push(s);
  return s;
}
const put = (s: OpenedCaseStore, entity: string, id: string) => s.append({ actor: 'agent01', action: 'x.created', changes: [{ entity, id, op: 'put', record: { id } }] });

describe('id allocation', () => {
  it('numbers each entity in its own format, starting at 1', async () => {
    const s = await fresh();
    expect(allocateId(s, CASES)).toBe('C-000001');
    expect(allocateId(s, CREDITS)).toBe('CR-000001');
    expect(allocateId(s, KEY_EVENTS)).toBe('KE-00001');
    put(s, CASES, allocateId(s, CASES));
    put(s, CASES, allocateId(s, CASES));
    expect(allocateId(s, CASES)).toBe('C-000003');
    expect(allocateId(s, CREDITS)).toBe('CR-000001');
  });

  it('never hands out the id of a deleted record again (count + 1 did)', async () => {
    const s = await fresh();
    for (let i = 0; i < 3; i++) put(s, CASES, allocateId(s, CASES));
    s.append({ actor: 'agent01', action: 'case.deleted', changes: [{ entity: CASES, id: 'C-000001', op: 'delete' }] });
    // 2 cases left: count + 1 would be C-000003, which exists; C-000001 was used before
    expect(allocateId(s, CASES)).toBe('C-000004');
  });

  it('skips ids taken by records written with explicit ids (imports, other desks)', async () => {
    const s = await fresh();
    put(s, CASES, 'C-000001');
    put(s, CASES, 'C-000002');
    put(s, CASES, 'C-000005');
    expect(allocateIds(s, CASES, 3)).toEqual(['C-000004', 'C-000006', 'C-000007']);
  });

  it('the same id is handed out again until it is used (a refused append leaves no gap)', async () => {
    const s = await fresh();
    expect(allocateId(s, CASES)).toBe('C-000001');
    expect(allocateId(s, CASES)).toBe('C-000001');
  });

  it('offered ids go first, each once, and the numbering after them skips them', async () => {
    const s = await fresh();
    offerIds(s, CASES, ['C-000002', 'C-000002', 'C-D9-000001']);
    // C-D9-… is another desk's: not taken; C-000002 once; then 1, (2 is chosen), 3
    expect(allocateIds(s, CASES, 3)).toEqual(['C-000002', 'C-000001', 'C-000003']);
  });

  it('a desk prefix makes ids unique across desks without changing callers', async () => {
    const s = await fresh();
    put(s, CASES, allocateId(s, CASES));
    setDeskIdPrefix(s, 'D2');
    expect(allocateId(s, CASES)).toBe('C-D2-000002');
    expect(() => setDeskIdPrefix(s, 'd-2')).toThrow(/capital letters or digits/);
  });
});
