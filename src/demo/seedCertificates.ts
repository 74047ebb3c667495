// The demo certificates in the seed: the five demo certificate types, their certificates for the demo subjects
// (signed with each issuing department's key), and the service center's grants to verify them. Idempotent on its own
// marker, so a database seeded before certificates existed gets them too. Bulk SQL, one transaction.
import { randomUUID } from 'node:crypto';
import type { Pool, PoolClient } from 'pg';
import { CertificateStatus } from '../../entities/Certificate.js';
import { HOLDER_NAME, type CertificateTypeDefinition } from '../catalog/certificateType.js';
import { formatCertificateIdentifier } from '../certs/certificateIdentifier.js';
import { signCertificate, signedContentOf } from '../certs/document.js';
import type { Orm } from '../db/orm.js';
import { KeyStore } from '../keys/keyStore.js';
import type { Logger } from '../log.js';
import { DEMO_CERTIFICATE_TYPES, generateDemoCertificates } from './certificates.js';
import type { Progress } from './progress.js';
import { backfillStatusEntries } from '../services/statusLists.js';
import { DEMO_DEPARTMENTS, type DemoOrganization, type DemoPerson } from './subjects.js';

/** Bump when the demo certificates change; a database with this version is left as it is. */
export const DEMO_CERTIFICATES_VERSION = 1;
const BATCH = 2_000;
const SEEDED_BY = 'demo-seed';
const DEMO_PURPOSE = 'demo';

/** Which certificate types the service center verifies, for which purposes (its demo service items and `demo`). */
const DEMO_CERTIFICATE_GRANTS: Array<{ type: string; purposes: string[] }> = [
  { type: 'business_licence', purposes: [DEMO_PURPOSE, 'enterprise_change_registration'] },
  { type: 'marriage_certificate', purposes: [DEMO_PURPOSE, 'household_transfer_after_marriage', 'housing_provident_fund_withdrawal'] },
  { type: 'real_estate_certificate', purposes: [DEMO_PURPOSE, 'housing_provident_fund_withdrawal'] },
  { type: 'social_security_card', purposes: [DEMO_PURPOSE] },
  { type: 'residence_permit', purposes: [DEMO_PURPOSE] },
];

async function insertType(client: PoolClient, def: CertificateTypeDefinition, lastSerial: number, now: Date): Promise<void> {
  await client.query(
    `INSERT INTO certificate_type (code, identifier_code, name_zh, name_en, issuer_code, holder_kind, description, default_validity_days, fields, version, last_serial, changed_by, changed_at)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9::jsonb, 1, $10, $11, $12)`,
    [def.code, def.identifierCode, def.nameZh, def.nameEn, def.issuerCode, def.holderKind, def.description, def.defaultValidityDays, JSON.stringify(def.fields), lastSerial, SEEDED_BY, now],
  );
  await client.query(`INSERT INTO certificate_type_version (certificate_type_code, version, definition, changed_by, changed_at) VALUES ($1, 1, $2::jsonb, $3, $4)`, [def.code, JSON.stringify(def), SEEDED_BY, now]);
}

/** The service center may verify: UNCONDITIONAL face fields and the holder's name, in the clear. */
async function insertGrant(client: PoolClient, def: CertificateTypeDefinition, consumerCode: string, purposes: string[], now: Date): Promise<void> {
  const rules = [{ field: HOLDER_NAME, effect: 'ALLOW' }, ...def.fields.filter((f) => f.sharing === 'UNCONDITIONAL').map((f) => ({ field: f.name, effect: 'ALLOW' }))];
  const id = randomUUID();
  const until = new Date(now.getTime() + 3 * 365 * 24 * 3600_000);
  await client.query(
    `INSERT INTO access_grant (id, version, consumer_code, client_id, resource_type_code, provider_code, rules, purposes, valid_from, valid_until, status, changed_by, changed_at)
     VALUES ($1, 1, $2, NULL, $3, $4, $5::jsonb, $6, $7, $8, 'ACTIVE', $9, $7)`,
    [id, consumerCode, def.code, def.issuerCode, JSON.stringify(rules), purposes, now, until, SEEDED_BY],
  );
  await client.query(`INSERT INTO access_grant_version (grant_id, version, snapshot, changed_by, changed_at) VALUES ($1, 1, $2::jsonb, $3, $4)`, [
    id,
    JSON.stringify({ status: 'ACTIVE', rules, purposes, validFrom: now.toISOString(), validUntil: until.toISOString() }),
    SEEDED_BY,
    now,
  ]);
}

const INSERT_CERTIFICATES = `
WITH input AS (
  SELECT * FROM jsonb_to_recordset($1::jsonb) AS x(identifier text, type_code text, issuer_code text, serial int, holder_id_type text, holder_id text, holder_name text,
    valid_from timestamptz, valid_until timestamptz, face jsonb, status text, status_reason text, kid text, signature text)
), inserted AS (
  INSERT INTO certificate (identifier, type_code, issuer_code, serial, edition, holder_id_type, holder_id, holder_name, valid_from, valid_until, face, type_version,
    status, status_reason, version, kid, signature, predecessor, successor, issued_by, issued_at, changed_by, changed_at)
  SELECT identifier, type_code, issuer_code, serial, 1, holder_id_type, holder_id, holder_name, valid_from, valid_until, face, 1,
    status, status_reason, CASE WHEN status = 'VALID' THEN 1 ELSE 2 END, kid, signature, NULL, NULL, $2, valid_from, $2, valid_from FROM input
  RETURNING identifier, status, status_reason, valid_from
), issued AS (
  INSERT INTO certificate_version (identifier, version, action, status, reason, successor, changed_by, changed_at)
  SELECT identifier, 1, 'ISSUE', 'VALID', NULL, NULL, $2, valid_from FROM inserted
)
INSERT INTO certificate_version (identifier, version, action, status, reason, successor, changed_by, changed_at)
SELECT identifier, 2, CASE status WHEN 'REVOKED' THEN 'REVOKE' ELSE 'CANCEL' END, status, status_reason, NULL, $2, $3 FROM inserted WHERE status <> 'VALID'`;

export async function seedDemoCertificates(orm: Orm, masterKey: Uint8Array, persons: DemoPerson[], organizations: DemoOrganization[], progress: Progress, logger: Logger): Promise<{ seeded: boolean; certificates: number }> {
  const pool = (await orm.em.getConnection().getNativeClient()) as Pool;
  const existing = await pool.query<{ value: unknown }>(`SELECT value FROM hub_setting WHERE key = 'demo_certificates_version'`);
  if (existing.rows[0]?.value === DEMO_CERTIFICATES_VERSION) return { seeded: false, certificates: 0 };

  const now = new Date();
  const keys = new KeyStore(orm.em, masterKey);
  const certificates = generateDemoCertificates(persons, organizations);
  const serials = new Map<string, number>();
  const typeOf = new Map(DEMO_CERTIFICATE_TYPES.map((t) => [t.code, t]));
  const client = await pool.connect();
  try {
    await client.query('BEGIN');
    progress.start('demo certificates', certificates.length);
    for (let i = 0; i < certificates.length; i += BATCH) {
      const batch = await Promise.all(
        certificates.slice(i, i + BATCH).map(async (c) => {
          const type = typeOf.get(c.typeCode)!;
          const serial = (serials.get(type.code) ?? 0) + 1;
          serials.set(type.code, serial);
          const identifier = formatCertificateIdentifier({ identifierCode: type.identifierCode, issuerCode: type.issuerCode, serial, edition: 1 });
          const key = await keys.activeKey(type.issuerCode);
          const signature = await signCertificate(signedContentOf({ ...c, identifier, issuerCode: type.issuerCode }), key);
          return {
            identifier,
            type_code: c.typeCode,
            issuer_code: type.issuerCode,
            serial,
            holder_id_type: c.holderIdType,
            holder_id: c.holderId,
            holder_name: c.holderName,
            valid_from: c.validFrom.toISOString(),
            valid_until: c.validUntil?.toISOString() ?? null,
            face: c.face,
            status: c.status,
            status_reason: c.statusReason,
            kid: key.kid,
            signature,
          };
        }),
      );
      await client.query(INSERT_CERTIFICATES, [JSON.stringify(batch), SEEDED_BY, now]);
      progress.advance(batch.length);
    }
    progress.stop();
    for (const def of DEMO_CERTIFICATE_TYPES) await insertType(client, def, serials.get(def.code) ?? 0, now);
    const center = DEMO_DEPARTMENTS.find((d) => d.shortCode === 'service-center')!.code;
    for (const g of DEMO_CERTIFICATE_GRANTS) await insertGrant(client, typeOf.get(g.type)!, center, g.purposes, now);
    await client.query(
      `INSERT INTO hub_setting (key, value) VALUES ('demo_certificates_version', $1::jsonb) ON CONFLICT (key) DO UPDATE SET value = excluded.value, updated_at = now()`,
      [JSON.stringify(DEMO_CERTIFICATES_VERSION)],
    );
    await client.query('COMMIT');
  } catch (error) {
    await client.query('ROLLBACK').catch(() => undefined);
    throw error;
  } finally {
    client.release();
  }
  // Their places in the issuers' status lists (their credentials' credentialStatus), with the withdrawn ones' bits set.
  await backfillStatusEntries(orm.em.fork(), new Date(), logger);
  const withdrawn = certificates.filter((c) => c.status !== CertificateStatus.VALID).length;
  logger.info({ certificates: certificates.length, withdrawn, types: DEMO_CERTIFICATE_TYPES.length }, 'demo certificates seeded');
  return { seeded: true, certificates: certificates.length };
}
