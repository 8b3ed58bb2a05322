// `window.api` for the browser host: the same contract over one WebSocket to the same services.
import type { DeskApi, DeskErrorShape, Outcome } from '../../../shared/contract/index.js';

export function connectWebSocketApi(url = `${location.protocol === 'https:' ? 'wss' : 'ws'}://${location.host}/api`): DeskApi {
  const socket = new WebSocket(url);
  const opened = new Promise<void>((resolve, reject) => {
    socket.addEventListener('open', () => resolve(), { once: true });
    socket.addEventListener('error', () => reject(new Error('cannot reach the desk')), { once: true });
  });
  const pending = new Map<number, (outcome: Outcome<unknown>) => void>();
  const listeners = new Map<string, Set<(payload: unknown) => void>>();
  let nextId = 1;

  socket.addEventListener('message', (message) => {
    const data = JSON.parse(String(message.data)) as { id?: number; outcome?: Outcome<unknown>; event?: string; payload?: unknown };
    if (data.id !== undefined && data.outcome) {
      pending.get(data.id)?.(data.outcome);
      pending.delete(data.id);
    } else if (data.event) {
      listeners.get(data.event)?.forEach((listener) => listener(data.payload));
    }
  });
  socket.addEventListener('close', () => {
    const lost: DeskErrorShape = { code: 'internal', message: 'the connection to the desk was lost; reload the page' };
    pending.forEach((resolve) => resolve({ ok: false, error: lost }));
    pending.clear();
  });

  return {
    async call(name, input) {
      await opened;
      const id = nextId++;
      return new Promise((resolve) => {
        pending.set(id, resolve as (outcome: Outcome<unknown>) => void);
        socket.send(JSON.stringify({ id, name, input }));
      });
    },
    on(event, listener) {
      const set = listeners.get(event) ?? new Set();
      set.add(listener as (payload: unknown) => void);
      listeners.set(event, set);
      return () => set.delete(listener as (payload: unknown) => void);
    },
  };
}
