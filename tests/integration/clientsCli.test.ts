// `sharehub clients`: an operator sets a client's rate limit overrides from the command line; the change is audited
// and a running hub applies it (beyond the burst: 429 RATE_LIMITED); bad values are refused naming the option.
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { registerClient } from '../support/clients.js';
import { runCli } from '../support/cli.js';
import { startTestHub, type TestHub } from '../support/hub.js';

let t: TestHub;
/** The hub's configured defaults, as the operator's shell has them too. */
const DEFAULTS = { SHAREHUB_RATE_LIMIT_PER_SECOND: '1000', SHAREHUB_RATE_LIMIT_BURST: '1000' };
const env = () => ({ SHAREHUB_DEMO: '1', DATABASE_URL: inject('databaseUrl'), SHAREHUB_DATA_DIR: inject('dataDir'), ...DEFAULTS });

beforeAll(async () => {
  // The hub's defaults are generous; the override is what limits the client.
  t = await startTestHub(DEFAULTS);
});
afterAll(async () => {
  await t?.close();
});

async function limitsOf(clientId: string) {
  const pool = await t.db.orm.em.getConnection().getNativeClient();
  return (await pool.query('SELECT rate_limit_per_second AS "perSecond", rate_limit_burst AS burst FROM client WHERE id = $1', [clientId])).rows[0];
}

async function auditDetails(clientId: string): Promise<unknown[]> {
  const pool = await t.db.orm.em.getConnection().getNativeClient();
  const { rows } = await pool.query(`SELECT details FROM audit_event WHERE action = 'clients.rate_limits' AND details->>'client' = $1 ORDER BY seq`, [clientId]);
  return rows.map((r) => r.details);
}

describe('sharehub clients limits', () => {
  it('sets the overrides, audited, and the hub refuses the client beyond its new burst', async () => {
    const client = await registerClient(t, 'psb-system', { perSecond: null, burst: null });
    const set = await runCli(['clients', 'limits', '--client', client, '--per-second', '0.5', '--burst', '3'], env());
    expect(set.out).toContain(`${client}: 0.5 requests per second, burst 3`);
    expect(set.code).toBe(0);
    expect(await limitsOf(client)).toEqual({ perSecond: 0.5, burst: 3 });
    expect(await auditDetails(client)).toEqual([{ client, perSecond: 0.5, burst: 3 }]);

    // The hub has not looked this client up yet, so it reads the new row: three requests pass, the fourth is refused.
    const api = await t.as(client);
    const statuses: number[] = [];
    for (let i = 0; i < 4; i += 1) statuses.push((await api.query('{ viewer { roles } }')).status);
    expect(statuses).toEqual([200, 200, 200, 429]);

    const list = await runCli(['clients', 'list'], env());
    expect(list.code).toBe(0);
    expect(list.stdout).toMatch(new RegExp(`${client}\\s.*\\s0\\.5\\s+3`));

    const reset = await runCli(['clients', 'limits', '--client', client, '--default'], env());
    expect(reset.code).toBe(0);
    expect(reset.out).toContain('1000 (default) requests per second, burst 1000 (default)');
    expect(await limitsOf(client)).toEqual({ perSecond: null, burst: null });
    expect(await auditDetails(client)).toEqual([
      { client, perSecond: 0.5, burst: 3 },
      { client, perSecond: null, burst: null },
    ]);
  });

  it('one override alone keeps the other', async () => {
    const client = await registerClient(t, 'hrss-system', { perSecond: 7, burst: 9 });
    const set = await runCli(['clients', 'limits', '--client', client, '--burst', '20'], env());
    expect(set.code).toBe(0);
    expect(await limitsOf(client)).toEqual({ perSecond: 7, burst: 20 });
  });

  it('refuses a bad value and an unknown client, naming what is wrong, and changes nothing', async () => {
    const client = await registerClient(t, 'hrss-system', { perSecond: 7, burst: 9 });
    const bad = await runCli(['clients', 'limits', '--client', client, '--burst', '2.5'], env());
    expect(bad.out).toMatch(/--burst "2\.5"/);
    expect(bad.code).toBe(1);
    const unknown = await runCli(['clients', 'limits', '--client', 'no-such-client', '--burst', '3'], env());
    expect(unknown.out).toContain('no client "no-such-client" is registered');
    expect(unknown.code).toBe(1);
    expect(await limitsOf(client)).toEqual({ perSecond: 7, burst: 9 });
    expect(await auditDetails(client)).toEqual([]);
  });
});
