// Bench `certificate` (issue 5): verifyCertificate of one certificate through the hub against a bare node:http server
// doing the same SELECT and jose signature check. The certificate type, the grant and the certificate are made through the hub.
import { faceTypeNameOf } from '../src/catalog/certificateType.js';
import { generateOrganizations } from '../src/demo/subjects.js';
import type { Bench, BenchOptions, BenchReport } from './bench.js';
import type { LoadRequest } from './load.js';
import { measurePair } from './pairedLoad.js';
import { startServerProcess } from './processes.js';
import { startBenchHub, type BenchDatabase } from './setup.js';

/** The hub's pool size (the ORM default in src/db/orm.ts): the baseline gets as many connections. */
const POOL_MAX = 20;
const TARGET = 0.75;
const CODE = 'bench_licence';
const PURPOSE = 'SI-BENCH-CERT';
const VERIFIER = 'window-clerk';
const FACE_FIELDS = ['name', 'category', 'issuedOn'] as const;

async function graphql(url: string, token: string, query: string, variables: Record<string, unknown>): Promise<unknown> {
  const res = await fetch(`${url}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` }, body: JSON.stringify({ query, variables }) });
  const body = (await res.json()) as { data?: unknown; errors?: unknown };
  if (res.status !== 200 || body.errors || !body.data) throw new Error(`certificate fixture: HTTP ${res.status} ${JSON.stringify(body.errors ?? body)}`);
  return body.data;
}

/** A certificate type of amr, the service center's grant to its UNCONDITIONAL face fields, and one certificate; its identifier. */
async function certificateFixture(database: BenchDatabase, hubUrl: string): Promise<string> {
  const token = (client: string) => database.issuer.signClientToken(client, 600);
  const field = (name: string, type: string, extra: Record<string, unknown> = {}) => ({ name, nameZh: name, type, sharing: 'UNCONDITIONAL', required: true, description: `${name}.`, ...extra });
  await graphql(hubUrl, await token('amr-admin'), `mutation P($input: PublishCertificateTypeInput!) { publishCertificateType(input: $input) { certificateType { code } } }`, {
    input: {
      code: CODE,
      identifierCode: 'BENCH',
      nameZh: '基准执照',
      nameEn: 'Bench licence',
      holderKind: 'ORGANIZATION',
      description: 'A certificate type made by the certificate bench.',
      defaultValidityDays: null,
      fields: [field('name', 'STRING'), field('category', 'ENUM', { enumValues: ['A', 'B'] }), field('issuedOn', 'DATE')],
    },
  });
  await graphql(hubUrl, await token('service-center-admin'), `mutation R($input: RequestAccessInput!) { requestAccess(input: $input) { accessRequest { id } } }`, {
    input: { resourceType: CODE, fields: [...FACE_FIELDS], purposes: [PURPOSE], justification: 'bench', validUntil: new Date(Date.now() + 24 * 3600_000).toISOString() },
  });
  const holder = generateOrganizations(1, 50_500)[0]!;
  const issued = (await graphql(hubUrl, await token('amr-system'), `mutation I($input: IssueCertificateInput!, $key: String!) { issueCertificate(input: $input, idempotencyKey: $key) { certificate { identifier } } }`, {
    key: 'bench-certificate-1',
    input: { certificateType: CODE, holder: { idType: 'CREDIT_CODE', idNumber: holder.creditCode, name: holder.name }, face: { name: holder.name, category: 'A', issuedOn: '2026-01-15' } },
  })) as { issueCertificate: { certificate: { identifier: string } } };
  return issued.issueCertificate.certificate.identifier;
}

function verifyRequest(baseUrl: string, token: string, identifier: string): LoadRequest {
  const query = `query V($id: String) { verifyCertificate(identifier: $id) { identifier authentic status face { ... on ${faceTypeNameOf(CODE)} { ${FACE_FIELDS.join(' ')} } } } }`;
  return {
    url: `${baseUrl}/graphql`,
    method: 'POST',
    headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json', 'x-sharehub-purpose': PURPOSE },
    body: JSON.stringify({ query, variables: { id: identifier } }),
  };
}

async function run({ database, plan, rounds, say }: BenchOptions): Promise<BenchReport> {
  const hub = await startBenchHub(database);
  try {
    const identifier = await certificateFixture(database, hub.url);
    const token = await database.issuer.signClientToken(VERIFIER, 3_600);
    const baseline = await startServerProcess({ url: database.url, dataDir: database.dataDir }, { kind: 'certificateBaseline', poolMax: POOL_MAX, faceFields: [...FACE_FIELDS] });
    try {
      return await measurePair(
        {
          name: 'certificate',
          baseline: { label: 'baseline', request: verifyRequest(baseline.url, token, identifier), cpuSeconds: () => baseline.cpuSeconds() },
          subject: { label: 'hub', request: verifyRequest(hub.url, token, identifier), cpuSeconds: () => hub.cpuSeconds() },
          target: TARGET,
          plan,
        },
        { rounds, say, database },
      );
    } finally {
      await baseline.close();
    }
  } finally {
    await hub.close();
  }
}

export const certificateBench: Bench = {
  name: 'certificate',
  description: `verifyCertificate(identifier:) as ${VERIFIER} with a purpose: hub (UNCONDITIONAL grant, audit on) vs node:http + jose jwtVerify + the same pg SELECT + jose signature check`,
  run,
};
