// A mixed GraphQL load over HTTP as departments make it: record reads, lists of 100, certificate verifications,
// applications, audit searches and grant changes, each kind from a client of its own. Used by the soak (`npm run soak`)
// and by the test of several instances; every answer is kept with its request id, so audit events can be counted.
import { randomUUID } from 'node:crypto';
import { listQueryNameOf, singleQueryNameOf } from '../src/catalog/naming.js';
import { generatePersons } from '../src/demo/subjects.js';

export interface Body {
  data?: Record<string, unknown> | null;
  errors?: Array<{ message: string; extensions?: { code?: string } }>;
}

export interface Answer {
  kind: string;
  requestId: string;
  /** Milliseconds since the load's start when sent, and how long the answer took. */
  sentAt: number;
  ms: number;
  /** Null when no complete response arrived. */
  status: number | null;
  body: Body | null;
  /** Error codes of the answer ('NO_ANSWER' without one, 'HTTP_<status>' for a non-JSON body). */
  codes: string[];
}

/** Signs tokens for the demo clients (the development issuer). */
export interface Tokens {
  client(clientId: string): Promise<string>;
}

export interface Request {
  query: string;
  variables?: Record<string, unknown>;
  clientId: string;
  headers?: Record<string, string>;
}

/** One kind of request: how its n-th is made. */
export interface Kind {
  name: string;
  next(n: number): Request;
}

const PURPOSE = 'SI-LOAD-0001';
/** Reads of shared data state their purpose. */
export const READ_HEADERS = { 'x-sharehub-purpose': PURPOSE };
const REQUEST_ACCESS = `mutation R($input: RequestAccessInput!) { requestAccess(input: $input) { accessRequest { id grants { id } } } }`;
const PUBLISH_TYPE = `mutation P($input: PublishResourceTypeInput!) { publishResourceType(input: $input) { resourceType { code version } } }`;
const PUBLISH_CERT_TYPE = `mutation P($input: PublishCertificateTypeInput!) { publishCertificateType(input: $input) { certificateType { code } } }`;
const UPSERT = `mutation U($type: String!, $records: [RecordInput!]!) { upsertRecords(resourceType: $type, records: $records) { unchanged } }`;
const ISSUE = `mutation I($input: IssueCertificateInput!, $key: String!) { issueCertificate(input: $input, idempotencyKey: $key) { certificate { identifier kid } } }`;
export const SUSPEND_GRANT = `mutation S($id: ID!) { suspendGrant(grantId: $id, reason: "load") { grant { id state } } }`;
export const REINSTATE_GRANT = `mutation R($id: ID!) { reinstateGrant(grantId: $id) { grant { id state } } }`;
export const REVOKE_GRANT = `mutation V($id: ID!) { revokeGrant(grantId: $id, reason: "load") { grant { id state } } }`;
export const ROTATE_KEY = `mutation { rotateSigningKey { kid } }`;
export const VERIFY = `query V($id: String) { verifyCertificate(identifier: $id) { identifier authentic status } }`;

export function loadTypeDefinition(code: string, extraFields: Array<Record<string, unknown>> = []) {
  return {
    code,
    nameZh: '负载测试户籍',
    nameEn: 'Load test household',
    subjectKind: 'PERSON',
    description: 'A resource type for load.',
    fields: [
      { name: 'name', nameZh: '姓名', type: 'STRING', sharing: 'UNCONDITIONAL', required: true, description: 'Full name.' },
      { name: 'gender', nameZh: '性别', type: 'ENUM', enumValues: ['MALE', 'FEMALE'], sharing: 'UNCONDITIONAL', required: true, description: 'Gender.' },
      { name: 'districtCode', nameZh: '行政区划', type: 'STRING', sharing: 'UNCONDITIONAL', required: true, description: 'Region code.' },
      ...extraFields,
    ],
  };
}

function certTypeDefinition(code: string, identifierCode: string) {
  return {
    code,
    identifierCode,
    nameZh: '负载测试许可证',
    nameEn: 'Load test permit',
    holderKind: 'PERSON',
    description: 'A certificate type for load.',
    defaultValidityDays: 365,
    fields: [{ name: 'title', nameZh: '许可事项', type: 'STRING', sharing: 'UNCONDITIONAL', required: true, description: 'What is permitted.' }],
  };
}

export class GraphQLCaller {
  constructor(
    private readonly url: string,
    private readonly tokens: Tokens,
  ) {}

  async call(request: Request, requestId = `load-${randomUUID()}`): Promise<{ status: number | null; body: Body | null; requestId: string }> {
    const token = await this.tokens.client(request.clientId);
    try {
      const res = await fetch(this.url, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${token}`, 'x-request-id': requestId, ...request.headers },
        body: JSON.stringify({ query: request.query, variables: request.variables }),
      });
      const text = await res.text();
      try {
        return { status: res.status, body: JSON.parse(text) as Body, requestId };
      } catch {
        return { status: res.status, body: null, requestId };
      }
    } catch {
      return { status: null, body: null, requestId };
    }
  }

  /** A setup call: its data, or an error naming what failed. */
  async ok(request: Request, what: string): Promise<Record<string, any>> {
    const { status, body } = await this.call(request, `setup-${randomUUID()}`);
    if (status !== 200 || body?.errors || !body?.data) throw new Error(`${what}: ${status} ${JSON.stringify(body?.errors ?? body)}`);
    return body.data;
  }
}

/** What the load reads and changes, made through GraphQL like any department would. */
export interface World {
  type: string;
  subjects: string[];
  certificates: string[];
  /** Grants (of civil affairs) the grant-change kind suspends and reinstates: one per loop or task that changes grants. */
  flipGrants: string[];
  /** A grant held for the readers (the several-instances test revokes it). */
  readerGrant: string;
}

export async function prepareWorld(caller: GraphQLCaller, options: { records?: number; flipGrants?: number } = {}): Promise<World> {
  const tag = randomUUID().slice(0, 8);
  const type = `load_${tag}`;
  await caller.ok({ clientId: 'psb-admin', query: PUBLISH_TYPE, variables: { input: loadTypeDefinition(type) } }, 'publish the load type');
  const persons = generatePersons(options.records ?? 200, 50_000 + Math.floor(Math.random() * 100_000));
  for (let i = 0; i < persons.length; i += 100) {
    const records = persons.slice(i, i + 100).map((p) => ({ subjectId: p.idNumber, fields: { name: p.name, gender: p.gender, districtCode: '330106' } }));
    await caller.ok({ clientId: 'psb-system', query: UPSERT, variables: { type, records } }, 'upsert load records');
  }
  const ask = async (fields: string[], admin = 'hrss-admin') =>
    (
      await caller.ok(
        { clientId: admin, query: REQUEST_ACCESS, variables: { input: { resourceType: type, fields, purposes: [PURPOSE], justification: 'load', validUntil: '2031-01-01T00:00:00Z' } } },
        'request access',
      )
    ).requestAccess.accessRequest.grants[0].id as string;
  const readerGrant = await ask(['name', 'gender', 'districtCode']);
  const flipGrants: string[] = [];
  // Another department's: changing them never touches what the readers (hrss) may read.
  for (let i = 0; i < (options.flipGrants ?? 1); i += 1) flipGrants.push(await ask(['name'], 'civil-affairs-admin'));
  const certType = `load_cert_${tag}`;
  const identifierCode = `L${tag.slice(0, 6).toUpperCase()}`;
  await caller.ok({ clientId: 'amr-admin', query: PUBLISH_CERT_TYPE, variables: { input: certTypeDefinition(certType, identifierCode) } }, 'publish the load certificate type');
  const certificates: string[] = [];
  for (const p of persons.slice(0, 5)) {
    const data = await caller.ok(
      { clientId: 'amr-system', query: ISSUE, variables: { input: { certificateType: certType, holder: { idType: 'RESIDENT_ID', idNumber: p.idNumber, name: p.name }, face: { title: '负载' } }, key: randomUUID() } },
      'issue a load certificate',
    );
    certificates.push(data.issueCertificate.certificate.identifier);
  }
  return { type, subjects: persons.map((p) => p.idNumber), certificates, flipGrants, readerGrant };
}

const pick = <T>(list: readonly T[], n: number): T => list[n % list.length]!;

/** The mixed load's kinds over a world. `flipGrant` picks the grant a grant-change loop works on. */
export function mixedKinds(world: World): Record<string, Kind> {
  const one = singleQueryNameOf(world.type);
  const many = listQueryNameOf(world.type);
  const read = READ_HEADERS;
  return {
    recordRead: {
      name: 'recordRead',
      next: (n) => ({ clientId: 'hrss-system', headers: read, query: `query R($id: ID!) { ${one}(subjectId: $id) { subjectId name gender districtCode } }`, variables: { id: pick(world.subjects, n) } }),
    },
    list100: {
      name: 'list100',
      next: (n) => {
        const start = (n * 7) % Math.max(1, world.subjects.length - 100);
        return { clientId: 'hrss-system', headers: read, query: `query L($ids: [ID!]!) { ${many}(subjectIds: $ids) { subjectId name } }`, variables: { ids: world.subjects.slice(start, start + 100) } };
      },
    },
    verification: {
      name: 'verification',
      next: (n) => ({ clientId: 'amr-system', headers: read, query: VERIFY, variables: { id: pick(world.certificates, n) } }),
    },
    application: {
      name: 'application',
      next: (n) => ({
        clientId: 'window-clerk',
        query: `mutation P($item: String!, $id: String!, $case: String!) { prepareApplication(serviceItemCode: $item, applicantId: $id, caseNumber: $case) { caseNumber } }`,
        variables: { item: 'household_transfer_after_marriage', id: pick(world.subjects, n), case: `LOAD-${randomUUID()}` },
      }),
    },
    auditSearch: {
      name: 'auditSearch',
      next: () => ({ clientId: 'auditor', query: `{ auditEvents(first: 20) { edges { node { seq action outcome } } } }` }),
    },
    grantChange: grantChangeKind('grantChange', world.flipGrants[0]!),
  };
}

/** Suspend, then reinstate: the grant alternates (one loop per grant, starting ACTIVE, so every change is allowed). */
export function grantChangeKind(name: string, grantId: string): Kind {
  return { name, next: (n) => ({ clientId: 'psb-admin', query: n % 2 === 0 ? SUSPEND_GRANT : REINSTATE_GRANT, variables: { id: grantId } }) };
}

/** The error codes of an answer, as counted. */
export function codesOf(status: number | null, body: Body | null): string[] {
  if (status === null) return ['NO_ANSWER'];
  if (!body) return [`HTTP_${status}`];
  return [...new Set((body.errors ?? []).map((e) => e.extensions?.code ?? 'UNKNOWN'))];
}

export interface LoopSpec {
  kind: Kind;
  /** Requests per second this loop aims at; unpaced (one after the other) when absent. */
  rate?: number;
}

export interface RunningLoad {
  readonly answers: Answer[];
  /** Milliseconds since the load started (the clock of Answer.sentAt). */
  now(): number;
  /** Stops sending; resolves once the requests in flight are answered. */
  stop(): Promise<Answer[]>;
}

/** Runs each loop until stopped: one request at a time, paced to its rate when given. */
export function runLoad(caller: GraphQLCaller, loops: LoopSpec[], prefix: string): RunningLoad {
  const answers: Answer[] = [];
  const started = performance.now();
  let running = true;
  const loop = async (spec: LoopSpec, index: number) => {
    const interval = spec.rate ? 1000 / spec.rate : 0;
    let due = performance.now() + Math.random() * interval;
    for (let n = 0; running; n += 1) {
      if (interval) {
        const wait = due - performance.now();
        if (wait > 0) await new Promise((r) => setTimeout(r, wait));
        due = Math.max(due + interval, performance.now() - interval);
        if (!running) break;
      }
      const sentAt = performance.now();
      const { status, body, requestId } = await caller.call(spec.kind.next(n), `${prefix}-${index}-${n}`);
      answers.push({ kind: spec.kind.name, requestId, sentAt: sentAt - started, ms: performance.now() - sentAt, status, body, codes: codesOf(status, body) });
    }
  };
  const loops_ = loops.map((spec, i) => loop(spec, i));
  return {
    answers,
    now: () => performance.now() - started,
    async stop() {
      running = false;
      await Promise.all(loops_);
      return [...answers];
    },
  };
}

export function percentile(sorted: readonly number[], p: number): number {
  if (sorted.length === 0) return NaN;
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;
}
