// One process per data directory: store.lock holds the owner's pid.
import * as fs from 'node:fs';
import * as path from 'node:path';

export function acquireLock(dataDir: string): string {
  const lock = path.join(dataDir, 'store.lock');
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      fs.writeFileSync(lock, `${process.pid}\n`, { flag: 'wx' });
      return lock;
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err;
      const pid = Number.parseInt(fs.readFileSync(lock, 'utf8'), 10);
      let alive = false;
      if (Number.isInteger(pid) && pid > 0) {
        try {
          process.kill(pid, 0);
          alive = true;
        } catch (e) {
          alive = (e as NodeJS.ErrnoException).code === 'EPERM';
        }
      }
      if (alive) throw new Error(`the store in ${dataDir} is already open (process ${pid}); close that first`);
      fs.rmSync(lock, { force: true }); // stale lock of a process that died
    }
  }
  throw new Error(`cannot lock the store in ${dataDir}`);
}

/** True when another live process holds the store open. */
export function isStoreOpen(dataDir: string): number | null {
  const lock = path.join(dataDir, 'store.lock');
  try {
    const pid = Number.parseInt(fs.readFileSync(lock, 'utf8'), 10);
    if (!Number.isInteger(pid) || pid <= 0) return null;
    process.kill(pid, 0);
    return pid;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'EPERM' ? -1 : null;
  }
}
