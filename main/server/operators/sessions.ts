import type { Connection } from '../context.js';

/** The live connections (windows, tabs), so a sign-out or a deactivation reaches every one it concerns at once. */
export class Sessions {
  private readonly live = new Set<Connection>();

  add(connection: Connection) {
    this.live.add(connection);
  }

  has(connection: Connection) {
    return this.live.has(connection);
  }

  remove(connection: Connection) {
    this.live.delete(connection);
  }

  /** Signs out every live connection that matches; they stop receiving events at once. */
  end(matches: (connection: Connection) => boolean) {
    for (const connection of this.live) {
      if (!matches(connection)) continue;
      connection.operator = null;
      connection.resumeToken = undefined;
    }
  }
}
