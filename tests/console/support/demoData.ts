// Certificates for the console's journeys, from the run's seeded database: a VALID one, a REVOKED one, and a fresh one
// whose stored data is altered with SQL (so it no longer matches its signature).
import { inject } from 'vitest';
import pg from 'pg';
import type { TestHub } from '../../support/hub.js';

export const TANG_XIANG = { id: '330102197512316137', name: '唐翔' };
/** 唐翔's marriage certificate (README). */
export const VALID_MARRIAGE = 'JHZ.11330100MBDEM00314.0000000001.01.X';

async function withPool<T>(fn: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: inject('databaseUrl') });
  await client.connect();
  try {
    return await fn(client);
  } finally {
    await client.end();
  }
}

export function revokedCertificate(): Promise<string> {
  return withPool(async (c) => (await c.query<{ identifier: string }>(`SELECT identifier FROM certificate WHERE status = 'REVOKED' AND issued_by = 'demo-seed' ORDER BY identifier LIMIT 1`)).rows[0]!.identifier);
}

/** A business licence issued now (a copy of a seeded one's face, to a fresh key), then altered in the database. */
export async function tamperedCertificate(t: TestHub): Promise<string> {
  const seeded = await withPool(
    async (c) =>
      (
        await c.query<{ holder_id: string; holder_name: string; face: Record<string, unknown> }>(
          `SELECT holder_id, holder_name, face FROM certificate WHERE type_code = 'business_licence' AND status = 'VALID' ORDER BY identifier DESC LIMIT 1`,
        )
      ).rows[0]!,
  );
  const amr = await t.as('amr-system');
  const res = await amr.query<{ issueCertificate: { certificate: { identifier: string } } }>(
    `mutation I($input: IssueCertificateInput!, $key: String!) { issueCertificate(input: $input, idempotencyKey: $key) { certificate { identifier } } }`,
    {
      input: { certificateType: 'business_licence', holder: { idType: 'CREDIT_CODE', idNumber: seeded.holder_id, name: seeded.holder_name }, face: seeded.face },
      key: `console-test-${process.pid}-${Date.now()}`,
    },
  );
  if (res.errors) throw new Error(`issueCertificate failed: ${JSON.stringify(res.errors)}`);
  const identifier = res.data!.issueCertificate.certificate.identifier;
  await withPool((c) => c.query(`UPDATE certificate SET holder_name = holder_name || '（改）' WHERE identifier = $1`, [identifier]));
  return identifier;
}

/** A certificate's Verifiable Credential, as its holder downloads it over the API. */
export async function credentialOf(t: TestHub, identifier: string): Promise<string> {
  const holderId = await withPool(async (c) => (await c.query<{ holder_id: string }>(`SELECT holder_id FROM certificate WHERE identifier = $1`, [identifier])).rows[0]!.holder_id);
  const holder = (await t.as('window-clerk')).with({ authorization: `Bearer ${await t.holderToken(holderId)}` });
  const res = await holder.query<{ certificate: { credential: string } }>(`query C($id: String!) { certificate(identifier: $id) { credential } }`, { id: identifier });
  if (res.errors) throw new Error(`certificate.credential failed: ${JSON.stringify(res.errors)}`);
  return res.data!.certificate.credential;
}
