// The generative authorization test (issue 12): random worlds of types, grants, records and certificates, built through
// the public API of a real hub, and random reads over every path (records one and many, with aliases and fragments;
// verifyCertificate(s); prepareApplication), each checked against an oracle written from docs/authorization.md:
// nothing beyond the oracle leaves, every mask is the oracle's, out of scope looks like absent, every read is audited
// with the oracle's fields. FC_SEED=<seed> reproduces a run; AUTHZ_RUNS (or `npm run test:authz -- --runs N`) sets
// how many operations to generate; AUTHZ_REPORT=1 runs every world and prints each failing property once.
import { appendFileSync } from 'node:fs';
import fc from 'fast-check';
import type { Pool } from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { GraphQLClient } from '../support/client.js';
import { startTestHub, type TestHub } from '../support/hub.js';
import { buildWorld, clientsOf, maskingSecretOf, type Clients, type World } from './build.js';
import { describeReport, runOperation, type Coverage, type OperationReport, type Runner } from './operations.js';
import { operationArb, worldArb, type WorldSpec, type Operation } from './world.js';

const OPERATIONS = Number(process.env.AUTHZ_RUNS ?? 320);
const OPERATIONS_PER_WORLD = Math.min(80, OPERATIONS);
const WORLDS = Math.max(1, Math.ceil(OPERATIONS / OPERATIONS_PER_WORLD));
/** Worlds added, one at a time, while some case of the rules is still unreached (see REQUIRED_CASES). */
const EXTRA_ROUNDS = 6;
const SEED = process.env.FC_SEED !== undefined ? Number(process.env.FC_SEED) : (Date.now() ^ Math.floor(Math.random() * 2 ** 31)) >>> 0;
const IS_REPORT = process.env.AUTHZ_REPORT === '1';

let t: TestHub;
let clients: Clients;
let pool: Pool;
let maskingSecret: string;

beforeAll(async () => {
  t = await startTestHub();
  clients = await clientsOf(t);
  pool = (await t.db.orm.em.getConnection().getNativeClient()) as Pool;
  maskingSecret = await maskingSecretOf(t);
});
afterAll(async () => {
  await t?.close();
});

class PropertyBroken extends Error {}

/** Each failing property once, with its smallest counterexample (the shortest document), then how often it failed. */
function summarize(failures: Array<{ world: World; report: OperationReport }>): string {
  const byProperty = new Map<string, { times: number; smallest: { world: World; report: OperationReport } }>();
  for (const f of failures) {
    for (const m of f.report.mismatches) {
      const seen = byProperty.get(m.property);
      if (!seen) byProperty.set(m.property, { times: 1, smallest: f });
      else {
        seen.times += 1;
        if (f.report.document.length + JSON.stringify(f.report.variables).length < seen.smallest.report.document.length + JSON.stringify(seen.smallest.report.variables).length) seen.smallest = f;
      }
    }
  }
  // What leaves the hub first, then errors, then the audit.
  const rank = (property: string) => (/audit/.test(property) ? 2 : /errors/.test(property) ? 1 : 0);
  return [...byProperty]
    .sort(([a], [b]) => rank(a) - rank(b))
    .map(([property, { times, smallest }]) => `■ ${property} — ${times} time(s); smallest counterexample (type ${smallest.world.recordCode} / ${smallest.world.certificateCode}):\n${describeReport(smallest.world, smallest.report, property)}`)
    .join('\n\n');
}

/** Cases of the rules every run must reach (a group is reached when any of its cases is), so that a pass means something. */
const REQUIRED_CASES: string[][] = [
  ['record.CLEAR'],
  ['record.MASKED'],
  ['record.WITHHELD.NOT_SHARED'],
  ['record.WITHHELD.NO_GRANT'],
  ['record.WITHHELD.NOT_COVERED'],
  ['record.WITHHELD.DENY'],
  ['record.OUT_OF_SCOPE'],
  ['record.ABSENT'],
  ['record.FORBIDDEN_TYPE'],
  ['grant.APPLIES.CLIENT'],
  ['grant.IGNORED.OTHER_CLIENT'],
  ['grant.IGNORED.OTHER_DEPARTMENT'],
  ['grant.IGNORED.EXPIRED'],
  ['grant.IGNORED.NOT_YET_VALID'],
  ['grant.IGNORED.SUSPENDED', 'grant.IGNORED.REVOKED'],
  ['face.CLEAR'],
  ['face.MASKED', 'holder.MASKED'],
  ['face.WITHHELD'],
  ['holder.WITHHELD'],
  ['certificate.OUT_OF_SCOPE'],
  ['certificate.NOT_FOUND'],
  ['material.VISIBLE'],
  ['material.OUT_OF_SCOPE'],
  ['material.ABSENT'],
  ['material.NO_GRANT'],
  ['material.CONDITION_ON_MASKED'],
  ['certificate.ITSELF.HOLDER'],
  ['certificate.ITSELF.CREDENTIAL'],
  ['certificate.BY_CREDENTIAL'],
  ['certificate.ITSELF.REFUSED'],
];

describe('the generative authorization property', () => {
  it(
    'every read leaves nothing beyond the rules: clear only where a covering grant allows, masks exactly, out of scope like no record, audited with the oracle’s fields',
    async () => {
      const coverage: Coverage = {};
      const failures: Array<{ world: World; report: OperationReport }> = [];
      let operations = 0;
      let worlds = 0;
      const started = Date.now();
      const scenario = worldArb.chain((w) => fc.tuple(fc.constant(w), fc.array(operationArb(w), { minLength: OPERATIONS_PER_WORLD, maxLength: OPERATIONS_PER_WORLD })));
      const property = fc.asyncProperty(scenario, async ([spec, ops]: [WorldSpec, Operation[]]) => {
        const world = await buildWorld(t, clients, spec);
        worlds += 1;
        const runner: Runner = { world, clients: { ...clientsByName(clients), 'psb-system': clients.psbSystem, 'amr-system': clients.amrSystem }, pool, maskingSecret, coverage, requestCounter: { n: 0 }, credentials: new Map(), holder: async (id) => new GraphQLClient(`${t.url}/graphql`, { authorization: `Bearer ${await t.holderToken(id)}` }) };
        const failed: Array<{ world: World; report: OperationReport }> = [];
        for (const op of ops) {
          const report = await runOperation(runner, op);
          operations += 1;
          if (report.mismatches.length) failed.push({ world, report });
        }
        failures.push(...failed);
        // AUTHZ_DUMP=<file>: every mismatch as a JSON line, for a closer look than the summary's smallest examples.
        if (process.env.AUTHZ_DUMP) for (const f of failed) appendFileSync(process.env.AUTHZ_DUMP, `${JSON.stringify({ ...f.report, world: f.world.recordCode })}\n`);
        if (failed.length && !IS_REPORT) throw new PropertyBroken(summarize(failed));
      });
      const unreached = () => REQUIRED_CASES.filter((group) => group.reduce((n, key) => n + (coverage[key] ?? 0), 0) === 0);
      // The first round's worlds usually reach every case; when a seed's do not, more worlds follow (seeds SEED + 1, …),
      // so that a pass always means every case was checked, and the run stays reproducible from SEED.
      let result = await fc.check(property, { seed: SEED, numRuns: WORLDS, endOnFailure: true });
      for (let round = 1; round <= EXTRA_ROUNDS && !result.failed && failures.length === 0 && unreached().length > 0; round += 1) {
        result = await fc.check(property, { seed: SEED + round, numRuns: 1, endOnFailure: true });
      }
      const seconds = ((Date.now() - started) / 1000).toFixed(1);
      console.log(`authz property: seed ${SEED}, ${worlds} world(s), ${operations} operations in ${seconds} s; cases: ${JSON.stringify(Object.fromEntries(Object.entries(coverage).sort()))}`);
      if (result.failed) {
        const message = result.errorInstance instanceof PropertyBroken ? result.errorInstance.message : String(result.errorInstance);
        throw new Error(`The authorization property failed (seed ${result.seed}; reproduce with FC_SEED=${result.seed}).\n\n${message}`);
      }
      if (failures.length) throw new Error(`The authorization property failed (seed ${SEED}; reproduce with FC_SEED=${SEED}).\n\n${summarize(failures)}`);
      expect(operations).toBeGreaterThanOrEqual(OPERATIONS);
      // Not vacuous: the operations reached every case of the rules.
      for (const group of REQUIRED_CASES) expect(group.reduce((n, key) => n + (coverage[key] ?? 0), 0), `operations that reached ${group.join(' or ')}`).toBeGreaterThan(0);
    },
    Math.max(120_000, (OPERATIONS + EXTRA_ROUNDS * OPERATIONS_PER_WORLD) * 600),
  );
});

function clientsByName(c: Clients): Record<string, GraphQLClient> {
  return { 'window-clerk': c.clerk, 'service-center-admin': c.centerAdmin, 'civil-affairs-admin': c.civilAdmin };
}
