// A desk seeded by the command line (relative to now), held by a real host, with a first manager
// signed in on a real Chromium page: the start of every e2e file that works on seeded customers.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import type { Customer } from '../../../shared/domain/case.js';
import { fileKeyProvider, keyDirFor, openCaseStore, type OpenedCaseStore } from '../../../main/store/index.js';
import { cli, launchBrowser, setUpFirstManager, startHost, type RunningHost } from './browser.js';
import { PASSWORD } from './desk.js';

export interface SeededDesk {
  dataDir: string;
  host: RunningHost;
  page: Page;
  customers: Customer[];
  close(): Promise<void>;
}

export async function openSeededDesk(options: {
  name: string;
  seed: number;
  customers: number;
  /** Changes made to the seeded store before the host holds it; returns the customers to keep. */
  prepare?: (store: OpenedCaseStore, customers: Customer[]) => Customer[];
  timezoneId?: string;
}): Promise<SeededDesk> {
  const dataDir = mkdtempSync(join(tmpdir(), `desk-e2e-${options.name}-`));
  await cli(['seed', '--cases', '20', '--customers', String(options.customers), '--seed', String(options.seed), '--until', new Date().toISOString(), '--data', dataDir]);
  // With the key the command line anchored the seeded store with, so the host trusts these events.
  const store = await openCaseStore(dataDir, { keys: fileKeyProvider(keyDirFor(dataDir)) });
  const seeded = store.all<Customer & { id: string }>('customers');
  const customers = options.prepare ? options.prepare(store, seeded) : seeded;
  await store.close();
  const host = await startHost(dataDir);
  const browser = await launchBrowser('zh-CN', { timezoneId: options.timezoneId });
  await setUpFirstManager(browser.page, host.url, { username: 'mgr', displayName: '王经理', password: PASSWORD });
  return {
    dataDir,
    host,
    page: browser.page,
    customers,
    async close() {
      await browser.close();
      await host.stop();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
