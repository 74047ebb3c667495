// Bench `application` (issue 8): prepareApplication of a demo service item through the hub against the same materials
// read directly through the same hub, one request per material. The direct side's figure is applications per second
// done as those separate reads, one after another: 1 / Σ(1 / r_i) of the reads' throughputs. The item's certificate
// (type, grant, licence) is made through the hub, as the certificate bench makes its own.
import { isDeepStrictEqual } from 'node:util';
import pg from 'pg';
import type { Material } from '../entities/ServiceItem.js';
import { faceTypeNameOf } from '../src/catalog/certificateType.js';
import { singleQueryNameOf } from '../src/catalog/naming.js';
import { DEMO_CERTIFICATE_TYPES } from '../src/demo/certificates.js';
import { DEMO_SERVICE_ITEMS } from '../src/demo/serviceItems.js';
import type { Bench, BenchOptions, BenchReport } from './bench.js';
import { compareAlternately } from './compare.js';
import { measureLoad, sequenceBody, type LoadFigure, type LoadRequest } from './load.js';
import { startBenchHub, type BenchDatabase, type BenchHub } from './setup.js';

const TARGET = 0.9;
/** Two materials: a business licence (CERTIFICATE) and the registration's legal representative (RECORD). */
const ITEM_CODE = 'enterprise_change_registration';
/** The certificate type of the item's certificate material. */
const LICENCE = 'business_licence';
/** The service center's window, which prepares applications and reads the materials. */
const CLERK = 'window-clerk';

const PREPARE = `mutation P($item: String!, $id: String!, $case: String!) {
  prepareApplication(serviceItemCode: $item, applicantId: $id, caseNumber: $case) {
    caseNumber satisfiedCount receipt materials { key outcome reason explanation recordVersion certificateIdentifier values } } }`;

/** The first organization whose registration says OPERATING (the legal representative material's condition). */
const APPLICANT_SQL = `SELECT subject_id, data FROM record WHERE resource_type_code = 'business_registration' AND data->>'status' = 'OPERATING' ORDER BY subject_id LIMIT 1`;

interface MaterialResult {
  key: string;
  outcome: string;
  reason: string | null;
  explanation: string;
  recordVersion: number | null;
  certificateIdentifier: string | null;
  values: Record<string, unknown> | null;
}

/** One material read the way a window would without prepareApplication, and the data that read must answer. */
interface DirectRead {
  label: string;
  request: LoadRequest;
  expected: Record<string, unknown>;
}

async function findApplicant(database: BenchDatabase): Promise<{ id: string; registration: Record<string, unknown> }> {
  const client = new pg.Client({ connectionString: database.url });
  await client.connect();
  try {
    const { rows } = await client.query<{ subject_id: string; data: Record<string, unknown> }>(APPLICANT_SQL);
    const row = rows[0];
    if (!row) throw new Error('application: the demo seed has no business registration that is OPERATING');
    return { id: row.subject_id, registration: row.data };
  } finally {
    await client.end();
  }
}

function post(baseUrl: string, token: string, body: Record<string, unknown>, purpose?: string): LoadRequest {
  return {
    url: `${baseUrl}/graphql`,
    method: 'POST',
    headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json', ...(purpose === undefined ? {} : { 'x-sharehub-purpose': purpose }) },
    body: JSON.stringify(body),
  };
}

/** The data of one answer; throws when it is not 200 or carries GraphQL errors. */
async function ask(request: LoadRequest): Promise<Record<string, unknown>> {
  const res = await fetch(request.url, { method: request.method, headers: request.headers, body: request.bodySequence ? sequenceBody(request.bodySequence, Date.now()) : (request.body ?? null) });
  const body = (await res.json()) as { data?: Record<string, unknown> | null; errors?: unknown };
  if (res.status !== 200 || body.errors !== undefined || !body.data) throw new Error(`application: ${request.url} answered ${res.status}: ${JSON.stringify(body.errors ?? body)}`);
  return body.data;
}

/**
 * The bench database is seeded without certificates, so the item's certificate material is made as its issuer
 * would: amr publishes the demo business_licence type, the service center requests its UNCONDITIONAL face fields
 * for the item (granted at once), and amr issues the applicant a licence whose face is its registration's.
 */
async function issueLicence(hub: BenchHub, database: BenchDatabase, applicant: { id: string; registration: Record<string, unknown> }): Promise<void> {
  const type = DEMO_CERTIFICATE_TYPES.find((t) => t.code === LICENCE);
  if (!type) throw new Error(`application: no demo certificate type ${LICENCE}`);
  const as = async (client: string, query: string, variables: Record<string, unknown>) => ask(post(hub.url, await database.issuer.signClientToken(client, 600), { query, variables }));
  const { code, identifierCode, nameZh, nameEn, holderKind, description, defaultValidityDays, fields } = type;
  await as('amr-admin', `mutation P($input: PublishCertificateTypeInput!) { publishCertificateType(input: $input) { certificateType { code } } }`, {
    input: { code, identifierCode, nameZh, nameEn, holderKind, description, defaultValidityDays, fields },
  });
  // The hub swaps its catalog when the change notification arrives; reload now rather than race it.
  await hub.refreshCatalog();
  await as('service-center-admin', `mutation R($input: RequestAccessInput!) { requestAccess(input: $input) { accessRequest { id } } }`, {
    input: {
      resourceType: LICENCE,
      fields: type.fields.filter((f) => f.sharing === 'UNCONDITIONAL').map((f) => f.name),
      purposes: [ITEM_CODE],
      justification: 'application bench',
      validUntil: new Date(Date.now() + 24 * 3600_000).toISOString(),
    },
  });
  const face = Object.fromEntries(type.fields.map((f) => [f.name, applicant.registration[f.name] ?? null]));
  await as('amr-system', `mutation I($input: IssueCertificateInput!, $key: String!) { issueCertificate(input: $input, idempotencyKey: $key) { certificate { identifier } } }`, {
    key: 'bench-application-1',
    input: { certificateType: LICENCE, holder: { idType: 'CREDIT_CODE', idNumber: applicant.id, name: String(applicant.registration.name) }, face },
  });
}

/**
 * A new case number for every request (load.ts `bodySequence`): a case belongs to one application, and repeating one
 * would have every request update the same application row (its receipt), so the bench would measure that row's lock.
 */
/** Where a request's case number goes in the body template. */
const CASE_NUMBER = '@CASE@';

function prepareRequest(baseUrl: string, token: string, applicantId: string): LoadRequest {
  const template = JSON.stringify({ query: PREPARE, variables: { item: ITEM_CODE, id: applicantId, case: `BENCH-${CASE_NUMBER}` } });
  return { ...post(baseUrl, token, {}), body: template, bodySequence: { template, placeholder: CASE_NUMBER } };
}

/**
 * A record material: the record query of its type with its fields. A certificate material: verifyCertificate of the
 * certificate it resolved to (the direct side is given the identifier; prepareApplication finds it by the holder).
 */
function directRead(baseUrl: string, token: string, applicantId: string, material: Material, result: MaterialResult): DirectRead {
  if (material.source === 'RECORD') {
    const name = singleQueryNameOf(material.typeCode);
    const query = `query R($id: ID!) { ${name}(subjectId: $id) { version ${material.fields.join(' ')} } }`;
    return {
      label: name,
      request: post(baseUrl, token, { query, variables: { id: applicantId } }, ITEM_CODE),
      expected: { [name]: { version: result.recordVersion, ...result.values } },
    };
  }
  const face = result.values ?? {};
  const query = `query V($id: String) { verifyCertificate(identifier: $id) { identifier authentic status face { ... on ${faceTypeNameOf(material.typeCode)} { ${Object.keys(face).join(' ')} } } } }`;
  return {
    label: 'verifyCertificate',
    request: post(baseUrl, token, { query, variables: { id: result.certificateIdentifier } }, ITEM_CODE),
    expected: { verifyCertificate: { identifier: result.certificateIdentifier, authentic: true, status: 'VALID', face } },
  };
}

/** The check before any load run: every material SATISFIED, and each direct read answering the data its material carries. */
async function checkSides(baseUrl: string, token: string, applicantId: string, subject: LoadRequest): Promise<DirectRead[]> {
  const item = DEMO_SERVICE_ITEMS.find((i) => i.code === ITEM_CODE);
  if (!item) throw new Error(`application: no demo service item ${ITEM_CODE}`);
  const { materials } = (await ask(subject)).prepareApplication as { materials: MaterialResult[] };
  const needed = materials.filter((m) => m.outcome !== 'SATISFIED');
  if (needed.length) throw new Error(`application: ${ITEM_CODE} for ${applicantId} has materials not SATISFIED: ${needed.map((m) => `${m.key} ${m.reason} (${m.explanation})`).join('; ')}`);
  const reads = item.materials.map((material) => {
    const result = materials.find((m) => m.key === material.key);
    if (!result) throw new Error(`application: prepareApplication answered no material ${material.key}`);
    return directRead(baseUrl, token, applicantId, material, result);
  });
  for (const read of reads) {
    const data = await ask(read.request);
    if (!isDeepStrictEqual(data, read.expected)) {
      throw new Error(`application: ${read.label} answers other data than its material:\n  direct   ${JSON.stringify(data)}\n  material ${JSON.stringify(read.expected)}`);
    }
  }
  return reads;
}

/**
 * The reads of one application done one after another: their times per read add up, so the throughput is
 * 1 / Σ(1 / r_i) and the p99 the sum of theirs. Requests, non-2xx answers, errors and timeouts are summed, so
 * one failing read makes the figure invalid.
 */
function sequentialFigure(figures: readonly LoadFigure[]): LoadFigure {
  const sum = (pick: (f: LoadFigure) => number) => figures.reduce((total, f) => total + pick(f), 0);
  const statusCounts: Record<string, number> = {};
  for (const f of figures) for (const [status, count] of Object.entries(f.statusCounts)) statusCounts[status] = (statusCounts[status] ?? 0) + count;
  const isEveryReadDone = figures.every((f) => f.requestsPerSecond > 0);
  return {
    requestsPerSecond: isEveryReadDone ? 1 / sum((f) => 1 / f.requestsPerSecond) : 0,
    p99Ms: sum((f) => f.p99Ms),
    requests: sum((f) => f.requests),
    non2xx: sum((f) => f.non2xx),
    errors: sum((f) => f.errors),
    timeouts: sum((f) => f.timeouts),
    statusCounts,
  };
}

async function run({ database, plan, rounds, say }: BenchOptions): Promise<BenchReport> {
  const applicant = await findApplicant(database);
  const token = await database.issuer.signClientToken(CLERK, 3_600);
  const hub = await startBenchHub(database);
  try {
    await issueLicence(hub, database, applicant);
    const subject = prepareRequest(hub.url, token, applicant.id);
    const reads = await checkSides(hub.url, token, applicant.id, subject);
    const line = (label: string, figure: LoadFigure) =>
      `${label}: ${Math.round(figure.requestsPerSecond)} req/s, p99 ${figure.p99Ms} ms, non-2xx ${figure.non2xx}, errors ${figure.errors + figure.timeouts}`;
    const direct = {
      label: 'direct reads',
      async measure() {
        const figures: LoadFigure[] = [];
        for (const read of reads) {
          const figure = await measureLoad(read.request, plan);
          say(`    ${line(read.label, figure)}`);
          figures.push(figure);
        }
        return sequentialFigure(figures);
      },
    };
    const prepare = { label: 'prepareApplication', measure: () => measureLoad(subject, plan) };
    const result = await compareAlternately(direct, prepare, rounds, (label, round, figure) => say(`  application ${line(`${label} run ${round}`, figure)}`));
    return {
      name: 'application',
      baseline: { label: direct.label, figure: result.baseline },
      subject: { label: prepare.label, figure: result.subject },
      ratio: result.ratio,
      roundRatios: result.roundRatios,
      target: TARGET,
    };
  } finally {
    await hub.close();
  }
}

export const applicationBench: Bench = {
  name: 'application',
  description:
    `prepareApplication(${ITEM_CODE}) of one organization as ${CLERK} (a new case number each request) vs the same materials read directly ` +
    'through the same hub, one request per material (record query, verifyCertificate): applications/s as 1 / Σ(1 / r_i)',
  run,
};
