// HTTP(S) requests to the team server over kept-alive connections. node:http rather than fetch:
// in bench:team a push cost the desk about a quarter of the CPU through node:http that it cost
// through fetch (undici's WHATWG streams), and 50 desks share the server's machine there.
import http from 'node:http';
import https from 'node:https';

export interface TeamAnswer {
  status: number;
  headers: http.IncomingHttpHeaders;
  body: Buffer;
}

export interface TeamRequest {
  method: 'GET' | 'POST' | 'PUT';
  headers?: Record<string, string>;
  body?: string | Buffer;
  /** The whole exchange, connection to last byte. */
  timeoutMs: number;
}

export type TeamTransport = (path: string, request: TeamRequest) => Promise<TeamAnswer>;

export function teamTransport(baseUrl: string): TeamTransport {
  const secure = baseUrl.startsWith('https:');
  const agent = secure ? new https.Agent({ keepAlive: true }) : new http.Agent({ keepAlive: true });
  const send = (path: string, request: TeamRequest) =>
    new Promise<TeamAnswer & { reused: boolean }>((resolve, reject) => {
      const headers = { ...request.headers, ...(request.body === undefined ? {} : { 'content-length': String(Buffer.byteLength(request.body)) }) };
      const req = (secure ? https : http).request(baseUrl + path, { method: request.method, headers, agent }, (response) => {
        const chunks: Buffer[] = [];
        response.on('data', (chunk: Buffer) => chunks.push(chunk));
        response.on('end', () => {
          clearTimeout(timer);
          resolve({ status: response.statusCode ?? 0, headers: response.headers, body: Buffer.concat(chunks), reused: req.reusedSocket });
        });
        response.on('error', fail);
      });
      const timer = setTimeout(() => req.destroy(new Error(`no answer within ${request.timeoutMs} ms`)), request.timeoutMs);
      function fail(error: Error) {
        clearTimeout(timer);
        reject(Object.assign(error, { reused: req.reusedSocket }));
      }
      req.on('error', fail);
      req.end(request.body);
    });
  return async (path, request) => {
    try {
      return await send(path, request);
    } catch (error) {
      // A kept-alive connection the server closed while idle fails at once; it gets one fresh try.
      // Safe for every team request: a push is answered once per command id, whatever resends it.
      if ((error as { reused?: boolean; code?: string }).reused && (error as { code?: string }).code === 'ECONNRESET') return send(path, request);
      throw error;
    }
  };
}
