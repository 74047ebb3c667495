// Test clients: a client of its own (unique id) in a demo client's department and roles, for tests that change a
// client's settings (rate limits) without touching the demo clients other test files use.
import { randomUUID } from 'node:crypto';
import type { TestHub } from './hub.js';

export async function registerClient(t: TestHub, like: string, limits: { perSecond: number | null; burst: number | null }): Promise<string> {
  const id = `${like}-${randomUUID().slice(0, 8)}`;
  const pool = await t.db.orm.em.getConnection().getNativeClient();
  await pool.query(
    `INSERT INTO client (id, name, department_code, kind, roles, is_enabled, rate_limit_per_second, rate_limit_burst)
     SELECT $1, name || ' (test)', department_code, kind, roles, true, $3, $4 FROM client WHERE id = $2`,
    [id, like, limits.perSecond, limits.burst],
  );
  return id;
}
