// Password guessing gets slower with every failure, per username and per connection, and an
// account is locked after LOCK_AFTER failures in a row (the lock is stored, so a restart does
// not lift it; a manager unlocks, or it lifts by itself after LOCK_MS so a lone manager is
// not shut out for good). An attempt counts as a failure from the moment it starts, so
// guesses sent all at once are slowed like guesses sent one by one.
import { DeskError } from '../errors.js';

/** Failures allowed before each further attempt must wait 1 s, 2 s, 4 s … up to MAX_DELAY_MS. */
const FREE_PER_USERNAME = 3;
const FREE_PER_CONNECTION = 5;
const MAX_DELAY_MS = 60_000;
export const LOCK_AFTER = 10;
export const LOCK_MS = 30 * 60_000;

interface Failures {
  count: number;
  last: number;
}

const waitMs = (failures: Failures | undefined, free: number, now: number) =>
  !failures || failures.count < free ? 0 : Math.min(1000 * 2 ** (failures.count - free), MAX_DELAY_MS) - (now - failures.last);

export class SignInGuard {
  private readonly byUsername = new Map<string, Failures>();
  private readonly byConnection = new Map<string, Failures>();

  /** Refuses an attempt that comes too soon; otherwise counts it (as failed, until `succeeded`) and returns the username's count. */
  begin(username: string, connectionId: string, now: number): number {
    const wait = Math.max(
      waitMs(this.byUsername.get(username), FREE_PER_USERNAME, now),
      waitMs(this.byConnection.get(connectionId), FREE_PER_CONNECTION, now),
    );
    if (wait > 0) {
      throw new DeskError('too-many-attempts', `too many failed sign-ins: try again in ${Math.ceil(wait / 1000)} s`, 'password');
    }
    bump(this.byConnection, connectionId, now);
    return bump(this.byUsername, username, now);
  }

  succeeded(username: string, connectionId: string) {
    this.byUsername.delete(username);
    this.byConnection.delete(connectionId);
  }

  /** A manager unlocked the account: its count starts again. */
  clear(username: string) {
    this.byUsername.delete(username);
  }
}

function bump(map: Map<string, Failures>, key: string, now: number): number {
  const failures = map.get(key) ?? { count: 0, last: now };
  failures.count++;
  failures.last = now;
  map.set(key, failures);
  return failures.count;
}
