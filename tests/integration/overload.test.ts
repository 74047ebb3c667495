// The hub under pressure at its edge, over HTTP: clients that go away mid-request.
import { randomUUID } from 'node:crypto';
import { once } from 'node:events';
import net from 'node:net';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { LogCapture, startTestHub, type TestHub } from '../support/hub.js';

const POLL = { interval: 50, timeout: 10_000 };
/** pino's numeric levels. */
const INFO = 30;
const WARN = 40;

describe('a client that goes away', () => {
  const log = new LogCapture();
  let t: TestHub;
  beforeAll(async () => {
    t = await startTestHub({ LOG_LEVEL: 'info' }, { log });
  });
  afterAll(async () => {
    await t?.close();
  });

  it('a request aborted by its client while its body is being read is logged at info, not as an error', async () => {
    const requestId = `aborted-${randomUUID()}`;
    const body = JSON.stringify({ query: '{ viewer { roles } }' });
    const socket = net.connect(Number(new URL(t.url).port), '127.0.0.1');
    await once(socket, 'connect');
    // The headers promise 100 bytes more than the body that follows; the client then goes away.
    const head = [
      'POST /graphql HTTP/1.1',
      'host: 127.0.0.1',
      'content-type: application/json',
      `authorization: Bearer ${await t.token('psb-system')}`,
      `x-request-id: ${requestId}`,
      `content-length: ${Buffer.byteLength(body) + 100}`,
    ].join('\r\n');
    await new Promise<void>((resolve, reject) => socket.write(`${head}\r\n\r\n${body}`, (error) => (error ? reject(error) : resolve())));
    socket.destroy();

    await vi.waitFor(() => expect(log.lines.filter((l) => l.requestId === requestId).map((l) => l.msg)).toContain('request aborted by the client'), POLL);
    const lines = log.lines.filter((l) => l.requestId === requestId);
    expect(lines.map((l) => ({ level: l.level, msg: l.msg }))).toEqual([{ level: INFO, msg: 'request aborted by the client' }]);
    expect(log.lines.filter((l) => l.level >= WARN).map((l) => l.msg)).toEqual([]);
  });
});
