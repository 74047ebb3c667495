// What every baseline server shares: a refusal with its status, reading a body, answering JSON.
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

export class Refusal extends Error {
  constructor(readonly status: number) {
    super(`HTTP ${status}`);
  }
}

export function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}

export function send(res: ServerResponse, status: number, body: unknown): void {
  const text = JSON.stringify(body);
  res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', 'content-length': Buffer.byteLength(text) });
  res.end(text);
}

export interface BaselineServer {
  url: string;
  close(): Promise<void>;
}

/** Serves `answer` on 127.0.0.1 (port 0): its value as 200 JSON, a Refusal as its status; closing also ends `pool`. */
export async function serveBaseline(answer: (req: IncomingMessage) => Promise<unknown>, pool: { end(): Promise<void> }): Promise<BaselineServer> {
  const server = createServer((req, res) => {
    answer(req).then(
      (body) => send(res, 200, body),
      (error: unknown) => {
        req.resume();
        send(res, error instanceof Refusal ? error.status : 500, { errors: [{ message: error instanceof Error ? error.message : 'failed' }] });
      },
    );
  });
  server.keepAliveTimeout = 5_000;
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    async close() {
      await new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      });
      await pool.end();
    },
  };
}
