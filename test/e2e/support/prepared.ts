// A desk prepared in-process (operators, customers, cases), then held by a real host and driven
// in a real Chromium: the start of the e2e files that set their own records up.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { launchBrowser, signedInPage, startHost, type RunningHost } from './browser.js';
import { PASSWORD, prepareDesk, type Preparing } from './desk.js';

export interface PreparedDesk {
  dataDir: string;
  host: RunningHost;
  browser: Awaited<ReturnType<typeof launchBrowser>>;
  /** A new page of the browser, signed in as this operator. */
  pageAs(username: string): Promise<Page>;
  close(): Promise<void>;
}

export async function openPreparedDesk(name: string, steps: (desk: Preparing) => Promise<void>): Promise<PreparedDesk> {
  const dataDir = mkdtempSync(join(tmpdir(), `desk-e2e-${name}-`));
  await prepareDesk(dataDir, steps);
  const host = await startHost(dataDir);
  const browser = await launchBrowser();
  return {
    dataDir,
    host,
    browser,
    pageAs: (username) => signedInPage(browser, host, username, PASSWORD),
    async close() {
      await browser.close();
      await host.stop();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
