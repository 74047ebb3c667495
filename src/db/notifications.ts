// A PostgreSQL LISTEN on one channel over its own connection, reconnecting when it drops; after every (re)connect
// the callback runs once, so a change announced while not listening is not missed.
import pg from 'pg';
import type { Logger } from '../log.js';

const RECONNECT_MS = 1_000;

export interface ChannelListener {
  stop(): Promise<void>;
}

/** Calls `onChange` on every notification on `channel`, and once after each (re)connect. */
export async function listenFor(options: { url: string; channel: string; logger: Logger; onChange: () => void }): Promise<ChannelListener> {
  const { url, channel, logger, onChange } = options;
  let current: pg.Client | null = null;
  let isStopped = false;

  const drop = (client: pg.Client) => {
    client.removeAllListeners();
    client.on('error', () => {});
    return client.end().catch(() => undefined);
  };

  const reconnect = (client: pg.Client) => {
    if (isStopped || (current !== client && current !== null)) return;
    current = null;
    void drop(client);
    setTimeout(() => void connect(), RECONNECT_MS).unref();
  };

  async function connect(): Promise<void> {
    if (isStopped) return;
    const client = new pg.Client({ connectionString: url });
    client.on('error', (error) => {
      logger.warn({ err: { message: error.message }, channel }, 'listener lost its connection');
      reconnect(client);
    });
    client.on('end', () => reconnect(client));
    client.on('notification', () => onChange());
    try {
      await client.connect();
      await client.query(`LISTEN ${pg.escapeIdentifier(channel)}`);
      current = client;
      onChange();
    } catch (error) {
      logger.warn({ err: { message: (error as Error).message }, channel }, 'listener cannot connect; retrying');
      reconnect(client);
    }
  }

  await connect();
  return {
    async stop() {
      isStopped = true;
      const client = current;
      current = null;
      if (client) await drop(client);
    },
  };
}
