// `policy publish`: a good policy becomes a version in force; a broken one is refused with one
// line naming the field, exit 2, and the store is unchanged.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, expect, it, vi } from 'vitest';
import { DEFAULT_POLICY } from '../rules/index.js';
import { openCaseStore } from '../store/index.js';
import { UsageError } from './options.js';
import { policyCommand } from './policy.js';
import { POLICY_VERSIONS } from '../../shared/domain/entities.js';

const dir = mkdtempSync(join(tmpdir(), 'policy-cli-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const write = (name: string, value: unknown) => {
  const file = join(dir, name);
  writeFileSync(file, JSON.stringify(value));
  return file;
};
const data = join(dir, 'data');

it('publishes a valid policy version', async () => {
  const out = vi.spyOn(process.stdout, 'write').mockImplementation(() => true);
  const file = write('ok.json', { ...DEFAULT_POLICY, id: '2026.2', effectiveFrom: '2026-06-01T00:00:00+08:00' });
  expect(await policyCommand.run(['publish', '--file', file, '--data', data])).toBe(0);
  out.mockRestore();
  const store = await openCaseStore(data, { autoBackup: false });
  expect(store.get(POLICY_VERSIONS, '2026.2')).toMatchObject({ id: '2026.2', effectiveFrom: '2026-06-01T00:00:00+08:00' });
  await store.close();
});

it.each([
  ['sla.firstResponse.SEV-2.vip', { sla: { ...DEFAULT_POLICY.sla, firstResponse: { ...DEFAULT_POLICY.sla.firstResponse, 'SEV-2': { common: { minutes: 60 }, vip: { hours: 1 } } } } }],
  ['effectiveFrom', { effectiveFrom: 'next week' }],
  ['id', { id: '2026.2' }], // already published
])('refuses a policy with a bad %s, naming it', async (field, over) => {
  const file = write('bad.json', { ...DEFAULT_POLICY, id: '2026.3', ...over });
  await expect(policyCommand.run(['publish', '--file', file, '--data', data])).rejects.toThrow(UsageError);
  await expect(policyCommand.run(['publish', '--file', file, '--data', data])).rejects.toThrow(field);
  const store = await openCaseStore(data, { autoBackup: false });
  expect(store.count(POLICY_VERSIONS)).toBe(1);
  await store.close();
});
