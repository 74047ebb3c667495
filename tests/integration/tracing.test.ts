// OpenTelemetry traces (issue 17): a small OTLP/HTTP receiver in this process, a hub exporting to it, one record read
// as one trace (token, access plan, SQL, audit) with the request id on every span, and no ID number, purpose text or
// case number in anything exported. With OTEL_EXPORTER_OTLP_ENDPOINT unset, nothing is recorded or sent.
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { trace } from '@opentelemetry/api';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { singleQueryNameOf } from '../../src/catalog/naming.js';
import { isValidCreditCode, isValidResidentId } from '../../src/certs/identifiers.js';
import { householdLike, publish, testPersons, uniqueCode } from '../support/catalog.js';
import { startTestHub, type TestHub } from '../support/hub.js';
import { ENTITY, startHealthySubgraph, startProviderHost, type ProviderHost, type TestSubgraph } from '../support/subgraphs.js';
import { DEMO_DEPARTMENTS } from '../../src/demo/subjects.js';

const SUBJECT = '330102197512316137';
/** The demo grant's purpose, so the record is really read: MikroORM sends its values inlined in the SQL text. */
const PURPOSE = 'demo';
const CASE = 'CASE-TRACE-4471';
const READ = `query HouseholdForTrace($id: ID!) { householdRegistration(subjectId: $id) { name address } }`;

type OtlpValue = { stringValue?: string; intValue?: string | number; boolValue?: boolean; doubleValue?: number; arrayValue?: { values?: OtlpValue[] } };
interface OtlpSpan {
  traceId: string;
  spanId: string;
  parentSpanId?: string;
  name: string;
  kind: number;
  attributes?: Array<{ key: string; value: OtlpValue }>;
  links?: Array<{ traceId: string; spanId: string }>;
}
interface Span extends OtlpSpan {
  attrs: Record<string, unknown>;
}

function plain(value: OtlpValue): unknown {
  if (value.arrayValue) return (value.arrayValue.values ?? []).map(plain);
  return value.stringValue ?? (value.intValue !== undefined ? Number(value.intValue) : undefined) ?? value.boolValue ?? value.doubleValue;
}

/** Every string an attribute value or a name holds, anywhere in an export. */
function textsOf(node: unknown): string[] {
  if (Array.isArray(node)) return node.flatMap(textsOf);
  if (node === null || typeof node !== 'object') return [];
  return Object.entries(node).flatMap(([key, value]) => ((key === 'stringValue' || key === 'name') && typeof value === 'string' ? [value] : textsOf(value)));
}

/** An OTLP/HTTP collector as small as it gets: takes JSON exports at /v1/traces, keeps the raw bodies and the spans. */
class Receiver {
  readonly bodies: string[] = [];
  readonly spans: Span[] = [];
  private readonly waiting = new Set<() => void>();
  private readonly server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const body = Buffer.concat(chunks).toString('utf8');
      const isJson = req.url === '/v1/traces' && req.method === 'POST' && (req.headers['content-type'] ?? '').startsWith('application/json');
      if (!isJson) return void res.writeHead(415).end();
      this.bodies.push(body);
      const parsed = JSON.parse(body) as { resourceSpans?: Array<{ scopeSpans?: Array<{ spans?: OtlpSpan[] }> }> };
      for (const rs of parsed.resourceSpans ?? []) for (const ss of rs.scopeSpans ?? []) for (const s of ss.spans ?? []) this.spans.push({ ...s, attrs: Object.fromEntries((s.attributes ?? []).map((a) => [a.key, plain(a.value)])) });
      res.writeHead(200, { 'content-type': 'application/json' }).end('{}');
      for (const wake of this.waiting) wake();
    });
  });
  url = '';

  async start(): Promise<void> {
    await new Promise<void>((resolve) => this.server.listen(0, '127.0.0.1', resolve));
    this.url = `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
  }

  /** Resolves once the spans received satisfy `isDone`; fails after `ms`. */
  async waitFor(isDone: (spans: Span[]) => boolean, ms = 5_000): Promise<void> {
    if (isDone(this.spans)) return;
    await new Promise<void>((resolve, reject) => {
      const timer = setTimeout(() => (this.waiting.delete(check), reject(new Error(`spans not received within ${ms} ms`))), ms);
      const check = () => {
        if (!isDone(this.spans)) return;
        clearTimeout(timer);
        this.waiting.delete(check);
        resolve();
      };
      this.waiting.add(check);
    });
  }

  close(): Promise<void> {
    return new Promise((resolve) => this.server.close(() => resolve()));
  }
}

const receiver = new Receiver();
/** The request made while tracing was off: its id must never reach the receiver. */
const untracedRequestId = `trace-off-${Date.now()}`;

async function readRecord(t: TestHub, requestId: string) {
  const clerk = (await t.as('window-clerk')).with({ 'x-sharehub-purpose': PURPOSE, 'x-sharehub-case': CASE, 'x-request-id': requestId });
  const res = await clerk.query<{ householdRegistration: { name: string } | null }>(READ, { id: SUBJECT });
  expect(res.status).toBe(200);
  expect(res.data?.householdRegistration?.name).toBeTruthy();
  expect(res.headers.get('x-request-id')).toBe(requestId);
  return res;
}

beforeAll(async () => {
  await receiver.start();
});
afterAll(async () => {
  await receiver.close();
});

describe('traces with OTEL_EXPORTER_OTLP_ENDPOINT unset', () => {
  it('start no exporter and record nothing', async () => {
    const t = await startTestHub();
    try {
      expect(t.config.tracing).toBeNull();
      expect(t.tracing).toBeNull();
      await readRecord(t, untracedRequestId);
      // No SDK registered: the hub's spans are the API's no-ops.
      expect(trace.getTracer('sharehub').startSpan('probe').isRecording()).toBe(false);
    } finally {
      await t.close();
    }
    expect(receiver.bodies).toEqual([]);
  });
});

describe('traces with OTEL_EXPORTER_OTLP_ENDPOINT set', () => {
  let t: TestHub;
  const requestId = `trace-on-${Date.now()}`;
  let trace1: Span[] = [];
  let commit: Span | undefined;

  /** PSB's service host: the one origin the operator lists for its live sources. */
  let psbHost: ProviderHost;

  beforeAll(async () => {
    psbHost = await startProviderHost();
    const psb = DEMO_DEPARTMENTS.find((d) => d.shortCode === 'psb')!.code;
    t = await startTestHub({ OTEL_EXPORTER_OTLP_ENDPOINT: receiver.url, SHAREHUB_LIVE_SOURCE_ORIGINS: JSON.stringify({ [psb]: [psbHost.origin] }) });
    await readRecord(t, requestId);
    // Every span of the request has ended by the time its response is read; flushing sends them now.
    await t.tracing!.forceFlush();
    await receiver.waitFor((spans) => spans.some((s) => s.attrs['sharehub.request_id'] === requestId && !s.parentSpanId) && spans.some((s) => s.name === 'sharehub.audit.commit' && (s.attrs['sharehub.request_ids'] as string[]).includes(requestId)));
    const root = receiver.spans.find((s) => s.attrs['sharehub.request_id'] === requestId && !s.parentSpanId)!;
    trace1 = receiver.spans.filter((s) => s.traceId === root.traceId);
    commit = receiver.spans.find((s) => s.name === 'sharehub.audit.commit' && (s.attrs['sharehub.request_ids'] as string[]).includes(requestId));
  });
  afterAll(async () => {
    await subgraph?.close();
    await psbHost?.close();
    await t?.close();
  });

  let subgraph: TestSubgraph | undefined;
  const LIVE_PURPOSE = 'TRACE-LIVE-0001';
  const person = testPersons(1, 31)[0]!;

  /** A fresh type of psb served live by a subgraph, that hrss may read the name of. */
  async function liveType(): Promise<string> {
    const code = uniqueCode('t_trace');
    await publish(await t.as('psb-admin'), householdLike(code));
    const asked = await (await t.as('hrss-admin')).query(`mutation R($input: RequestAccessInput!) { requestAccess(input: $input) { accessRequest { status } } }`, {
      input: { resourceType: code, fields: ['name'], purposes: [LIVE_PURPOSE], justification: 'tracing test', validUntil: '2031-01-01T00:00:00Z' },
    });
    expect(asked.errors).toBeUndefined();
    subgraph = await startHealthySubgraph(new Map([[person.idNumber, { name: person.name, gender: person.gender, districtCode: '330106', address: '浙江省杭州市', birthDate: person.birthDate, householdSize: 1, religion: '无' }]]), psbHost);
    const registered = await (await t.as('psb-admin')).query(`mutation Reg($input: RegisterLiveSourceInput!) { registerLiveSource(input: $input) { liveSource { version } } }`, {
      input: { resourceType: code, url: subgraph.url, entityTypeName: ENTITY, keyField: 'subjectId' },
    });
    expect(registered.errors).toBeUndefined();
    return code;
  }

  it('one record read is one trace: the request, token verification, access plan, SQL statements and the audit wait', () => {
    const byName = (name: string) => trace1.filter((s) => s.name === name);
    const [root] = trace1.filter((s) => !s.parentSpanId);
    expect(root).toMatchObject({ name: 'POST /graphql', kind: 2 });
    expect(root!.attrs).toMatchObject({ 'http.request.method': 'POST', 'url.path': '/graphql', 'http.response.status_code': 200 });
    expect(byName('sharehub.token.verify')).toHaveLength(1);
    expect(byName('sharehub.token.verify')[0]!.attrs).toMatchObject({ 'sharehub.principal.kind': 'CLIENT', 'sharehub.client_id': 'window-clerk' });
    expect(byName('sharehub.access_plan')).toHaveLength(1);
    expect(byName('sharehub.access_plan')[0]!.attrs['sharehub.plan.resource_types']).toEqual(['household_registration']);
    const sql = trace1.filter((s) => typeof (s.attrs['db.query.text'] ?? s.attrs['db.statement']) === 'string');
    expect(sql.length).toBeGreaterThan(0);
    expect(byName('sharehub.audit.wait')).toHaveLength(1);
    // Every span of the trace carries the request id, and every span of the request is in this trace.
    for (const s of trace1) expect(s.attrs['sharehub.request_id'], s.name).toBe(requestId);
    expect(receiver.spans.filter((s) => s.attrs['sharehub.request_id'] === requestId).length).toBe(trace1.length);
  });

  it('the audit commit is a batch span of its own, linked both ways with the request waiting for it, and its SQL under it', () => {
    const wait = trace1.find((s) => s.name === 'sharehub.audit.wait')!;
    expect(commit).toBeDefined();
    expect(commit!.parentSpanId ?? '').toBe('');
    expect(commit!.traceId).not.toBe(wait.traceId);
    expect(commit!.links).toContainEqual(expect.objectContaining({ traceId: wait.traceId, spanId: wait.spanId }));
    expect(wait.links).toContainEqual(expect.objectContaining({ traceId: commit!.traceId, spanId: commit!.spanId }));
    expect(commit!.attrs['sharehub.audit.events']).toBeGreaterThanOrEqual(1);
    const commitSql = receiver.spans.filter((s) => s.parentSpanId === commit!.spanId);
    expect(commitSql.length).toBeGreaterThan(0);
    for (const s of commitSql) expect(s.attrs['sharehub.request_ids']).toContain(requestId);
  });

  it('a live-source call is a span of the request that reads it, with the type and how many subjects, never which', async () => {
    const code = await liveType();
    const liveRequestId = `trace-live-${Date.now()}`;
    const hrss = (await t.as('hrss-system')).with({ 'x-sharehub-purpose': LIVE_PURPOSE, 'x-request-id': liveRequestId });
    const res = await hrss.query<Record<string, { name: string }>>(`query R($id: ID!) { ${singleQueryNameOf(code)}(subjectId: $id) { name } }`, { id: person.idNumber });
    expect(res.errors).toBeUndefined();
    expect(res.data?.[singleQueryNameOf(code)]?.name).toBe(person.name);
    await t.tracing!.forceFlush();
    await receiver.waitFor((spans) => spans.some((s) => s.name === 'sharehub.live_source.call' && s.attrs['sharehub.request_id'] === liveRequestId));
    const call = receiver.spans.find((s) => s.name === 'sharehub.live_source.call' && s.attrs['sharehub.request_id'] === liveRequestId)!;
    const root = receiver.spans.find((s) => s.attrs['sharehub.request_id'] === liveRequestId && !s.parentSpanId)!;
    expect(call.traceId).toBe(root.traceId);
    expect(call.kind).toBe(3);
    expect(call.attrs).toMatchObject({ 'sharehub.resource_type': code, 'sharehub.live_source.subjects': 1, 'sharehub.live_source.fields': 1, 'sharehub.live_source.failed_records': 0 });
    expect(receiver.bodies.join('\n')).not.toContain(person.idNumber);
  });

  it('record no SQL parameter, GraphQL variable, ID number, purpose or case number, and no literal in SQL text (in all exported so far)', () => {
    for (const s of receiver.spans) {
      expect(s.attrs['db.postgresql.values'], s.name).toBeUndefined();
      const statement = s.attrs['db.query.text'] ?? s.attrs['db.statement'];
      if (typeof statement === 'string') expect(statement, s.name).not.toMatch(/'[^']*'/);
    }
    const exported = receiver.bodies.join('\n');
    expect(exported).not.toContain(SUBJECT);
    expect(exported).not.toContain(CASE);
    expect(exported).not.toContain('"variables"');
    // In every attribute value and name exported (resource, spans, events, links), any run of 18 characters at any
    // offset that is a valid resident ID number or credit code. (Timestamps are not attributes: their digits can be.)
    const texts = receiver.bodies.flatMap((body) => textsOf(JSON.parse(body)));
    expect(texts).toContain(requestId);
    expect(texts.filter((text) => text.includes(PURPOSE))).toEqual([]);
    const runs = texts.flatMap((text) => [...text.matchAll(/(?=([0-9A-Z]{18}))/g)].map((m) => m[1]!));
    expect(runs.filter((r) => isValidResidentId(r) || isValidCreditCode(r))).toEqual([]);
  });

  it('nothing of the request made while tracing was off is exported', () => {
    expect(receiver.bodies.join('\n')).not.toContain(untracedRequestId);
  });
});
