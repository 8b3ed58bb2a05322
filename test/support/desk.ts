// A real desk on a real store in a fresh temp directory, for tests.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { CallInput, CallName, CallResult } from '../../shared/contract/index.js';
import { UPLOAD_CHUNK_BYTES } from '../../shared/contract/uploads.js';
import type { Role } from '../../shared/domain/case.js';
import type { Connection } from '../../main/server/context.js';
import type { Desk } from '../../main/server/desk.js';
import { openDesk } from '../../main/server/open-desk.js';
import { memorySettings } from '../../main/server/settings/settings-store.js';

export const PASSWORD = 'correct horse battery';

export async function openTestDesk(options: { now?: () => Date } = {}) {
  const dataDir = mkdtempSync(join(tmpdir(), 'desk-test-'));
  const opened = await openDesk({ dataDir, settings: memorySettings(), now: options.now });
  const { desk } = opened;

  /** Calls and unwraps, failing the test on a rejected call. */
  async function ok<N extends CallName>(connection: Connection, name: N, input: CallInput<N>): Promise<CallResult<N>> {
    const outcome = await desk.dispatch(connection, name, input);
    if (!outcome.ok) throw new Error(`${name} failed: ${JSON.stringify(outcome.error)}`);
    return outcome.value as CallResult<N>;
  }

  const manager = desk.connect();
  await ok(manager, 'setup.createManager', { username: 'boss', displayName: 'Boss', password: PASSWORD });

  /** A connection signed in as a new operator of this role. */
  async function signedIn(role: Role, username = `${role}-${Math.random().toString(36).slice(2, 8)}`) {
    if (role === 'manager' && username === 'boss') return manager;
    await ok(manager, 'operators.create', { username, displayName: username, password: PASSWORD, role });
    const connection = desk.connect();
    await ok(connection, 'session.signIn', { username, password: PASSWORD });
    return connection;
  }

  /** Uploads a file in chunks as the renderer does; the ref a case names it by. */
  async function upload(connection: Connection, name: string, content: Buffer) {
    const { uploadId } = await ok(connection, 'uploads.begin', { name, bytes: content.length });
    for (let offset = 0; offset < content.length; offset += UPLOAD_CHUNK_BYTES) {
      const contentBase64 = content.subarray(offset, offset + UPLOAD_CHUNK_BYTES).toString('base64');
      await ok(connection, 'uploads.chunk', { uploadId, offset, contentBase64 });
    }
    return { uploadId };
  }

  /** Everything the store holds, to show a rejected call changed nothing. */
  const snapshot = () =>
    JSON.stringify({
      events: desk.services.store.events().length,
      entities: ['operators', 'customers', 'cases'].map((entity) => desk.services.store.all(entity)),
    });

  return {
    desk: desk as Desk,
    dataDir,
    manager,
    ok,
    signedIn,
    upload,
    snapshot,
    async close() {
      await opened.close();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
