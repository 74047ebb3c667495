// The record benches' shared data, made once per run: a resource type published through the hub, an UNCONDITIONAL
// grant for hrss (requestAccess), and 1,000,000 records of that type, of which 1,000 (valid resident IDs) are queried.
import pg from 'pg';
import { listQueryNameOf, singleQueryNameOf } from '../src/catalog/naming.js';
import { generatePersons, type DemoPerson } from '../src/demo/subjects.js';
import { contentHash } from '../src/services/records.js';
import { startBenchHub, type BenchDatabase } from './setup.js';

export const FIXTURE_RECORDS = 1_000_000;
/** Records with a valid resident ID, spread evenly over the table: the only ones the benches ask for. */
export const QUERIED_SUBJECTS = 1_000;
const CODE = 'bench_household';
const PURPOSE = 'SI-BENCH-0001';
const PROVIDER_ADMIN = 'psb-admin';
const CONSUMER_ADMIN = 'hrss-admin';
/** The consumer's system client that the benches read as (its department, hrss, holds the grant). */
const CONSUMER_CLIENT = 'hrss-system';
const CHANGED_BY = 'bench';
/** A seed of its own, so the queried subjects are not the demo seed's persons. */
const PERSON_SEED = 40_400;
/** The UNCONDITIONAL fields the consumer requests (granted at once) and the benches select. */
const GRANTED_FIELDS = ['name', 'gender', 'districtCode'] as const;

export interface RecordFixture {
  code: string;
  /** `benchHousehold(subjectId:)` */
  singleQueryName: string;
  /** `benchHouseholds(subjectIds:)` */
  listQueryName: string;
  /** The purpose the grant names: the value of the x-sharehub-purpose header. */
  purpose: string;
  /** The consumer's client, whose department holds the grant. */
  consumerClientId: string;
  /** Catalog fields the grant allows, in selection order. */
  fields: readonly string[];
  /** Valid resident ID numbers that have a record, in table order. */
  subjectIds: readonly string[];
}

const PUBLISH = `mutation P($input: PublishResourceTypeInput!) { publishResourceType(input: $input) { resourceType { code } } }`;
const REQUEST_ACCESS = `mutation R($input: RequestAccessInput!) { requestAccess(input: $input) { accessRequest { id grants { state } } } }`;

function definition() {
  const field = (name: string, nameZh: string, type: string, sharing: string, required: boolean, extra: Record<string, unknown> = {}) => ({
    name,
    nameZh,
    type,
    sharing,
    required,
    description: `${nameZh}.`,
    ...extra,
  });
  return {
    code: CODE,
    nameZh: '基准户籍',
    nameEn: 'Bench household registration',
    subjectKind: 'PERSON',
    description: 'A household-like resource type made by the record benches.',
    fields: [
      field('name', '姓名', 'STRING', 'UNCONDITIONAL', true),
      field('gender', '性别', 'ENUM', 'UNCONDITIONAL', true, { enumValues: ['MALE', 'FEMALE'] }),
      field('districtCode', '行政区划', 'STRING', 'UNCONDITIONAL', true),
      field('address', '住址', 'STRING', 'CONDITIONAL', false),
      field('birthDate', '出生日期', 'DATE', 'CONDITIONAL', false),
      field('householdSize', '户人数', 'INT', 'CONDITIONAL', false),
    ],
  };
}

async function graphql(url: string, token: string, query: string, variables: Record<string, unknown>): Promise<unknown> {
  const res = await fetch(`${url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
    body: JSON.stringify({ query, variables }),
  });
  const body = (await res.json()) as { data?: unknown; errors?: unknown };
  if (res.status !== 200 || body.errors) throw new Error(`record fixture: HTTP ${res.status} ${JSON.stringify(body.errors ?? body)}`);
  return body.data;
}

/** Publishes the type as psb and requests its UNCONDITIONAL fields as hrss, through a hub as any department would. */
async function publishAndGrant(database: BenchDatabase): Promise<void> {
  const hub = await startBenchHub(database);
  try {
    await graphql(hub.url, await database.issuer.signClientToken(PROVIDER_ADMIN, 600), PUBLISH, { input: definition() });
    // The hub swaps its catalog when the change notification arrives; reload now rather than race it.
    await hub.refreshCatalog();
    const validUntil = new Date(Date.now() + 365 * 24 * 3600_000).toISOString();
    const data = (await graphql(hub.url, await database.issuer.signClientToken(CONSUMER_ADMIN, 600), REQUEST_ACCESS, {
      input: { resourceType: CODE, fields: [...GRANTED_FIELDS], purposes: [PURPOSE], justification: 'record benches', validUntil },
    })) as { requestAccess: { accessRequest: { grants: Array<{ state: string }> } } };
    const states = data.requestAccess.accessRequest.grants.map((g) => g.state);
    if (!states.includes('ACTIVE')) throw new Error(`record fixture: requestAccess made no ACTIVE grant (${states.join(', ') || 'none'})`);
  } finally {
    await hub.close();
  }
}

function valuesOf(person: DemoPerson, index: number) {
  return {
    name: person.name,
    gender: person.gender,
    districtCode: person.regionCode,
    address: `${person.regionName}文三路${1 + (index % 999)}号`,
    birthDate: person.birthDate,
    householdSize: 1 + (index % 6),
  };
}

/**
 * One INSERT ... SELECT over generate_series: row n is a queried person where a payload entry names n, otherwise
 * filler (an 18-character id no query uses, household-like data of similar size).
 */
const INSERT_SQL = `
INSERT INTO record (resource_type_code, subject_id, version, data, content_hash, changed_by, changed_at)
SELECT $2, COALESCE(q.subject_id, 'F' || lpad(g::text, 17, '0')), 1,
       COALESCE(q.data, jsonb_build_object(
         'name', '填充' || g, 'gender', CASE WHEN g % 2 = 0 THEN 'FEMALE' ELSE 'MALE' END, 'districtCode', '330106',
         'address', '杭州市西湖区文三路' || (g % 999 + 1) || '号', 'birthDate', '1980-01-01', 'householdSize', g % 6 + 1)),
       COALESCE(q.content_hash, md5(g::text) || md5('filler' || g)), $3, $4
FROM generate_series($5::int, $6::int) AS g
LEFT JOIN jsonb_to_recordset($1::jsonb) AS q(n int, subject_id text, data jsonb, content_hash text) ON q.n = g`;

async function insertRecords(databaseUrl: string, persons: readonly DemoPerson[]): Promise<void> {
  const spread = FIXTURE_RECORDS / persons.length;
  const payload = persons.map((p, i) => {
    const data = valuesOf(p, i);
    return { n: Math.floor(i * spread + spread / 2), subject_id: p.idNumber, data, content_hash: contentHash(data) };
  });
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    await insertRows(client, payload, 1, FIXTURE_RECORDS);
    await settle(client, FIXTURE_RECORDS);
  } finally {
    await client.end();
  }
}

/** Rows `from` to `to` of the table: queried persons where the payload names them, filler elsewhere. */
async function insertRows(client: pg.Client, payload: unknown[], from: number, to: number): Promise<void> {
  await client.query(INSERT_SQL, [JSON.stringify(payload), CODE, CHANGED_BY, new Date('2026-01-15T08:00:00.000Z'), from, to]);
}

/** After the inserts: the table vacuumed and analyzed, and checked to hold `total` records of the type. */
async function settle(client: pg.Client, total: number): Promise<void> {
  // Statistics for the planner and hint bits set, so the first measured run does not pay for them.
  await client.query('VACUUM (ANALYZE) record');
  const { rows } = await client.query<{ n: number }>('SELECT count(*)::int AS n FROM record WHERE resource_type_code = $1', [CODE]);
  if (rows[0]?.n !== total) throw new Error(`record fixture: ${rows[0]?.n ?? 0} records of ${CODE}, not ${total}`);
}

/**
 * Grows the fixture's table to `total` records with filler (`npm run bench:scale`), a million rows per statement,
 * saying how far it got after each.
 */
export async function growRecords(database: BenchDatabase, total: number, say: (line: string) => void): Promise<void> {
  const client = new pg.Client({ connectionString: database.url });
  await client.connect();
  try {
    const { rows } = await client.query<{ n: number }>('SELECT count(*)::int AS n FROM record WHERE resource_type_code = $1', [CODE]);
    const started = Date.now();
    for (let from = (rows[0]?.n ?? 0) + 1; from <= total; from += FIXTURE_RECORDS) {
      const to = Math.min(total, from + FIXTURE_RECORDS - 1);
      await insertRows(client, [], from, to);
      say(`  record fixture: ${to.toLocaleString('en')} of ${total.toLocaleString('en')} records (${((Date.now() - started) / 1000).toFixed(0)} s)`);
    }
    await settle(client, total);
  } finally {
    await client.end();
  }
}

async function makeFixture(database: BenchDatabase, say: (line: string) => void): Promise<RecordFixture> {
  const started = Date.now();
  say(`  record fixture: publishing ${CODE}, an UNCONDITIONAL grant for hrss, ${FIXTURE_RECORDS.toLocaleString('en')} records ...`);
  await publishAndGrant(database);
  const persons = generatePersons(QUERIED_SUBJECTS, PERSON_SEED);
  await insertRecords(database.url, persons);
  say(`  record fixture: ready in ${((Date.now() - started) / 1000).toFixed(1)} s`);
  return {
    code: CODE,
    singleQueryName: singleQueryNameOf(CODE),
    listQueryName: listQueryNameOf(CODE),
    purpose: PURPOSE,
    consumerClientId: CONSUMER_CLIENT,
    fields: GRANTED_FIELDS,
    subjectIds: persons.map((p) => p.idNumber),
  };
}

/** Made by the first bench that asks, on that run's database; later benches get the same (a failure too). */
const fixtures = new WeakMap<BenchDatabase, Promise<RecordFixture>>();

export function recordFixture(database: BenchDatabase, say: (line: string) => void): Promise<RecordFixture> {
  let fixture = fixtures.get(database);
  if (!fixture) {
    fixture = makeFixture(database, say);
    fixtures.set(database, fixture);
  }
  return fixture;
}
