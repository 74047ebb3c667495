// The demo catalog in the seed: five resource types, their records for the demo subjects, and a few demo
// grants so that a newcomer's first query returns data. Runs inside the seed's transaction.
import { randomUUID } from 'node:crypto';
import type { PoolClient } from 'pg';
import type { ResourceTypeDefinition } from '../catalog/definition.js';
import { contentHash } from '../services/records.js';
import { DEMO_RESOURCE_TYPES, generateDemoRecords } from './catalog.js';
import { DEMO_SERVICE_ITEMS } from './serviceItems.js';
import type { Progress } from './progress.js';
import { DEMO_DEPARTMENTS, type DemoOrganization, type DemoPerson } from './subjects.js';

const BATCH = 2_000;
const SEEDED_BY = 'demo-seed';
export const DEMO_PURPOSE = 'demo';

/** Who may read what in the demo, before anyone has requested access: UNCONDITIONAL fields, purpose `demo`. */
const DEMO_GRANTS: Array<{ consumer: string; resourceType: string }> = [
  { consumer: 'service-center', resourceType: 'household_registration' },
  { consumer: 'service-center', resourceType: 'marriage_registration' },
  { consumer: 'service-center', resourceType: 'business_registration' },
  { consumer: 'hrss', resourceType: 'household_registration' },
  { consumer: 'housing', resourceType: 'marriage_registration' },
];

function codeOf(shortCode: string): string {
  const d = DEMO_DEPARTMENTS.find((x) => x.shortCode === shortCode);
  if (!d) throw new Error(`no demo department ${shortCode}`);
  return d.code;
}

async function insertResourceType(client: PoolClient, def: ResourceTypeDefinition, now: Date): Promise<void> {
  await client.query(
    `INSERT INTO resource_type (code, name_zh, name_en, provider_code, subject_kind, description, fields, version, changed_by, changed_at)
     VALUES ($1, $2, $3, $4, $5, $6, $7::jsonb, 1, $8, $9) ON CONFLICT (code) DO NOTHING`,
    [def.code, def.nameZh, def.nameEn, def.providerCode, def.subjectKind, def.description, JSON.stringify(def.fields), SEEDED_BY, now],
  );
  await client.query(
    `INSERT INTO resource_type_version (resource_type_code, version, definition, changed_by, changed_at) VALUES ($1, 1, $2::jsonb, $3, $4) ON CONFLICT DO NOTHING`,
    [def.code, JSON.stringify(def), SEEDED_BY, now],
  );
}

async function insertRecords(client: PoolClient, code: string, rows: Array<{ subjectId: string; values: Record<string, unknown> }>, now: Date): Promise<void> {
  const payload = JSON.stringify(rows.map((r) => ({ subject_id: r.subjectId, data: r.values, content_hash: contentHash(r.values as never) })));
  await client.query(
    `WITH input AS (SELECT * FROM jsonb_to_recordset($1::jsonb) AS x(subject_id text, data jsonb, content_hash text)),
     inserted AS (
       INSERT INTO record (resource_type_code, subject_id, version, data, content_hash, changed_by, changed_at)
       SELECT $2, subject_id, 1, data, content_hash, $3, $4 FROM input ON CONFLICT DO NOTHING RETURNING subject_id, data)
     INSERT INTO record_version (resource_type_code, subject_id, version, data, changed_by, changed_at)
     SELECT $2, subject_id, 1, data, $3, $4 FROM inserted`,
    [payload, code, SEEDED_BY, now],
  );
}

async function insertGrant(client: PoolClient, def: ResourceTypeDefinition, consumerCode: string, now: Date, purposes = [DEMO_PURPOSE], fields?: string[]): Promise<void> {
  const rules = def.fields.filter((f) => (fields ? fields.includes(f.name) : f.sharing === 'UNCONDITIONAL')).map((f) => ({ field: f.name, effect: 'ALLOW' }));
  const id = randomUUID();
  const until = new Date(now.getTime() + 3 * 365 * 24 * 3600_000);
  await client.query(
    `INSERT INTO access_grant (id, version, consumer_code, client_id, resource_type_code, provider_code, rules, purposes, valid_from, valid_until, status, changed_by, changed_at)
     VALUES ($1, 1, $2, NULL, $3, $4, $5::jsonb, $6, $7, $8, 'ACTIVE', $9, $7)`,
    [id, consumerCode, def.code, def.providerCode, JSON.stringify(rules), purposes, now, until, SEEDED_BY],
  );
  await client.query(`INSERT INTO access_grant_version (grant_id, version, snapshot, changed_by, changed_at) VALUES ($1, 1, $2::jsonb, $3, $4)`, [
    id,
    JSON.stringify({ status: 'ACTIVE', rules, purposes, validFrom: now.toISOString(), validUntil: until.toISOString() }),
    SEEDED_BY,
    now,
  ]);
}

export async function seedDemoCatalog(client: PoolClient, persons: DemoPerson[], organizations: DemoOrganization[], progress: Progress, now: Date): Promise<number> {
  const all = DEMO_RESOURCE_TYPES.map((def) => ({ def, rows: generateDemoRecords(def.code, persons, organizations) }));
  progress.start('demo records', all.reduce((n, t) => n + t.rows.length, 0));
  for (const { def, rows } of all) {
    await insertResourceType(client, def, now);
    for (let i = 0; i < rows.length; i += BATCH) {
      const batch = rows.slice(i, i + BATCH);
      await insertRecords(client, def.code, batch, now);
      progress.advance(batch.length);
    }
  }
  progress.stop();
  for (const g of DEMO_GRANTS) {
    const def = DEMO_RESOURCE_TYPES.find((d) => d.code === g.resourceType);
    if (def) await insertGrant(client, def, codeOf(g.consumer), now);
  }
  await seedDemoServiceItems(client, now);
  return all.reduce((n, t) => n + t.rows.length, 0);
}

/**
 * The demo service items, and the service center's grants for some of their materials (for the item's code
 * as purpose): enough that some materials resolve and others name the access request that would remove them.
 */
async function seedDemoServiceItems(client: PoolClient, now: Date): Promise<void> {
  for (const item of DEMO_SERVICE_ITEMS) {
    await client.query(
      `INSERT INTO service_item (code, name, name_en, department_code, materials, version, changed_by, changed_at) VALUES ($1, $2, $3, $4, $5::jsonb, 1, $6, $7) ON CONFLICT DO NOTHING`,
      [item.code, item.name, item.nameEn, item.departmentCode, JSON.stringify(item.materials), SEEDED_BY, now],
    );
    await client.query(`INSERT INTO service_item_version (service_item_code, version, definition, changed_by, changed_at) VALUES ($1, 1, $2::jsonb, $3, $4) ON CONFLICT DO NOTHING`, [
      item.code,
      JSON.stringify(item),
      SEEDED_BY,
      now,
    ]);
  }
  const center = codeOf('service-center');
  const granted: Array<[string, string[]]> = [
    ['household_registration', ['public_rental_housing', 'household_transfer_after_marriage', 'retirement_pension_application']],
    ['marriage_registration', ['public_rental_housing']],
    ['business_registration', ['enterprise_change_registration']],
  ];
  for (const [code, purposes] of granted) {
    const def = DEMO_RESOURCE_TYPES.find((d) => d.code === code)!;
    const fields = [...new Set(DEMO_SERVICE_ITEMS.flatMap((i) => i.materials).filter((m) => m.typeCode === code).flatMap((m) => [...m.fields, ...(m.condition ? [m.condition.field] : [])]))];
    await insertGrant(client, def, center, now, purposes, fields);
  }
}
