// Reading a store that the desk may have open: reports and scheduled exports run beside the desk.
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { core } from './node-core.js';
import { isStoreOpen, openCaseStore, type OpenedCaseStore } from './store.js';

export interface StoreForReading {
  store: OpenedCaseStore;
  /** True when the desk held the store, so this is a verified copy as of `asOfSeq`. */
  copy: boolean;
  asOfSeq: number;
  close(): Promise<void>;
}

/**
 * Opens the store itself when no process holds it; otherwise a point-in-time copy (only complete,
 * verified events) in a temporary directory that close() removes.
 * Never writes to the desk's own files while the desk holds them.
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
    // The snapshot first, then the journal: the journal copied is then at least as long as the
    // snapshot expects (the desk only appends to it). Opening the copy checks it as the desk checks
    // its own store at open: the journal prefix against the snapshot's checksum, every event after
    // it hash by hash; a line the desk was still writing is dropped from the copy. Verifying every
    // event's hash twice (a backup, then its restore) was most of an export's time at 100k cases.
    const copyDir = path.join(temp, 'data');
    fs.mkdirSync(copyDir);
    for (const file of [core.SNAPSHOT, core.JOURNAL]) {
      if (fs.existsSync(path.join(dataDir, file))) fs.copyFileSync(path.join(dataDir, file), path.join(copyDir, file));
    }
    const store = await openCaseStore(copyDir, opening);
    if (store.report.damaged.length) {
      await store.close();
      throw new Error(`the copy of the store does not verify: ${store.report.damaged[0]!.problem}`);
    }
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
