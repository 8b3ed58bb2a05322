// CPU time (user + system) of processes on Linux, from /proc: where a benchmark's CPU went,
// per process group, over a phase (the load average alone cannot say whose it was).
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

const TICK_MS = 10; // USER_HZ is 100 on Linux

/** utime + stime of one process in ms (0 once it is gone). */
export function cpuMs(pid: number): number {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return (Number(fields[11]) + Number(fields[12])) * TICK_MS;
  } catch {
    return 0;
  }
}

/** The PostgreSQL server of a data directory and its children (backends, WAL writer, checkpointer…). */
export function postgresPids(dataDir: string): number[] {
  const postmaster = Number(readFileSync(join(dataDir, 'postmaster.pid'), 'utf8').split('\n')[0]);
  const children = readdirSync('/proc')
    .filter((name) => /^\d+$/.test(name))
    .filter((name) => {
      try {
        const stat = readFileSync(`/proc/${name}/stat`, 'utf8');
        return Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]) === postmaster;
      } catch {
        return false;
      }
    })
    .map(Number);
  return [postmaster, ...children];
}

/** Sums CPU ms per named group of processes; call again for the CPU used since. */
export function cpuMeter(groups: Record<string, () => number[]>): () => Record<string, number> {
  const total = () => Object.fromEntries(Object.entries(groups).map(([name, pids]) => [name, pids().reduce((ms, pid) => ms + cpuMs(pid), 0)]));
  const start = total();
  return () => Object.fromEntries(Object.entries(total()).map(([name, ms]) => [name, ms - start[name]!]));
}
