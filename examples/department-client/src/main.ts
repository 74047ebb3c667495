// A department system's job, as its developers would write it: read the household registrations of a list of
// subjects for a purpose and a case, verify a certificate, and handle the hub's errors by `extensions.code`
// (docs/integration.md). Prints a JSON summary on stdout; what it had to leave out is reported on stderr.
//
//   SHAREHUB_URL=http://127.0.0.1:4000/graphql SHAREHUB_TOKEN=$(npx sharehub token --client <id>) \
//   SHAREHUB_PURPOSE=demo SHAREHUB_CASE=HJ-2026-0042 node dist/src/main.js <subject id> <subject id> …
import { HubClient, HubRequestError, type HubError } from './client.js';
import { HouseholdRecords, VerifyCertificate } from './operations.js';

/** The hub answers at most this many subjects per request. */
const MAX_SUBJECTS_PER_REQUEST = 1000;

interface Summary {
  purpose: string;
  caseNumber: string;
  subjectsAsked: number;
  /** Records answered (possibly with some fields withheld). */
  recordsServed: number;
  /** No record, or a record none of our grants covers: the hub does not tell the two apart. */
  recordsNull: number;
  /** Records a provider's live source could not give now (SOURCE_UNAVAILABLE): ask again later. */
  recordsUnavailable: number;
  /** Fields withheld (FIELD_FORBIDDEN), in all records; by field name below. */
  fieldsWithheld: number;
  withheldByField: Record<string, number>;
  /** Providers whose live source failed, with the resource type. */
  unavailableSources: Array<{ provider: string; resourceType: string | null }>;
  /** Resource types served from the provider's published copy because its live source was down: maybe older. */
  publishedCopies: string[];
  /** Any other error beside the data, by code. */
  otherErrors: Record<string, number>;
  certificate: { identifier: string; status: string; authentic: boolean; type: string | null; issuer: string | null } | { identifier: string; error: string[] };
  requestIds: string[];
}

function env(name: string, fallback?: string): string {
  const value = process.env[name] ?? fallback;
  if (value === undefined || value === '') {
    process.stderr.write(`${name} is not set\n`);
    process.exit(2);
  }
  return value;
}

const report = (line: string) => process.stderr.write(`${line}\n`);
const count = (tally: Record<string, number>, key: string) => (tally[key] = (tally[key] ?? 0) + 1);

async function main(): Promise<void> {
  const subjects = (process.argv.length > 2 ? process.argv.slice(2) : (process.env.SHAREHUB_SUBJECTS ?? '').split(/[\s,]+/)).filter(Boolean);
  if (subjects.length === 0) {
    report('usage: main.js <subject id>… (or SHAREHUB_SUBJECTS="id,id,…")');
    process.exit(2);
  }
  const purpose = env('SHAREHUB_PURPOSE', 'demo');
  const caseNumber = env('SHAREHUB_CASE');
  const identifier = env('SHAREHUB_CERTIFICATE', 'JHZ.11330100MBDEM00314.0000000001.01.X');
  const hub = new HubClient({ url: env('SHAREHUB_URL', 'http://127.0.0.1:4000/graphql'), token: env('SHAREHUB_TOKEN'), purpose, caseNumber });

  const summary: Summary = {
    purpose,
    caseNumber,
    subjectsAsked: subjects.length,
    recordsServed: 0,
    recordsNull: 0,
    recordsUnavailable: 0,
    fieldsWithheld: 0,
    withheldByField: {},
    unavailableSources: [],
    publishedCopies: [],
    otherErrors: {},
    certificate: { identifier, error: [] },
    requestIds: [],
  };

  for (let start = 0; start < subjects.length; start += MAX_SUBJECTS_PER_REQUEST) {
    const batch = subjects.slice(start, start + MAX_SUBJECTS_PER_REQUEST);
    const result = await hub.execute(HouseholdRecords, { subjectIds: batch });
    if (result.requestId) summary.requestIds.push(result.requestId);
    const records = result.data?.householdRegistrations ?? [];
    const unavailable = new Set<number>();
    for (const error of result.errors) handleError(error, start, unavailable, summary);
    for (const type of result.fallbacks) {
      if (!summary.publishedCopies.includes(type)) summary.publishedCopies.push(type);
      report(`served from the published copy: ${type} (its live source is down; the data may be older)`);
    }
    records.forEach((record, i) => {
      if (record) summary.recordsServed += 1;
      else if (!unavailable.has(i)) summary.recordsNull += 1;
    });
    // Use what was served: here, the records whose address we may read, the others by name and district only.
  }

  try {
    const result = await hub.execute(VerifyCertificate, { identifier });
    if (result.requestId) summary.requestIds.push(result.requestId);
    const v = result.data!.verifyCertificate;
    summary.certificate = { identifier: v.identifier, status: v.status, authentic: v.authentic, type: v.certificateType?.code ?? null, issuer: v.issuer?.name ?? null };
  } catch (error) {
    if (!(error instanceof HubRequestError)) throw error;
    // BAD_USER_INPUT: a malformed identifier or a wrong check character; the message names it.
    report(`certificate ${identifier} not verified: ${error.message}`);
    summary.certificate = { identifier, error: error.codes };
  }

  if (summary.fieldsWithheld > 0) {
    report(`withheld for purpose ${purpose}: ${Object.keys(summary.withheldByField).join(', ')}; a data administrator asks for them with requestAccess`);
  }
  process.stdout.write(`${JSON.stringify(summary)}\n`);
}

/** One error beside the data of the records read from `offset` on; `path` is ['householdRegistrations', index, field?]. */
function handleError(error: HubError, offset: number, unavailable: Set<number>, summary: Summary): void {
  const code = error.extensions?.code ?? 'UNKNOWN';
  const [, index, field] = error.path ?? [];
  const where = (error.path ?? []).map((p) => (typeof p === 'number' && p === index ? offset + p : p)).join('.');
  switch (code) {
    case 'FIELD_FORBIDDEN': {
      // The field is null; the rest of the record stands.
      const name = typeof field === 'string' ? field : String(error.extensions?.field ?? 'unknown');
      summary.fieldsWithheld += 1;
      count(summary.withheldByField, name);
      report(`withheld: ${where} (FIELD_FORBIDDEN)`);
      break;
    }
    case 'SOURCE_UNAVAILABLE': {
      // The provider's live source failed: these records are null for now, not missing. Retry later.
      if (typeof index === 'number') unavailable.add(index);
      summary.recordsUnavailable += 1;
      const provider = String(error.extensions?.provider ?? 'unknown');
      const resourceType = typeof error.extensions?.resourceType === 'string' ? error.extensions.resourceType : null;
      if (!summary.unavailableSources.some((s) => s.provider === provider && s.resourceType === resourceType)) summary.unavailableSources.push({ provider, resourceType });
      report(`unavailable: ${where} (SOURCE_UNAVAILABLE from provider ${provider}; retry later)`);
      break;
    }
    default:
      count(summary.otherErrors, code);
      report(`error at ${where || '(request)'}: ${code}: ${error.message}`);
  }
}

main().catch((error: unknown) => {
  if (error instanceof HubRequestError) {
    // Refused as a whole. UNAUTHENTICATED: get a new token; PURPOSE_REQUIRED: send the purpose; FORBIDDEN: no grant
    // for the type and purpose (request access); DOCUMENT_NOT_FOUND / TRUSTED_DOCUMENT_REQUIRED: have the operator
    // register src/gql/persisted-documents.json for this client.
    report(error.message);
    process.stdout.write(`${JSON.stringify({ error: { codes: error.codes, status: error.status, requestId: error.requestId } })}\n`);
  } else {
    report(error instanceof Error ? (error.stack ?? error.message) : String(error));
  }
  process.exit(1);
});
