import type { CallInput, CallName, CallResult, DeskErrorShape } from '../../../shared/contract/index.js';
import { connectWebSocketApi } from './web-socket-api.js';

/** A rejected call, carrying the field to show the message next to. */
export class ApiError extends Error {
  constructor(readonly shape: DeskErrorShape) {
    super(shape.message);
  }
  get field() {
    return this.shape.field;
  }
}

/** The Electron preload provides window.api; in the browser host the page makes its own. */
export function ensureApi() {
  if (!window.api) window.api = connectWebSocketApi();
}

export async function call<N extends CallName>(name: N, input: CallInput<N>): Promise<CallResult<N>> {
  const outcome = await window.api.call(name, input);
  if (!outcome.ok) throw new ApiError(outcome.error);
  return outcome.value;
}
