// The store's file-format core, composed of four parts (core/format, snapshot, verify,
// backup): canonical JSON, the hash chain, journal lines, snapshots, backups and
// whole-store verification.
//
// IMPORTANT: every part is SELF-CONTAINED on purpose. Its source text is also started as
// a worker thread with `new Worker(code, { eval: true })` (see worker.ts), which works the
// same under tsx, vitest and after bundling (no worker entry file to resolve). So inside a
// part: no imports other than `import type`, no references to anything outside the
// function; Node modules arrive through `deps`, the earlier parts through `core`. Parts
// never call each other by name (a bundler may rename them), only through `core`.
import { formatPart, type FormatCore } from './core/format.js';
import { snapshotPart, type SnapshotCore } from './core/snapshot.js';
import { verifyPart, type VerifyCore } from './core/verify.js';
import { backupPart, type BackupCore } from './core/backup.js';
import type { CoreDeps } from './core/types.js';

export type * from './core/types.js';

export type StoreCore = FormatCore & SnapshotCore & VerifyCore & BackupCore;

/** The parts in dependency order: each receives the ones before it merged into `core`. */
export const CORE_PARTS = [formatPart, snapshotPart, verifyPart, backupPart] as const;

export function storeCore(deps: CoreDeps): StoreCore {
  const core = {} as StoreCore;
  for (const part of CORE_PARTS) Object.assign(core, (part as (d: CoreDeps, c: StoreCore) => object)(deps, core));
  return core;
}

/** Source text that builds the same core in a worker (`deps` must be in scope there). */
export function coreSource(): string {
  return `const core = {};\nfor (const part of [\n${CORE_PARTS.map(String).join(',\n')}\n]) Object.assign(core, part(deps, core));`;
}
