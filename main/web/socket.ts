// One tab's WebSocket: its own sign-in, calls answered by id, desk events once signed in.
// A message that is not a call closes this socket only (1008); ws itself closes on a frame
// over the size cap (1009) or text that is not UTF-8 (1007) and reports it as an error here.
import type { WebSocket } from 'ws';
import type { Desk } from '../server/desk.js';

interface CallMessage {
  id: number | string;
  name: unknown;
  input: unknown;
}

function asCall(data: string): CallMessage | null {
  let message: unknown;
  try {
    message = JSON.parse(data);
  } catch {
    return null;
  }
  if (typeof message !== 'object' || message === null || Array.isArray(message)) return null;
  const { id, name, input } = message as Record<string, unknown>;
  if (!(typeof id === 'number' || typeof id === 'string')) return null;
  return { id, name, input };
}

export function serveSocket(ws: WebSocket, desk: Desk) {
  const connection = desk.connect();
  const send = (message: unknown) => {
    if (ws.readyState !== ws.OPEN) return;
    try {
      ws.send(JSON.stringify(message));
    } catch (error) {
      console.error('[web] send failed:', error);
      ws.terminate();
    }
  };
  const stop = desk.onEvent((event, payload) => {
    if (connection.operator) send({ event, payload });
  });
  ws.on('error', () => ws.terminate());
  ws.on('close', () => {
    stop();
    desk.disconnect(connection);
  });
  ws.on('message', (data, isBinary) => {
    const message = isBinary ? null : asCall(String(data));
    if (!message) return ws.close(1008, 'not a call');
    desk.dispatch(connection, message.name, message.input).then(
      (outcome) => send({ id: message.id, outcome }),
      (error: unknown) => {
        console.error('[web] dispatch failed:', error);
        ws.terminate();
      },
    );
  });
}
