// Reading a store that the desk may have open: reports and scheduled exports run beside the desk.
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { backupStore, restoreBackup } from './backup.js';
import { isStoreOpen, openCaseStore, type OpenedCaseStore } from './store.js';

export interface StoreForReading {
  store: OpenedCaseStore;
  /** True when the desk held the store, so this is a verified copy as of `asOfSeq`. */
  copy: boolean;
  asOfSeq: number;
  close(): Promise<void>;
}

/**
 * Opens the store itself when no process holds it; otherwise a point-in-time copy made the
 * way `backup` makes one (only complete, verified events), in a temporary directory that
 * close() removes. Never writes to the desk's own files while the desk holds them.
 */
export async function openStoreForReading(dataDir: string, options: { search?: boolean } = {}): Promise<StoreForReading> {
  // search: false — a report reads records and never searches: no index is built, which at 100k
  // cases costs more than the export (the index is kept for an entity no record has).
  const opening = { autoBackup: false, ...(options.search === false ? { search: { entity: '(not searched)' } } : {}) };
  if (isStoreOpen(dataDir) === null) {
    const store = await openCaseStore(dataDir, opening);
    return { store, copy: false, asOfSeq: store.seq, close: () => store.close() };
  }
  const temp = fs.mkdtempSync(path.join(os.tmpdir(), 'assurance-desk-read-'));
  try {
    const backup = await backupStore(dataDir, path.join(temp, 'backup'));
    const restored = await restoreBackup(path.join(temp, 'data'), backup.path);
    if (!restored.ok) throw new Error(`the copy of the store does not verify: ${restored.findings[0]?.message ?? 'unknown'}`);
    const store = await openCaseStore(path.join(temp, 'data'), opening);
    return {
      store,
      copy: true,
      asOfSeq: store.seq,
      async close() {
        await store.close();
        fs.rmSync(temp, { recursive: true, force: true });
      },
    };
  } catch (error) {
    fs.rmSync(temp, { recursive: true, force: true });
    throw error;
  }
}
