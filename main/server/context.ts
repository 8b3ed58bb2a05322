import type { CallName, CallResult, DeskEvents, EventName, OperatorView, ParsedInput } from '../../shared/contract/index.js';
import type { CaseStore } from '../store/types.js';
import type { Sessions } from './operators/sessions.js';
import type { SettingsStore } from './settings/settings-store.js';
import type { Uploads } from './uploads/uploads.js';
import type { Downloads } from './uploads/downloads.js';
import type { SecretStore } from './secrets/secret-store.js';
import type { TeamLink } from '../team/desk/link.js';

/** One renderer's link to the desk: an Electron window or a browser tab. Holds its sign-in. */
export interface Connection {
  id: string;
  operator: OperatorView | null;
  /** The resume token issued to this connection, revoked at sign-out. */
  resumeToken?: string;
}

export interface Services {
  store: CaseStore;
  settings: SettingsStore;
  /** The desk's data directory (attachments live under it). */
  dataDir: string;
  /** Passwords and tokens, kept outside the data directory; never returned to a renderer. */
  secrets: SecretStore;
  /** The current instant; tests pass a fixed clock. */
  now: () => Date;
  /** Present on a desk that joined a team. */
  team?: TeamLink;
  emit<E extends EventName>(event: E, payload: DeskEvents[E]): void;
  /** Files being uploaded in chunks, per connection. */
  uploads: Uploads;
  /** Files handed to a renderer as short-lived links (case files, finished exports). */
  downloads: Downloads;
  /** The live connections. */
  sessions: Sessions;
}

export interface HandlerContext extends Services {
  connection: Connection;
  /** The signed-in operator; handlers of non-public calls may rely on it. */
  operator: OperatorView;
}

export type Handler<N extends CallName> = (input: ParsedInput<N>, ctx: HandlerContext) => CallResult<N> | Promise<CallResult<N>>;
export type Handlers = { [N in CallName]: Handler<N> };
