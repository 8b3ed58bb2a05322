// The real renderer in Debian's Chromium, driven by playwright-core, against the browser host.
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { chromium, type BrowserContext, type Page } from 'playwright-core';

export const ROOT = resolve(import.meta.dirname, '..', '..', '..');
export const SCREENSHOTS = join(ROOT, 'test-results', 'screenshots');
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

export function builtFile(...parts: string[]) {
  const file = join(ROOT, 'out', ...parts);
  if (!existsSync(file)) throw new Error(`${file} is missing: run \`npm run build\` first (npm test does)`);
  return file;
}

/** Runs the built command line to completion; rejects with its stderr on a non-zero exit. */
export function cli(args: string[]): Promise<string> {
  return new Promise((done, fail) => {
    const child = spawn(process.execPath, [builtFile('main', 'cli.js'), ...args], { stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    let err = '';
    child.stdout.on('data', (d) => (out += d));
    child.stderr.on('data', (d) => (err += d));
    child.on('close', (code) => (code === 0 ? done(out) : fail(new Error(`cli ${args.join(' ')} exited ${code}: ${err}`))));
  });
}

export interface RunningHost {
  url: string;
  /** What the host printed up to its address line. */
  output: string;
  origin: string;
  process: ChildProcess;
  stop(): Promise<void>;
}

/** Starts `web` as a user would (plus any extra options) and waits for its one line with the address. */
export function startHost(dataDir: string, extraArgs: string[] = [], env: NodeJS.ProcessEnv = {}): Promise<RunningHost> {
  return startHostWith(['--port', '0', '--data', dataDir, ...extraArgs], env);
}

/** Starts `web` with exactly these arguments, as `npm run web -- ARGS` passes them. */
export function startHostWith(args: string[], env: NodeJS.ProcessEnv = {}): Promise<RunningHost> {
  const child = spawn(process.execPath, [builtFile('main', 'web.js'), ...args], {
    stdio: ['ignore', 'pipe', 'pipe'],
    env: { ...process.env, ...env },
  });
  return new Promise((done, fail) => {
    let out = '';
    let err = '';
    child.stderr.on('data', (d) => (err += d));
    child.on('exit', (code) => fail(new Error(`web host exited ${code}: ${err}`)));
    child.stdout.on('data', (d) => {
      out += d;
      const match = /^Assurance Desk running at (http:\/\/127\.0\.0\.1:\d+\/\?token=\S+)$/m.exec(out);
      if (match && /^Data folder: .*$/m.test(out)) {
        const url = match[1]!;
        done({
          url,
          output: out,
          origin: new URL(url).origin,
          process: child,
          stop: () =>
            new Promise((stopped) => {
              child.removeAllListeners('exit');
              child.once('exit', () => stopped());
              child.kill('SIGTERM');
            }),
        });
      }
    });
  });
}

/** `timezoneId`: the browser's own zone (default: this machine's), e.g. to differ from the desk's. */
export async function launchBrowser(locale = 'zh-CN', options: { timezoneId?: string } = {}): Promise<{ context: BrowserContext; page: Page; close(): Promise<void> }> {
  const profile = mkdtempSync(join(tmpdir(), 'desk-chromium-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM,
    headless: true,
    viewport: { width: 1366, height: 768 },
    locale,
    ...(options.timezoneId ? { timezoneId: options.timezoneId } : {}),
    args: [
      '--headless',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
  const page = context.pages()[0] ?? (await context.newPage());
  return {
    context,
    page,
    async close() {
      await context.close();
      rmSync(profile, { recursive: true, force: true });
    },
  };
}

/** A new page of the browser on the host, signed in as this operator. */
export async function signedInPage(browser: { context: BrowserContext }, host: RunningHost, username: string, password: string): Promise<Page> {
  const page = await browser.context.newPage();
  await page.goto(host.url);
  await signIn(page, username, password);
  return page;
}

/** Saves a screenshot as a test artefact under test-results/screenshots. */
export async function screenshot(page: Page, name: string) {
  mkdirSync(SCREENSHOTS, { recursive: true });
  await page.screenshot({ path: join(SCREENSHOTS, `${name}.png`), fullPage: true });
}

/** The one-time set-up screen: creates the first manager, who is then signed in. */
export async function setUpFirstManager(page: Page, url: string, manager: { username: string; displayName: string; password: string }) {
  await page.goto(url);
  await page.locator('input[name=displayName]').waitFor();
  await page.locator('input[name=username]').fill(manager.username);
  await page.locator('input[name=displayName]').fill(manager.displayName);
  await page.locator('input[name=password]').fill(manager.password);
  await page.locator('input[name=confirm]').fill(manager.password);
  await page.locator('button[type=submit]').click();
  await page.getByTestId('operator').waitFor();
}

/** Fills the sign-in screen and waits for the workspace. */
export async function signIn(page: Page, username: string, password: string) {
  await page.locator('input[name=username]').fill(username);
  await page.locator('input[name=password]').fill(password);
  await page.locator('button[type=submit]').click();
  await page.getByTestId('operator').waitFor();
}

/** Switches the interface language with the app bar's select. */
export async function chooseLanguage(page: Page, label: '简体中文' | 'English') {
  await page.locator('[data-testid=language]').locator('xpath=..').locator('[role=combobox]').click();
  const option = page.getByRole('option', { name: label });
  await option.click();
  await option.waitFor({ state: 'detached' });
  await page.waitForTimeout(300); // the menu's fade-out, so screenshots show the page only
}

/** Selects an approval-queue item and returns the pane beside it: its case, approve and reject. */
export async function reviewPane(page: Page, id: string) {
  await page.locator(`tr[data-item-id="${id}"]`).click();
  const pane = page.locator(`[data-testid=review-pane][data-item-id="${id}"]`);
  await pane.waitFor();
  return pane;
}

/** A call through the page's own window.api: the same contract the panels use. */
export function pageCall<T>(page: Page, name: string, input: unknown): Promise<T> {
  return page.evaluate(
    async ([n, i]) => {
      const outcome = await (globalThis as unknown as { api: { call(n: string, i: unknown): Promise<{ ok: boolean; value?: unknown; error?: { message: string } }> } }).api.call(n, i);
      if (!outcome.ok) throw new Error(`${n}: ${outcome.error?.message}`);
      return outcome.value;
    },
    [name, input] as const,
  ) as Promise<T>;
}
