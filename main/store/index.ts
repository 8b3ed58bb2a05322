// The case store: see docs/store.md.
export * from './types.js';
export {
  openCaseStore,
  isStoreOpen,
  StoreValidationError,
  SCHEMA_VERSION,
  type OpenOptions,
  type OpenReport,
  type OpenedCaseStore,
  type DamagedFile,
  type SearchReady,
  type BackupResult,
} from './store.js';
export { verifyStore, verifyBackup, restoreBackup, backupStore, type RestoreResult } from './backup.js';
export type { Finding, VerifyResult, BackupManifest, SnapshotHeader } from './core.js';
export { defaultDataDir } from './data-dir.js';
export { openStoreForReading, type StoreForReading } from './read-copy.js';
export { tokenize } from './search.js';
