import type { OperatorView } from '../../../shared/contract/index.js';
import type { Role } from '../../../shared/domain/case.js';
import type { Handlers, Services } from '../context.js';
import { DeskError, notFound } from '../errors.js';
import { hashPassword, verifyPassword } from './passwords.js';
import type { ResumeTokens } from './resume-tokens.js';
import { LOCK_AFTER, LOCK_MS, SignInGuard } from './sign-in-guard.js';
import { OPERATORS as ENTITY } from '../../../shared/domain/entities.js';
import { operatorLevel, type Level } from '../../../shared/domain/ownership.js';
import { releaseAll } from '../cases/assignment.js';

/** An operator as stored: the view plus the password hash, which never leaves the main process. */
interface OperatorRecord extends Omit<OperatorView, 'lockedUntil'> {
  id: string;
  passwordHash: string;
  createdAt: string;
  lockedUntil?: string | null;
  [key: string]: unknown;
}

// A real scrypt hash of a random password: unknown usernames cost the same time as wrong passwords.
const decoyHash = hashPassword(crypto.randomUUID());

export const toView = ({ username, displayName, role, active, level }: OperatorRecord): OperatorView => ({
  username,
  displayName,
  role,
  level: operatorLevel({ role, level }),
  active,
});

/** The level fits the role: agents are L1–L3, supervisors and managers the supervisor level. */
function checkLevel(role: Role, level: Level | undefined) {
  if (level === undefined) return;
  if (role === 'agent' && level === 'supervisor') throw new DeskError('invalid-input', 'an agent is L1, L2 or L3; the supervisor level needs the supervisor role', 'level');
  if (role !== 'agent' && level !== 'supervisor') throw new DeskError('invalid-input', `a ${role} is at the supervisor level; L1–L3 are for agents`, 'level');
}

/** The view a manager sees: with the lock while it holds. */
const listed = (record: OperatorRecord, now: Date): OperatorView =>
  record.lockedUntil && Date.parse(record.lockedUntil) > now.getTime() ? { ...toView(record), lockedUntil: record.lockedUntil } : toView(record);

// Set-up is needed until a manager exists: demo data may bring agents before the first manager.
export const needsSetup = ({ store }: Pick<Services, 'store'>) => !store.all<OperatorRecord>(ENTITY).some((o) => o.role === 'manager');

/** The stored operator for this input, its password already hashed. */
export const operatorRecord = (
  input: { username: string; displayName: string; role: Role; level?: Level | undefined },
  passwordHash: string,
  createdAt: string,
): OperatorRecord => {
  const { level, ...rest } = input;
  return { id: input.username, ...rest, level: operatorLevel({ role: input.role, level }), active: true, passwordHash, createdAt };
};

async function createOperator(
  services: Services,
  event: { actor: string; action: string; reason?: string },
  input: { username: string; displayName: string; password: string; role: Role; level?: Level | undefined },
  /** Throws when the operator may not be created; checked again after hashing, which yields. */
  guard: () => void,
): Promise<OperatorView> {
  checkLevel(input.role, input.level);
  guard();
  const passwordHash = await hashPassword(input.password);
  guard();
  const { username, displayName, role, level } = input;
  const record = operatorRecord({ username, displayName, role, level }, passwordHash, services.now().toISOString());
  services.store.append({ ...event, changes: [{ entity: ENTITY, id: record.id, op: 'put', record }] });
  return toView(record);
}

export const operatorHandlers = (
  resume: ResumeTokens,
): Pick<
  Handlers,
  | 'session.current'
  | 'setup.createManager'
  | 'session.signIn'
  | 'session.signOut'
  | 'session.resumeToken'
  | 'session.resume'
  | 'operators.list'
  | 'operators.directory'
  | 'operators.create'
  | 'operators.setLevel'
  | 'operators.setActive'
  | 'operators.unlock'
> => {
  const guard = new SignInGuard();
  return {
  'session.current': (_input, ctx) => ({ operator: ctx.connection.operator, needsSetup: needsSetup(ctx) }),

  async 'setup.createManager'(input, ctx) {
    const operator = await createOperator(
      ctx,
      { actor: input.username, action: 'desk.setUp', reason: 'first start: the first manager account' },
      { ...input, role: 'manager' },
      () => {
        if (!needsSetup(ctx)) throw new DeskError('forbidden', 'the desk is already set up; sign in instead');
        if (ctx.store.get(ENTITY, input.username)) throw new DeskError('conflict', 'this username is taken', 'username');
      },
    );
    ctx.settings.update({ lastOperator: operator.username }); // first: a failed write leaves the connection signed out
    ctx.connection.operator = operator;
    return operator;
  },

  async 'session.signIn'(input, ctx) {
    const now = ctx.now();
    const failures = guard.begin(input.username, ctx.connection.id, now.getTime());
    const record = ctx.store.get<OperatorRecord>(ENTITY, input.username);
    if (record?.lockedUntil && Date.parse(record.lockedUntil) > now.getTime()) {
      throw new DeskError('forbidden', 'this account is locked after too many failed sign-ins; a manager can unlock it', 'username');
    }
    const ok = await verifyPassword(input.password, record?.passwordHash ?? (await decoyHash));
    if (!record || !ok) {
      if (record && failures >= LOCK_AFTER) lock(ctx, record, now);
      throw new DeskError('unauthenticated', 'wrong username or password', 'password');
    }
    if (!record.active) throw new DeskError('forbidden', 'this account is deactivated; ask a manager', 'username');
    ctx.settings.update({ lastOperator: record.username }); // first: a failed write leaves the connection signed out
    guard.succeeded(input.username, ctx.connection.id);
    ctx.connection.operator = toView(record);
    return ctx.connection.operator;
  },

  'session.signOut'(_input, ctx) {
    const token = ctx.connection.resumeToken;
    if (token) {
      resume.revoke(token);
      ctx.sessions.end((connection) => connection.resumeToken === token); // the tabs that resumed this sign-in
    }
    ctx.connection.operator = null;
    ctx.connection.resumeToken = undefined;
    return null;
  },

  'session.resumeToken'(_input, ctx) {
    if (ctx.connection.resumeToken) resume.revoke(ctx.connection.resumeToken);
    ctx.connection.resumeToken = resume.issue(ctx.operator.username, ctx.now().getTime());
    return ctx.connection.resumeToken;
  },

  'session.resume'(input, ctx) {
    const username = resume.redeem(input.token, ctx.now().getTime());
    const record = username ? ctx.store.get<OperatorRecord>(ENTITY, username) : undefined;
    if (!record?.active) return null; // expired, revoked, or the operator was deactivated: sign in again
    ctx.connection.operator = toView(record);
    ctx.connection.resumeToken = input.token;
    return ctx.connection.operator;
  },

  'operators.list': (_input, ctx) => ctx.store.all<OperatorRecord>(ENTITY).map((record) => listed(record, ctx.now())),

  'operators.directory': (_input, ctx) => ctx.store.all<OperatorRecord>(ENTITY).filter((record) => record.active).map(toView),

  'operators.setLevel'(input, ctx) {
    const record = ctx.store.get<OperatorRecord>(ENTITY, input.username);
    if (!record) throw notFound('operator', 'username');
    checkLevel(record.role, input.level);
    if (operatorLevel(record) !== input.level) {
      ctx.store.append({
        actor: ctx.operator.username,
        action: 'operator.level-set',
        reason: `${operatorLevel(record)} → ${input.level}`,
        changes: [{ entity: ENTITY, id: record.id, op: 'patch', patch: { level: input.level } }],
      });
    }
    return listed({ ...record, level: input.level }, ctx.now());
  },

  'operators.create': (input, ctx) =>
    createOperator(ctx, { actor: ctx.operator.username, action: 'operator.created' }, input, () => {
      if (ctx.store.get(ENTITY, input.username)) throw new DeskError('conflict', 'this username is taken', 'username');
    }),

  'operators.setActive'(input, ctx) {
    const record = ctx.store.get<OperatorRecord>(ENTITY, input.username);
    if (!record) throw notFound('operator', 'username');
    if (input.username === ctx.operator.username) throw new DeskError('forbidden', 'you cannot deactivate yourself', 'username');
    ctx.store.append({
      actor: ctx.operator.username,
      action: input.active ? 'operator.activated' : 'operator.deactivated',
      reason: input.reason,
      changes: [
        { entity: ENTITY, id: record.id, op: 'patch', patch: { active: input.active } },
        // A leaver's open cases go back to their levels' queues, for others to claim.
        ...(input.active ? [] : releaseAll(ctx.store, record.username, ctx.now().toISOString())),
      ],
    });
    if (!input.active) {
      resume.revokeOperator(record.username);
      ctx.sessions.end((connection) => connection.operator?.username === record.username); // no more events, at once
    }
    return listed({ ...record, active: input.active }, ctx.now());
  },

  'operators.unlock'(input, ctx) {
    const record = ctx.store.get<OperatorRecord>(ENTITY, input.username);
    if (!record) throw notFound('operator', 'username');
    if (record.lockedUntil) {
      ctx.store.append({
        actor: ctx.operator.username,
        action: 'operator.unlocked',
        reason: input.reason,
        changes: [{ entity: ENTITY, id: record.id, op: 'patch', patch: { lockedUntil: null } }],
      });
    }
    guard.clear(record.username);
    return toView(record);
  },
  };
};

/** Stores the lock, so a restart does not lift it; the event is the audit trail of the guessing. */
function lock(ctx: Services, record: OperatorRecord, now: Date) {
  if (record.lockedUntil && Date.parse(record.lockedUntil) > now.getTime()) return;
  ctx.store.append({
    actor: 'system',
    action: 'operator.locked',
    reason: `${LOCK_AFTER} failed sign-ins in a row`,
    changes: [{ entity: ENTITY, id: record.id, op: 'patch', patch: { lockedUntil: new Date(now.getTime() + LOCK_MS).toISOString() } }],
  });
}
