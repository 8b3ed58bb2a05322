// The case store: see docs/store.md.
export * from './types.js';
export {
  openCaseStore,
  isStoreOpen,
  StoreValidationError,
  StoreError,
  type StoreErrorKind,
  SCHEMA_VERSION,
  type OpenOptions,
  type OpenReport,
  type OpenedCaseStore,
  type DamagedFile,
  type SearchReady,
  type BackupResult,
  type SearchOption,
} from './store.js';
export { storeChanges } from './changes.js';
export { verifyStore, verifyBackup, restoreBackup, backupStore, type RestoreResult, type AnchorOption } from './backup.js';
export { fileKeyProvider, storeKeyId, type KeyProvider } from './anchor.js';
export { defaultKeyDir, keyDirFor } from './key-dir.js';
export type { Finding, VerifyResult, BackupManifest, SnapshotHeader } from './core.js';
export { defaultDataDir } from './data-dir.js';
export { openStoreForReading, type StoreForReading } from './read-copy.js';
export { tokenize, CaseIndex, CASE_TEXT_FIELDS, type RecordIndex, type CaseIndexOptions } from './search.js';
