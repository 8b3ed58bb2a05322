// Sign-in on a joined desk: the team server verifies the password and hands out the token the
// desk pushes with; the desk keeps a scrypt verifier of that password so the same operator can
// sign in while the server cannot be reached, for a bounded time after the last online check.
import { contract, type Outcome, type OperatorView } from '../../../shared/contract/index.js';
import type { Connection } from '../../server/context.js';
import { setDeskIdPrefix } from '../../server/ids.js';
import { hashPassword, verifyPassword } from '../../server/operators/passwords.js';
import { toView } from '../../server/operators/app.js';
import type { SettingsStore } from '../../server/settings/settings-store.js';
import type { CaseStore } from '../../store/types.js';
import { Refused, Unreachable, type TeamClient } from './client.js';
import { CREDENTIALS, LINK, type CredentialRecord } from './entities.js';
import { readLink } from './outbox.js';
import type { TeamSync } from './sync.js';

export const DEFAULT_OFFLINE_SIGN_IN_HOURS = 72;
const HOUR = 3_600_000;

export interface SignInDeps {
  store: CaseStore;
  client: TeamClient;
  sync: TeamSync;
  settings: SettingsStore;
  now: () => Date;
}

type OperatorRecord = Parameters<typeof toView>[0];

const refuse = (code: 'unauthenticated' | 'forbidden', message: string, field: string): Outcome<OperatorView> => ({
  ok: false,
  error: { code, message, field },
});

export async function teamSignIn(deps: SignInDeps, connection: Connection, raw: unknown): Promise<Outcome<OperatorView> | null> {
  const parsed = contract['session.signIn'].input.safeParse(raw ?? {});
  if (!parsed.success) return null; // the desk core answers with the field error
  const { username, password } = parsed.data;
  const { store, client, sync, now } = deps;
  let answer;
  try {
    answer = await client.signIn({ username, password, deskId: readLink(store).deskId });
  } catch (error) {
    if (error instanceof Refused) return { ok: false, error: error.shape };
    if (error instanceof Unreachable) return offlineSignIn(deps, connection, username, password);
    throw error;
  }
  const verifier = await hashPassword(password);
  const credential: CredentialRecord = { id: username, verifier, verifiedAt: now().toISOString() };
  store.append({
    actor: username,
    action: 'team.signedIn',
    changes: [
      { entity: CREDENTIALS, id: username, op: 'put', record: credential },
      { entity: LINK, id: 'link', op: 'patch', patch: { deskCode: answer.deskCode } },
    ],
  });
  // Ids this desk allocates from now on carry its code (C-<code>-000123): unique in the center
  // even when made offline; each pushed command tells the server which ids it gave (sync.ts).
  setDeskIdPrefix(store, answer.deskCode);
  sync.addSession(username, answer.token, answer.expiresAt);
  await sync.sync(); // the replica then holds this operator (and whatever changed meanwhile)
  connection.operator = answer.operator;
  deps.settings.update({ lastOperator: username });
  return { ok: true, value: answer.operator };
}

async function offlineSignIn(deps: SignInDeps, connection: Connection, username: string, password: string): Promise<Outcome<OperatorView>> {
  const hours = deps.settings.get().offlineSignInHours ?? DEFAULT_OFFLINE_SIGN_IN_HOURS;
  const credential = deps.store.get<CredentialRecord>(CREDENTIALS, username);
  const fresh = credential && deps.now().getTime() - Date.parse(credential.verifiedAt) <= hours * HOUR;
  if (!credential || !fresh) {
    return refuse(
      'unauthenticated',
      `the team server cannot be reached, and you have not signed in on this desk online in the last ${hours} hours; sign in again when the desk is online`,
      'username',
    );
  }
  if (!(await verifyPassword(password, credential.verifier))) return refuse('unauthenticated', 'wrong username or password', 'password');
  const record = deps.store.get<OperatorRecord>('operators', username);
  if (!record?.active) return refuse('forbidden', 'this account is deactivated; ask a manager', 'username');
  connection.operator = toView(record);
  deps.settings.update({ lastOperator: username });
  return { ok: true, value: connection.operator };
}
