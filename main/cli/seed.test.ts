import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, expect, it, vi } from 'vitest';
import { openCaseStore } from '../store/index.js';
import { seedCommand } from './seed.js';
import { UsageError } from './options.js';

const dirs: string[] = [];
const tempDir = () => {
  const dir = mkdtempSync(join(tmpdir(), 'desk-seed-'));
  dirs.push(dir);
  return dir;
};
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

async function contents(dataDir: string) {
  const store = await openCaseStore(dataDir, { autoBackup: false });
  const data = { customers: store.all('customers'), cases: store.all('cases') };
  await store.close();
  return data;
}

it('seeds the same customers and cases for the same --seed, different ones for another', async () => {
  vi.spyOn(process.stdout, 'write').mockImplementation(() => true);
  const [a, b, c] = [tempDir(), tempDir(), tempDir()];
  for (const [dir, seed] of [[a, '5'], [b, '5'], [c, '6']] as const) {
    expect(await seedCommand.run(['--cases', '120', '--seed', seed, '--data', dir])).toBe(0);
  }
  const [first, again, other] = await Promise.all([contents(a), contents(b), contents(c)]);
  expect(first.cases).toHaveLength(120);
  expect(first.customers.length).toBeGreaterThanOrEqual(12);
  expect(again).toEqual(first);
  expect(other.cases).not.toEqual(first.cases);
});

it('numbers seeded cases after the ones already in the store', async () => {
  vi.spyOn(process.stdout, 'write').mockImplementation(() => true);
  const dir = tempDir();
  await seedCommand.run(['--cases', '10', '--data', dir]);
  await seedCommand.run(['--cases', '10', '--seed', '2', '--data', dir]);
  const { cases } = await contents(dir);
  expect(cases.map((c) => c.id)).toEqual(Array.from({ length: 20 }, (_, i) => `C-${String(i + 1).padStart(6, '0')}`));
});

it('refuses a bad --cases with an error naming the option, writing nothing', async () => {
  const dir = tempDir();
  await expect(seedCommand.run(['--cases', 'many', '--data', dir])).rejects.toThrow(UsageError);
  await expect(seedCommand.run(['--cases', '-3', '--data', dir])).rejects.toThrow(/--cases/);
  expect((await contents(dir)).cases).toHaveLength(0);
});
