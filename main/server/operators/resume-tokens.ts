import { randomBytes } from 'node:crypto';

const IDLE_LIMIT_MS = 12 * 60 * 60 * 1000; // a shift

/**
 * Lets a window that reloads (or a browser tab that refreshes) keep its sign-in without the
 * password: a random token per sign-in, held only in memory, so a restart of the desk ends
 * every session.
 */
export class ResumeTokens {
  private readonly tokens = new Map<string, { username: string; lastUsed: number }>();

  issue(username: string, now: number): string {
    const token = randomBytes(32).toString('base64url');
    this.tokens.set(token, { username, lastUsed: now });
    return token;
  }

  /** The username for a live token (and keeps it alive), or undefined. */
  redeem(token: string, now: number): string | undefined {
    const entry = this.tokens.get(token);
    if (!entry) return undefined;
    if (now - entry.lastUsed > IDLE_LIMIT_MS) {
      this.tokens.delete(token);
      return undefined;
    }
    entry.lastUsed = now;
    return entry.username;
  }

  revoke(token: string) {
    this.tokens.delete(token);
  }

  /** Every token of this operator (deactivation): none comes back at reactivation. */
  revokeOperator(username: string) {
    for (const [token, entry] of this.tokens) if (entry.username === username) this.tokens.delete(token);
  }
}
