import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, expect, it, vi } from 'vitest';
import { openCaseStore } from '../store/index.js';
import { seedCommand } from './seed.js';
import { UsageError } from './options.js';
import { needsSetup } from '../server/operators/app.js';
import { verifyPassword } from '../server/operators/passwords.js';

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
  const data = { customers: store.all('customers'), cases: store.all('cases'), operators: store.all('operators') };
  await store.close();
  return data;
}

it('seeds the same customers and cases for the same --seed, different ones for another', async () => {
  vi.spyOn(process.stdout, 'write').mockImplementation(() => true);
  const [a, b, c] = [tempDir(), tempDir(), tempDir()];
  for (const [dir, seed] of [[a, '5'], [b, '5'], [c, '6']] as const) {
    expect(await seedCommand.run(['--cases', '120', '--seed', seed, '--until', '2026-06-30T00:00:00Z', '--data', dir])).toBe(0);
  }
  const [first, again, other] = await Promise.all([contents(a), contents(b), contents(c)]);
  expect(first.cases).toHaveLength(120);
  expect(first.customers.length).toBeGreaterThanOrEqual(12);
  expect(again.cases).toEqual(first.cases);
  expect(again.customers).toEqual(first.customers);
  expect(other.cases).not.toEqual(first.cases);
}, 30_000); // three seeded stores, each with a scrypt hash: slow on a shared machine

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

it('seeds the year up to now by default, with its agents registered as operators who can sign in', async () => {
  vi.spyOn(process.stdout, 'write').mockImplementation(() => true);
  const dir = tempDir();
  const before = Date.now();
  await seedCommand.run(['--cases', '200', '--agent-password', 'agents-own-pass', '--data', dir]);
  const { cases, operators } = await contents(dir);
  const newest = Math.max(...cases.map((c) => Date.parse(String(c.openedAt))));
  // Cases are spread over the year before "now": the last of 200 is within 2 days (365/200 ≈ 1.8) of it.
  expect(newest).toBeLessThanOrEqual(Date.now());
  expect(newest).toBeGreaterThan(before - 2 * 86_400_000);
  const agents = new Set(cases.map((c) => c.agent));
  expect(operators.map((o) => o.username).sort()).toEqual(expect.arrayContaining([...agents]));
  expect(operators.every((o) => o.role === 'agent' && o.active === true)).toBe(true);
  const agent01 = operators.find((o) => o.username === 'agent01')!;
  expect(await verifyPassword('agents-own-pass', String(agent01.passwordHash))).toBe(true);
  // Agents alone do not set the desk up: the first manager is still created on the set-up screen.
  expect(needsSetup({ store: { all: () => operators } } as never)).toBe(true);
});
