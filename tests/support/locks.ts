// Row locks a test holds in the run's database, so that the hub's statements on that row provably wait (in flight,
// each on a pooled connection) until the test lets them go. Only rows the test made itself: other files never wait.
import pg from 'pg';
import { inject } from 'vitest';

export interface HeldLock {
  /** How many backends wait behind this lock, directly or behind another waiter (the tuple lock queue). */
  waiting(): Promise<number>;
  release(): Promise<void>;
}

async function withClient<T>(use: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: inject('databaseUrl') });
  await client.connect();
  try {
    return await use(client);
  } finally {
    await client.end();
  }
}

/** Holds a row of the catalog locked (as a long transaction elsewhere would), so the hub's statements on it wait. */
export async function lockCatalogEntry(code: string): Promise<HeldLock> {
  const client = new pg.Client({ connectionString: inject('databaseUrl') });
  await client.connect();
  await client.query('BEGIN');
  const holder = (await client.query<{ pid: number }>('SELECT pg_backend_pid() AS pid')).rows[0]!.pid;
  await client.query('SELECT 1 FROM resource_type WHERE code = $1 FOR UPDATE', [code]);
  return {
    waiting: () =>
      withClient(async (observer) => {
        const { rows } = await observer.query<{ pid: number; blockers: number[] }>(
          `SELECT pid, pg_blocking_pids(pid) AS blockers FROM pg_stat_activity WHERE wait_event_type = 'Lock'`,
        );
        const behind = new Set<number>([holder]);
        for (let grew = true; grew; ) {
          grew = false;
          for (const row of rows) {
            if (!behind.has(row.pid) && row.blockers.some((b) => behind.has(b))) {
              behind.add(row.pid);
              grew = true;
            }
          }
        }
        return behind.size - 1;
      }),
    async release() {
      await client.query('ROLLBACK');
      await client.end();
    },
  };
}
