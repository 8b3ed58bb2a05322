import { describe, expect, it } from 'vitest';
import { openCaseStore } from './index.js';
import fc from 'fast-check';
import { CaseIndex, firstInOrder, tokenize } from './search.js';
import type { CaseSearchQuery, StoredRecord } from './types.js';
import { generateDesk } from '../seed/generate.js';
import { caseEvent, tempDir } from './test-helpers.js';

describe('tokenize', () => {
  it('splits Chinese into bigrams and keeps error codes whole and in parts', () => {
    expect([...tokenize('云服务器无法连接')]).toEqual(['云服', '服务', '务器', '器无', '无法', '法连', '连接']);
    expect([...tokenize('ECS-5003 InvalidInstanceId.NotFound')]).toEqual(['ecs-5003', 'ecs', '5003', 'invalidinstanceid.notfound', 'invalidinstanceid', 'notfound']);
    expect([...tokenize('Ｅｃｓ 实例')]).toEqual(['ecs', '实例']);
  });
});

describe('searchCases', () => {
  it('finds English, Chinese and error codes; filters; newest first with a total; stays current on append', async () => {
    const dir = tempDir('search');
    const s = await openCaseStore(dir, { autoBackup: false });
    try {
      s.append(caseEvent(1, { summary: '云服务器无法连接', notes: '客户无法SSH登录', errorCodes: ['ECS-5003'], status: 'open', severity: 'SEV-1', channel: 'hotline' }));
      s.append(caseEvent(2, { summary: 'OSS upload fails with 403', notes: 'Signature mismatch after key rotation', errorCodes: ['SignatureDoesNotMatch'], status: 'resolved', channel: 'email', type: 'work-order', agent: 'agent07' }));
      s.append(caseEvent(3, { summary: 'ECS instance unreachable over SSH', notes: '', errorCodes: ['ECS-5003'], status: 'closed', customerAccount: 'globex-02', customerName: '杭州云帆科技有限公司' }));
      s.append(caseEvent(4, { summary: '负载均衡健康检查失败', errorCodes: ['SLB-502'], openedAt: '2025-12-01T00:00:00.000Z' }));

      expect(await s.searchCases({ text: '服务器' })).toEqual({ total: 1, ids: ['C-000001'] });
      expect((await s.searchCases({ text: '云' })).ids.sort()).toEqual(['C-000001', 'C-000003']); // summary and customer name
      expect((await s.searchCases({ text: '云帆' })).ids).toEqual(['C-000003']);
      expect((await s.searchCases({ text: 'ssh' })).ids).toEqual(['C-000003', 'C-000001']); // newest first
      expect((await s.searchCases({ text: 'upload 403' })).ids).toEqual(['C-000002']);
      expect((await s.searchCases({ text: 'upload 404' })).total).toBe(0);
      expect((await s.searchCases({ text: 'ECS-5003' })).ids).toEqual(['C-000003', 'C-000001']);
      expect((await s.searchCases({ text: 'signaturedoesnotmatch' })).ids).toEqual(['C-000002']);
      expect((await s.searchCases({ text: 'slb-502' })).ids).toEqual(['C-000004']);
      expect((await s.searchCases({ text: 'globex-02' })).ids).toEqual(['C-000003']);
      expect((await s.searchCases({ text: 'ecs-5003', status: ['open'] })).ids).toEqual(['C-000001']);
      expect((await s.searchCases({ severity: ['SEV-1'] })).ids).toEqual(['C-000001']);
      expect((await s.searchCases({ channel: ['email'], type: ['work-order'], agent: 'agent07' })).ids).toEqual(['C-000002']);
      expect((await s.searchCases({ customerAccount: 'globex-02' })).ids).toEqual(['C-000003']);
      expect((await s.searchCases({ from: '2025-11-01T00:00:00Z', to: '2026-01-01T00:00:00Z' })).ids).toEqual(['C-000004']);
      expect((await s.searchCases({ from: '2026-01-01T00:00:00Z' })).ids).toEqual(['C-000003', 'C-000002', 'C-000001']);
      expect(await s.searchCases({ limit: 2, offset: 1 })).toEqual({ total: 4, ids: ['C-000002', 'C-000001'] });

      // kept current: update, delete
      s.append({ actor: 'agent01', action: 'case.updated', changes: [{ entity: 'cases', id: 'C-000001', op: 'patch', patch: { summary: '数据库连接数满', status: 'closed' } }] });
      expect((await s.searchCases({ text: '服务器' })).total).toBe(0);
      expect((await s.searchCases({ text: '数据库' })).ids).toEqual(['C-000001']);
      expect((await s.searchCases({ status: ['closed'] })).ids).toEqual(['C-000003', 'C-000001']);
      expect((await s.searchCases({ text: '云' })).ids).toEqual(['C-000003']); // 云 left C-000001's summary
      expect((await s.searchCases({ text: '库' })).ids).toEqual(['C-000001']); // a character of a bigram added by the patch
      s.append({ actor: 'agent01', action: 'case.deleted', changes: [{ entity: 'cases', id: 'C-000003', op: 'delete' }] });
      expect((await s.searchCases({ text: 'ssh' })).ids).toEqual(['C-000001']);
      expect((await s.searchCases({ text: '云' })).total).toBe(0);
    } finally {
      await s.close();
    }
  });

  it('builds the index on open from generated data, and filters agree with a plain scan', { timeout: 30_000 }, async () => {
    const dir = tempDir('search-gen');
    const { customers, cases } = generateDesk({ customers: 60, cases: 1500, seed: 7 });
    const s = await openCaseStore(dir, { autoBackup: false });
    s.appendMany(customers.map((c) => ({ actor: 'system', action: 'customer.imported', changes: [{ entity: 'customers', id: c.id, op: 'put' as const, record: { ...c } }] })));
    s.appendMany(cases.map((c) => ({ actor: 'system', action: 'case.imported', changes: [{ entity: 'cases', id: c.id, op: 'put' as const, record: { ...c } }] })));
    await s.compact();
    await s.close();
    const t = await openCaseStore(dir, { autoBackup: false });
    try {
      const ready = await t.searchReady;
      expect(ready.cases).toBe(1500);
      const from = '2026-01-01T00:00:00.000Z';
      const expected = cases
        .filter((c) => c.status === 'open' && c.channel === 'hotline' && c.openedAt >= from && c.summary.includes('服务器'))
        .sort((a, b) => (a.openedAt < b.openedAt ? 1 : -1))
        .map((c) => c.id);
      expect(expected.length).toBeGreaterThan(0);
      const r = await t.searchCases({ text: '服务器', status: ['open'], channel: ['hotline'], from, limit: 1000 });
      // the index also matches notes/customer names, so it may find more; every expected one is there in order
      expect(r.ids.filter((id) => expected.includes(id))).toEqual(expected);
      // A word in every case (the "c" of each id) comes off the date order: newest first, as sorted here.
      const newest = [...cases].sort((a, b) => (a.openedAt < b.openedAt ? 1 : a.openedAt > b.openedAt ? -1 : 0)).map((c) => c.id);
      expect(new Set(cases.map((c) => c.openedAt)).size).toBe(cases.length); // no ties to break
      expect(await t.searchCases({ text: 'c', limit: 40, offset: 20 })).toEqual({ total: 1500, ids: newest.slice(20, 60) });
      expect((await t.searchCases({ text: 'c', limit: 1500 })).ids).toEqual(newest);
      const vip = await t.searchCases({ agent: 'agent05', limit: 5 });
      expect(vip.total).toBe(cases.filter((c) => c.agent === 'agent05').length);
      const codes = await t.searchCases({ text: 'RDS-1040', limit: 10000 });
      expect(codes.total).toBe(cases.filter((c) => c.errorCodes.includes('RDS-1040') || c.summary.includes('RDS-1040')).length);
    } finally {
      await t.close();
    }
  });
});

describe('searchCases with ids put ahead (the queue’s urgent cases)', () => {
  it('gives the ones ahead that match in the order asked, and pages through the others newest first', async () => {
    const s = await openCaseStore(tempDir('search-ahead'), { autoBackup: false });
    try {
      // Case n opens n minutes into 2026: the higher n, the newer. Every tenth has "alpha" in its notes.
      for (let n = 1; n <= 40; n++) s.append(caseEvent(n, { status: n % 2 ? 'resolved' : 'open', ...(n % 10 === 0 ? { notes: 'alpha' } : {}) }));
      const id = (n: number) => `C-${String(n).padStart(6, '0')}`;
      const ahead = [id(3), id(40), id(10), 'C-999999', id(7), id(40)];
      const newest = (ns: number[]) => [...ns].sort((a, b) => b - a).map(id);
      const every = Array.from({ length: 40 }, (_, i) => i + 1);

      // A rare word (its few hits put in order by the heap)
      expect(await s.searchCases({ text: 'alpha', ahead, limit: 1 })).toEqual({ total: 4, ids: [id(30)], ahead: [id(40), id(10)] });
      expect(await s.searchCases({ text: 'alpha', ahead, offset: 1 })).toEqual({ total: 4, ids: [id(20)], ahead: [id(40), id(10)] });
      expect(await s.searchCases({ text: 'alpha' })).toEqual({ total: 4, ids: newest([10, 20, 30, 40]) }); // without ahead: as before
      // No text, a word in every case (read off the date order), and a filter with it
      const others = every.filter((n) => ![3, 40, 10, 7].includes(n));
      for (const query of [{}, { text: 'case' }]) {
        expect(await s.searchCases({ ...query, ahead, limit: 5 })).toEqual({ total: 40, ids: newest(others).slice(0, 5), ahead: [id(3), id(40), id(10), id(7)] });
        expect((await s.searchCases({ ...query, ahead, offset: 5, limit: 100 })).ids).toEqual(newest(others).slice(5));
      }
      expect(await s.searchCases({ text: 'case', status: ['open'], ahead, limit: 3 })).toEqual({ total: 20, ids: [id(38), id(36), id(34)], ahead: [id(40), id(10)] });
      expect(await s.searchCases({ text: 'nothing', ahead })).toEqual({ total: 0, ids: [], ahead: [] });
    } finally {
      await s.close();
    }
  });
});

describe('firstInOrder: the page of hits put in order without sorting them all', () => {
  it('gives the same first n as a full sort, ties and all', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: 30 }), { maxLength: 400 }), fc.integer({ min: 0, max: 60 }), (keys, n) => {
        // items are indexes; newer key first, ties: higher index first (as the index orders docs)
        const items = keys.map((_, i) => i);
        const before = (a: number, b: number) => keys[a]! > keys[b]! || (keys[a] === keys[b] && a > b);
        const sorted = [...items].sort((a, b) => (before(a, b) ? -1 : 1));
        expect(firstInOrder(items, n, before)).toEqual(sorted.slice(0, n));
      }),
    );
  });
});

describe('CaseIndex kept current: the same answers as a plain scan of the cases', () => {
  const WORDS = ['云服务器无法连接', '数据库连接数满', 'ECS-5003', 'OSS upload fails', '负载均衡', 'upload', '实例', '云 ECS 库'];
  const TIMES = ['2026-01-01T00:00:00.000Z', '2026-01-02T00:00:00.000Z', '2026-01-03T00:00:00.000Z']; // ties on purpose
  const QUERIES = ['', '连接', '服务器', '云', '连', '库', 'ecs-5003', '5003', 'upload', 'upload 云', '实例 数据', '云 库'];
  const STATUSES = ['open', 'closed', 'pending-customer'];
  const SEVERITIES = ['SEV-1', 'SEV-2', undefined];
  type Put = { op: 'put'; n: number; words: number[]; time: number; status: number; severity: number };
  const caseOf = ({ n, words, time, status, severity }: Omit<Put, 'op'>): StoredRecord => ({
    id: `C-${n}`,
    summary: words.map((w) => WORDS[w]!).join(' '),
    openedAt: TIMES[time]!,
    status: STATUSES[status]!,
    ...(SEVERITIES[severity] ? { severity: SEVERITIES[severity] } : {}),
  });
  type Op = Put | { op: 'remove'; n: number } | { op: 'bulk' | 'settle' | 'sortNow' };
  const put = fc.record({
    op: fc.constant('put' as const),
    n: fc.integer({ min: 1, max: 12 }),
    words: fc.array(fc.nat(WORDS.length - 1), { maxLength: 3 }),
    time: fc.nat(TIMES.length - 1),
    status: fc.nat(STATUSES.length - 1),
    severity: fc.nat(SEVERITIES.length - 1),
  });
  const op: fc.Arbitrary<Op> = fc.oneof(
    { weight: 6, arbitrary: put },
    { weight: 2, arbitrary: fc.record({ op: fc.constant('remove' as const), n: fc.integer({ min: 1, max: 12 }) }) },
    { weight: 1, arbitrary: fc.record({ op: fc.constantFrom('bulk' as const, 'settle' as const, 'sortNow' as const) }) },
  );
  type Live = Map<string, { record: StoredRecord; added: number }>;
  /** What a query should find: every query word in the case's words (one Chinese character: in any of them), every filter met. */
  const expected = (live: Live, { text = '', status, severity, from = '', to = '9' }: CaseSearchQuery) => {
    const words = [...tokenize(text)];
    return [...live.values()]
      .filter(({ record }) => (!status || status.includes(record.status as string)) && (!severity || severity.includes((record.severity as string) ?? '')))
      .filter(({ record }) => record.openedAt! >= from && record.openedAt! < to)
      .filter(({ record }) => {
        const own = [...tokenize(`${record.id}\n${record.summary}`)];
        return words.every((w) => own.includes(w) || (Array.from(w).length === 1 && /\p{Script=Han}/u.test(w) && own.some((t) => t.includes(w))));
      })
      .sort((a, b) => (a.record.openedAt! > b.record.openedAt! ? -1 : a.record.openedAt! < b.record.openedAt! ? 1 : b.added - a.added))
      .map(({ record }) => record.id);
  };
  const AHEAD = ['C-3', 'C-11', 'C-1', 'C-99', 'C-6'];
  /** A query's answer, paged, with and without ids put ahead, against the plain scan's. */
  const agrees = (index: CaseIndex, live: Live, q: CaseSearchQuery) => {
    const want = expected(live, q);
    expect(index.search({ ...q, limit: 100 })).toEqual({ total: want.length, ids: want });
    expect(index.search({ ...q, limit: 2, offset: 1 })).toEqual({ total: want.length, ids: want.slice(1, 3) });
    const others = want.filter((id) => !AHEAD.includes(id));
    expect(index.search({ ...q, ahead: AHEAD, limit: 2, offset: 1 })).toEqual({ total: want.length, ids: others.slice(1, 3), ahead: AHEAD.filter((id) => want.includes(id)) });
  };

  it('through puts that change words, fields and dates, removes, and bulk loading in steps', { timeout: 120_000 }, () => {
    fc.assert(
      fc.property(fc.array(op, { maxLength: 60 }), (ops) => {
        const index = new CaseIndex();
        const live: Live = new Map();
        let added = 0;
        for (const o of ops) {
          if (o.op === 'put') {
            const record = caseOf(o);
            const was = live.get(record.id);
            index.upsert(record, was?.record);
            live.set(record.id, { record, added: was ? was.added : added++ });
          } else if (o.op === 'remove') {
            index.remove(`C-${o.n}`, live.get(`C-${o.n}`)?.record);
            live.delete(`C-${o.n}`);
          } else if (o.op === 'bulk') index.beginBulk();
          else if (o.op === 'settle') index.settle();
          else index.sortNow();
        }
        expect(index.size).toBe(live.size);
        for (const text of QUERIES) {
          agrees(index, live, { text });
          agrees(index, live, { text, status: ['open'] });
        }
        // Without words: answered from a field's value lists or by walking the date span, whichever holds fewer docs.
        const filters: CaseSearchQuery[] = [{}, { status: ['open'] }, { status: ['closed', 'pending-customer'] }, { severity: ['SEV-1'] }, { status: ['open', 'closed'], severity: ['SEV-2', 'SEV-1'] }, { status: ['nobody'] }];
        for (const [from, to] of [[undefined, undefined], [TIMES[1]!, undefined], [undefined, TIMES[2]!], [TIMES[1]!, TIMES[2]!]] as const) {
          for (const f of filters) agrees(index, live, { ...f, from, to });
          agrees(index, live, { text: 'c', from, to, status: ['closed'] });
        }
      }),
      { numRuns: 300 },
    );
  });

  it('refuses an update of an indexed case without the record it replaces, and keeps what it had', () => {
    const index = new CaseIndex();
    index.upsert(caseOf({ n: 1, words: [0], time: 0, status: 0, severity: 0 }));
    expect(() => index.upsert(caseOf({ n: 1, words: [1], time: 1, status: 0, severity: 0 }))).toThrow(/already holds C-1: .*previous/);
    expect(index.search({ text: '服务器' }).ids).toEqual(['C-1']);
    expect(index.search({ text: '数据库' }).total).toBe(0);
  });
});

describe('one event that changes a case twice', () => {
  it('is indexed once, as the case ends up', async () => {
    const dir = tempDir('search-twice');
    const s = await openCaseStore(dir, { autoBackup: false });
    try {
      const opened = caseEvent(1, { summary: '云服务器无法连接' });
      const put = opened.changes[0]!;
      s.append({ ...opened, changes: [put, { entity: 'cases', id: put.id, op: 'patch', patch: { summary: '数据库连接数满', openedAt: '2025-06-01T00:00:00.000Z' } }] });
      s.append(caseEvent(2, { summary: '数据库只读' }));
      s.append({ actor: 'agent01', action: 'case.updated', changes: [{ entity: 'cases', id: 'C-000002', op: 'patch', patch: { summary: '实例' } }, { entity: 'cases', id: 'C-000002', op: 'patch', patch: { status: 'closed' } }] });
      expect((await s.searchCases({ text: '服务器' })).total).toBe(0);
      expect((await s.searchCases({ text: '数据库' })).ids).toEqual(['C-000001']);
      expect((await s.searchCases({ text: '实例', status: ['closed'] })).ids).toEqual(['C-000002']);
      expect((await s.searchCases({})).ids).toEqual(['C-000002', 'C-000001']);
    } finally {
      await s.close();
    }
  });
});
