// Two hub instances on one database write one audit chain: each writer commits in one round trip while the head is
// the one it wrote last, and reads the head again when the other instance moved it. The chain stays one line.
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { AUDIT_KEY_OWNER } from '../../src/audit/checkpoints.js';
import { verifyAuditChain } from '../../src/audit/verify.js';
import { loadConfig } from '../../src/config.js';
import { resolveSecrets } from '../../src/keys/secrets.js';
import { startTestHub, type TestHub } from '../support/hub.js';
import { createOwnDatabase } from '../support/ownDatabase.js';

let url: string;
let a: TestHub;
let b: TestHub;

beforeAll(async () => {
  url = await createOwnDatabase('instances');
  a = await startTestHub({ DATABASE_URL: url });
  b = await startTestHub({ DATABASE_URL: url });
});
afterAll(async () => {
  await a?.close();
  await b?.close();
});

describe('two instances, one chain', () => {
  it('alternating and concurrent writes from both instances form one verified chain', async () => {
    const [ca, cb] = [await a.as('psb-system'), await b.as('psb-system')];
    // Alternating: every write finds the head moved by the other instance.
    for (let i = 0; i < 6; i += 1) await (i % 2 === 0 ? ca : cb).query('{ viewer { roles } }');
    // Concurrent: both writers race for the chain lock.
    await Promise.all(Array.from({ length: 40 }, (_, i) => (i % 2 === 0 ? ca : cb).query('{ viewer { roles } }')));

    const client = new pg.Client({ connectionString: url });
    await client.connect();
    try {
      const { masterKey } = await resolveSecrets(loadConfig({ SHAREHUB_DEMO: '1', SHAREHUB_DATA_DIR: inject('dataDir') }));
      const result = await verifyAuditChain(client, masterKey, await a.hub.keys.publicKeysOf(AUDIT_KEY_OWNER));
      expect(result.firstProblem).toBeNull();
      expect(result.events).toBe(46);
      const forks = await client.query('SELECT prev_hash FROM audit_event GROUP BY prev_hash HAVING count(*) > 1');
      expect(forks.rowCount).toBe(0);
    } finally {
      await client.end();
    }
  });
});
