import { afterEach, describe, expect, it } from 'vitest';
import { CaseIndex, openCaseStore, storeChanges, type OpenedCaseStore, type StoreChange } from './index.js';
import { caseEvent, tempDir } from './test-helpers.js';

const open: OpenedCaseStore[] = [];
afterEach(async () => {
  for (const s of open.splice(0)) await s.close();
});

describe('the store announces every durable change once', () => {
  it('gives one StoreChange per entity touched, for single appends and batches, after the whole batch is applied', async () => {
    const s = await openCaseStore(tempDir(), { autoBackup: false });
    open.push(s);
    const seen: StoreChange[][] = [];
    const countsSeen: number[] = [];
    s.subscribe((event) => {
      seen.push(storeChanges(event));
      countsSeen.push(s.count('cases'));
    });
    s.append(caseEvent(1));
    s.appendMany([caseEvent(2), caseEvent(3)]);
    s.append({
      actor: 'agent01',
      action: 'refund.approved',
      changes: [
        { entity: 'cases', id: 'C-000001', op: 'patch', patch: { status: 'approved' } },
        { entity: 'credits', id: 'CR-000001', op: 'put', record: { id: 'CR-000001', amount: '10.00' } },
        { entity: 'cases', id: 'C-000002', op: 'patch', patch: { status: 'approved' } },
        { entity: 'cases', id: 'C-000001', op: 'patch', patch: { notes: 'twice in one event' } },
      ],
    });
    expect(seen).toEqual([
      [{ entity: 'cases', ids: ['C-000001'], action: 'case.opened', seq: 1 }],
      [{ entity: 'cases', ids: ['C-000002'], action: 'case.opened', seq: 2 }],
      [{ entity: 'cases', ids: ['C-000003'], action: 'case.opened', seq: 3 }],
      [
        { entity: 'cases', ids: ['C-000001', 'C-000002'], action: 'refund.approved', seq: 4 },
        { entity: 'credits', ids: ['CR-000001'], action: 'refund.approved', seq: 4 },
      ],
    ]);
    // both events of the batch are announced after both are applied
    expect(countsSeen).toEqual([1, 3, 3, 3]);
  });

  it('announces nothing for a refused event', async () => {
    const s = await openCaseStore(tempDir(), { autoBackup: false });
    open.push(s);
    let announced = 0;
    s.subscribe(() => announced++);
    expect(() => s.appendMany([caseEvent(1), { actor: 'a', action: 'b', changes: [{ entity: 'cases', id: 'C-9', op: 'delete' }] }])).toThrow();
    expect(announced).toBe(0);
    expect(s.seq).toBe(0);
  });

  it('searches the entity named in the search option, over the fields given', async () => {
    const s = await openCaseStore(tempDir(), {
      autoBackup: false,
      search: { entity: 'tickets', index: () => new CaseIndex({ textFields: ['title'] }) },
    });
    open.push(s);
    s.append({ actor: 'a', action: 'ticket.opened', changes: [{ entity: 'tickets', id: 'T-1', op: 'put', record: { id: 'T-1', title: '云服务器无法连接', summary: 'disk' } }] });
    s.append(caseEvent(1, { summary: '云服务器无法连接' }));
    expect(await s.searchCases({ text: '服务器' })).toEqual({ total: 1, ids: ['T-1'] });
    expect(await s.searchCases({ text: 'disk' })).toEqual({ total: 0, ids: [] }); // summary is not a text field here
  });
});
