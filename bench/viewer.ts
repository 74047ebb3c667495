// Bench `viewer` (issue 3): an authenticated viewer query through the hub against a bare jose + pg server.
import { isDeepStrictEqual } from 'node:util';
import type { Bench, BenchOptions, BenchReport } from './bench.js';
import { compareAlternately } from './compare.js';
import { measureLoad, type LoadRequest } from './load.js';
import { startBenchHub } from './setup.js';
import { startViewerBaseline } from './viewerBaseline.js';

const QUERY = '{ viewer { client { id name } department { code name } roles } }';
const CLIENT_ID = 'psb-system';
/** The hub's pool size (the ORM default in src/db/orm.ts): the baseline gets as many connections. */
const POOL_MAX = 20;
const TARGET = 0.6;

function viewerRequest(baseUrl: string, token: string): LoadRequest {
  return {
    url: `${baseUrl}/graphql`,
    method: 'POST',
    headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
    body: JSON.stringify({ query: QUERY }),
  };
}

/** One request to each side before loading them: both must answer 200 with the same data, or the ratio means nothing. */
async function checkSameAnswer(baseline: LoadRequest, subject: LoadRequest): Promise<void> {
  const answers = await Promise.all(
    [baseline, subject].map(async (r) => {
      const res = await fetch(r.url, { method: r.method, headers: r.headers, body: r.body ?? null });
      return { url: r.url, status: res.status, body: (await res.json()) as unknown };
    }),
  );
  const [a, b] = answers as [(typeof answers)[0], (typeof answers)[0]];
  for (const answer of [a, b]) {
    if (answer.status !== 200) throw new Error(`viewer: ${answer.url} answered ${answer.status}: ${JSON.stringify(answer.body)}`);
  }
  if (!isDeepStrictEqual(a.body, b.body)) {
    throw new Error(`viewer: the baseline and the hub answer differently:\n  baseline ${JSON.stringify(a.body)}\n  hub      ${JSON.stringify(b.body)}`);
  }
}

async function run({ database, plan, rounds, say }: BenchOptions): Promise<BenchReport> {
  const devIssuer = database.issuer.issuers.find((i) => i.kind === 'CLIENT');
  if (!devIssuer) throw new Error('viewer: the development issuer has no client issuer entry');
  // Long enough for every run; the same token for every request, as a department system would reuse it.
  const token = await database.issuer.signClientToken(CLIENT_ID, 3_600);
  const hub = await startBenchHub(database);
  try {
    const baseline = await startViewerBaseline(database.url, devIssuer, POOL_MAX);
    try {
      const baselineRequest = viewerRequest(baseline.url, token);
      const hubRequest = viewerRequest(hub.url, token);
      await checkSameAnswer(baselineRequest, hubRequest);
      const sides = {
        baseline: { label: 'baseline', measure: () => measureLoad(baselineRequest, plan) },
        subject: { label: 'hub', measure: () => measureLoad(hubRequest, plan) },
      };
      const result = await compareAlternately(sides.baseline, sides.subject, rounds, (label, round, figure) =>
        say(`  viewer ${label.padEnd(8)} run ${round}: ${Math.round(figure.requestsPerSecond)} req/s, p99 ${figure.p99Ms} ms, non-2xx ${figure.non2xx}, errors ${figure.errors + figure.timeouts}`),
      );
      return {
        name: 'viewer',
        baseline: { label: 'baseline', figure: result.baseline },
        subject: { label: 'hub', figure: result.subject },
        ratio: result.ratio,
        target: TARGET,
      };
    } finally {
      await baseline.close();
    }
  } finally {
    await hub.close();
  }
}

export const viewerBench: Bench = {
  name: 'viewer',
  description: `${QUERY} as ${CLIENT_ID}: hub (audit on) vs node:http + jose jwtVerify + pg SELECT`,
  run,
};
