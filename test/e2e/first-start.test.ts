// A newcomer's first ten minutes (issue 12 items 17 and 18): seed demo data relative to now,
// start the browser host the way the README says, open it in an English browser.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { chooseLanguage, cli, launchBrowser, screenshot, signIn, startHostWith, type RunningHost } from './support/browser.js';

const PASSWORD = 'first start 42';
const AGENT_PASSWORD = 'agents-demo-42';
let dataDir: string;
let seedOutput: string;
let host: RunningHost;
let browser: Awaited<ReturnType<typeof launchBrowser>>;

beforeAll(async () => {
  dataDir = mkdtempSync(join(tmpdir(), 'desk-e2e-first-'));
  // No --until: the seeded year ends now.
  seedOutput = await cli(['seed', '--cases', '300', '--customers', '30', '--agent-password', AGENT_PASSWORD, '--data', dataDir]);
  // `npm run web -- --port 0 -- --data DIR` hands the script a second `--`.
  host = await startHostWith(['--port', '0', '--', '--data', dataDir]);
  browser = await launchBrowser('en-US');
});

afterAll(async () => {
  await browser?.close();
  await host?.stop();
  rmSync(dataDir, { recursive: true, force: true });
});

it('says which data folder it uses and which agents the seed registered', () => {
  expect(host.output).toContain(`Data folder: ${dataDir}\n`);
  expect(seedOutput).toContain(`agents agent01…agent20 can sign in with the password ${AGENT_PASSWORD}`);
});

it('opens in the browser’s language, offers a switch on set-up and sign-in, and drops the token from the address', async () => {
  const { page } = browser;
  await page.goto(host.url);
  await page.getByRole('heading', { name: 'Set up the desk' }).waitFor();
  expect(new URL(page.url()).searchParams.has('token')).toBe(false);
  await chooseLanguage(page, '简体中文');
  await page.getByRole('button', { name: '创建经理并登录' }).waitFor();
  await screenshot(page, 'first-start-setup-zh');
  await chooseLanguage(page, 'English');

  await page.locator('input[name=username]').fill('mgr');
  await page.locator('input[name=displayName]').fill('Mia Manager');
  await page.locator('input[name=password]').fill(PASSWORD);
  await page.locator('input[name=confirm]').fill(PASSWORD);
  await page.getByRole('button', { name: 'Create manager and sign in' }).click();
  await page.getByTestId('operator').waitFor();

  // The cookie carries the sign-in page across a reload without the token in the address.
  await page.getByRole('button', { name: 'Sign out' }).click();
  await page.reload();
  await page.getByRole('heading', { name: 'Sign in' }).waitFor();
  await chooseLanguage(page, '简体中文');
  await page.getByRole('heading', { name: '登录' }).waitFor();
  await screenshot(page, 'first-start-sign-in-zh');
});

it('lets a seeded agent sign in and find their own cases of this year', async () => {
  const { page } = browser;
  await signIn(page, 'agent01', AGENT_PASSWORD);
  // The language picked before signing in stays.
  await page.getByRole('button', { name: '案件队列' }).click();
  await page.getByTestId('queue-view-mine').click();
  const rows = page.getByTestId('queue').getByRole('option');
  // Once the switch has applied, every row shown is agent01's.
  await rows.first().filter({ hasText: 'agent01' }).waitFor();
  const shown = await rows.allTextContents();
  expect(shown.length).toBeGreaterThan(0);
  for (const row of shown) expect(row).toContain('agent01');
  await screenshot(page, 'first-start-agent-queue');
});
