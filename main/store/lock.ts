// One process per data directory: store.lock names the owner by pid AND by when that
// process started (and the boot it started in), so a pid reused after a restart (the desk as
// pid 1 in a container, a reboot) is not taken for the owner.
import * as fs from 'node:fs';
import * as path from 'node:path';

interface LockOwner {
  pid: number;
  /** The process's start time in clock ticks since boot (Linux /proc), when known. */
  started?: string;
  /** The kernel's boot id (Linux), when known. */
  boot?: string;
}

function readProc(file: string): string | undefined {
  try {
    return fs.readFileSync(file, 'utf8').trim();
  } catch {
    return undefined;
  }
}

/** Field 22 of /proc/<pid>/stat (after the command name, which may hold spaces). */
function startTimeOf(pid: number): string | undefined {
  const stat = readProc(`/proc/${pid}/stat`);
  if (!stat) return undefined;
  return stat.slice(stat.lastIndexOf(')') + 2).split(' ')[19];
}

function bootId(): string | undefined {
  return readProc('/proc/sys/kernel/random/boot_id');
}

function me(): LockOwner {
  const started = startTimeOf(process.pid);
  const boot = bootId();
  return { pid: process.pid, ...(started ? { started } : {}), ...(boot ? { boot } : {}) };
}

/** Old locks hold just the pid; new ones `pid started boot` (the unknown parts empty). */
function parseLock(text: string): LockOwner | null {
  const [pid, started, boot] = text.trim().split(/\s+/);
  const n = Number.parseInt(pid ?? '', 10);
  if (!Number.isInteger(n) || n <= 0) return null;
  return { pid: n, ...(started && started !== '-' ? { started } : {}), ...(boot && boot !== '-' ? { boot } : {}) };
}

function pidAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** True when the lock's owner is still running: its pid is alive and is the same process. */
function ownerAlive(owner: LockOwner): boolean {
  if (!pidAlive(owner.pid)) return false;
  const boot = bootId();
  if (owner.boot && boot && owner.boot !== boot) return false; // written before a reboot
  if (owner.started) {
    const started = startTimeOf(owner.pid);
    if (started && started !== owner.started) return false; // the pid now belongs to another process
  }
  return true;
}

export function acquireLock(dataDir: string): string {
  const lock = path.join(dataDir, 'store.lock');
  const self = me();
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      fs.writeFileSync(lock, `${self.pid} ${self.started ?? '-'} ${self.boot ?? '-'}\n`, { flag: 'wx' });
      return lock;
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err;
      const owner = parseLock(fs.readFileSync(lock, 'utf8'));
      if (owner && ownerAlive(owner)) throw new Error(`the store in ${dataDir} is already open (process ${owner.pid}); close that first`);
      fs.rmSync(lock, { force: true }); // stale lock of a process that died (or of an earlier boot)
    }
  }
  throw new Error(`cannot lock the store in ${dataDir}`);
}

/** The pid of the live process that holds the store open (-1 when it is not ours to see), or null. */
export function isStoreOpen(dataDir: string): number | null {
  let owner: LockOwner | null;
  try {
    owner = parseLock(fs.readFileSync(path.join(dataDir, 'store.lock'), 'utf8'));
  } catch {
    return null;
  }
  if (!owner || !ownerAlive(owner)) return null;
  try {
    process.kill(owner.pid, 0);
    return owner.pid;
  } catch {
    return -1;
  }
}
