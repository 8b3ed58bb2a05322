// Opens a desk that joined a team: the local store as a replica with the outbox seam, the same
// desk core on it, the sync loop, and sign-in through the team server.
import { randomUUID } from 'node:crypto';
import type { SessionView } from '../../../shared/contract/index.js';
import type { ChannelSettingsView } from '../../../shared/contract/channels.js';
import type { Connection } from '../../server/context.js';
import { createDesk, type Desk } from '../../server/desk.js';
import { setDeskIdPrefix } from '../../server/ids.js';
import type { OpenedDesk } from '../../server/open-desk.js';
import type { SettingsStore } from '../../server/settings/settings-store.js';
import type { SecretStore } from '../../server/secrets/secret-store.js';
import { openCaseStore, type KeyProvider } from '../../store/index.js';
import { isPushable } from '../protocol.js';
import { Unreachable, teamClient } from './client.js';
import { isLocalEntity, OUTBOX } from './entities.js';
import { TeamFiles } from './files.js';
import { teamLink } from './link.js';
import { ensureLink, queueingStore, readLink, runAsCommand } from './outbox.js';
import { teamSignIn } from './session.js';
import { replicaScope } from './scope.js';
import { TeamSync } from './sync.js';

const CLOCK_MS = 15_000;
/**
 * Only with the server, never queued: managing operators changes who may sign in anywhere in the
 * center; the mailbox, SMTP and their passwords are the center's, kept and used by the server.
 */
const ONLINE_ONLY = new Set(['operators.create', 'operators.setActive', 'channels.update', 'mail.reply']);
const phoneTokenOnly = (name: string, input: unknown) => name === 'channels.update' && !!input && typeof input === 'object' && !('imap' in input) && !('smtp' in input);

export async function openTeamDesk(options: {
  dataDir: string;
  settings: SettingsStore;
  teamUrl: string;
  now?: () => Date;
  secrets: SecretStore;
  /** The local store's anchor key: the replica stays anchored, so the desk can leave the team again (the center's anchor is the server). */
  keys?: KeyProvider;
}): Promise<OpenedDesk> {
  const now = options.now ?? (() => new Date());
  const local = await openCaseStore(options.dataDir, { now: options.now, ...(options.keys ? { keys: options.keys } : {}) });
  ensureLink(local);
  const store = queueingStore(local);
  const { deskCode } = readLink(store);
  if (deskCode) setDeskIdPrefix(store, deskCode); // given at this desk's first sign-in, fixed after
  const client = teamClient(options.teamUrl);
  const files = new TeamFiles(options.dataDir, () => now().getTime());
  const scope = replicaScope(store, () => options.settings.get(), now);
  let desk: Desk | undefined;
  const sync = new TeamSync(store, client, now, (status) => desk?.services.emit('team.status', status), scope, files);
  const core = createDesk({
    store,
    settings: options.settings,
    dataDir: options.dataDir,
    secrets: options.secrets,
    now,
    team: teamLink(store, () => sync.status(), () => desk!, (call, input, operator) => sync.callServer(operator, call, input), scope),
  });
  const stopStatus = local.subscribe((event) => {
    if (event.changes.some((c) => isLocalEntity(c.entity))) core.services.emit('team.status', sync.status());
  });

  async function onlineOnly(connection: Connection, call: string, input: unknown) {
    const operator = connection.operator?.username;
    if (!operator) return core.dispatch(connection, call, input); // answers "sign in first"
    const command = { commandId: randomUUID(), call, input: input ?? {}, operator, at: now().toISOString(), baseCursor: readLink(store).cursor };
    try {
      const result = await sync.pushNow(command);
      if (!result.ok) return { ok: false as const, error: result.error };
      await sync.sync();
      return { ok: true as const, value: result.value };
    } catch (error) {
      if (!(error instanceof Unreachable)) throw error;
      return { ok: false as const, error: { code: 'forbidden' as const, message: 'this needs the team server, which this desk cannot reach now; try again when online' } };
    }
  }

  /** The mailbox and SMTP are the center's (server); the phone token is this desk's, whose host the phone system posts to. */
  async function channelSettings(connection: Connection) {
    const [center, own] = [await onlineOnly(connection, 'channels.settings', {}), await core.dispatch(connection, 'channels.settings', {})];
    if (!center.ok || !own.ok) return center.ok ? own : center;
    return { ok: true as const, value: { ...(center.value as ChannelSettingsView), ctiTokenSet: (own.value as ChannelSettingsView).ctiTokenSet } };
  }

  desk = {
    ...core,
    async dispatch(connection, name, input) {
      if (name === 'session.signIn') {
        return (await teamSignIn({ store, client, sync, settings: options.settings, now }, connection, input)) ?? core.dispatch(connection, name, input);
      }
      if (name === 'setup.createManager') {
        return { ok: false, error: { code: 'forbidden', message: 'this desk belongs to a team: operators are set up on the team server' } };
      }
      if (name === 'session.current') {
        const outcome = await core.dispatch(connection, name, input);
        return outcome.ok ? { ok: true, value: { ...(outcome.value as SessionView), needsSetup: false } } : outcome;
      }
      if (name === 'channels.settings') return channelSettings(connection);
      if (typeof name === 'string' && ONLINE_ONLY.has(name) && !phoneTokenOnly(name, input)) return onlineOnly(connection, name, input);
      if (name === 'uploads.begin' || name === 'uploads.chunk') {
        const outcome = await core.dispatch(connection, name, input);
        if (outcome.ok) files.observe(name, input, outcome.value);
        return outcome;
      }
      if (typeof name !== 'string' || !isPushable(name) || name.startsWith('team.')) return core.dispatch(connection, name, input);
      const command = { commandId: randomUUID(), call: name, input, operator: connection.operator?.username, at: now().toISOString(), files: files.usedBy(input) };
      const outcome = await runAsCommand(command, () => core.dispatch(connection, name, input));
      if (store.get(OUTBOX, command.commandId)) void sync.sync();
      return outcome;
    },
  };

  const clock = setInterval(() => core.services.emit('clock.tick', { now: now().toISOString() }), CLOCK_MS);
  clock.unref();
  sync.start();
  return {
    desk,
    notices: local.openReport.notices,
    // One SLA monitor per center: the team server escalates; this desk only keeps its countdowns ticking.
    slaMonitor: { tick: () => (core.services.emit('clock.tick', { now: now().toISOString() }), []), stop: () => clearInterval(clock) },
    async close() {
      clearInterval(clock);
      stopStatus();
      sync.stop();
      core.services.downloads.close();
      await local.close();
    },
  };
}
