// Splits a hub's CPU profile (BENCH_PROFILE_DIR, V8 .cpuprofile) by request phase: each sample goes to the phase of the
// highest-ranked frame on its stack, so a library called by a phase (pg under the grants query's building, canonical
// JSON under audit) counts for that phase. Work resumed after an await has no caller on its stack: a query's answer
// being parsed counts as SQL, whichever phase sent it.
// Samples before the first request reached the HTTP edge (the hub starting) are left out. A baseline's profile
// (BENCH_PROFILE_BASELINES=1) is split the same way, its edge being bench/baselineHttp.ts.
// The profiler samples wall time on the hub's thread: a write to a socket that waits for the CPU (two cores shared by
// the hub, PostgreSQL and the load generator) counts where it waited.
// Usage: node dist/bench/profileSummary.js <file.cpuprofile> [requests]
import { readFileSync } from 'node:fs';

interface CallFrame {
  functionName: string;
  url: string;
}
interface ProfileNode {
  id: number;
  callFrame: CallFrame;
  children?: number[];
}
interface Profile {
  nodes: ProfileNode[];
  startTime: number;
  endTime: number;
  samples: number[];
  timeDeltas: number[];
}

/** Phases by rank: the first whose test any frame of a sample's stack passes takes the sample. */
const PHASES: Array<[phase: string, test: (f: CallFrame) => boolean]> = [
  ['audit', (f) => /\/src\/audit\/|plugins\/auditFlush|\/canonicalize\//.test(f.url)],
  ['grants', (f) => /services\/grants/.test(f.url)],
  ['token', (f) => /\/jose\/|\/src\/auth\/|services\/clients/.test(f.url)],
  ['masking', (f) => /authz\/(release|masking)/.test(f.url)],
  ['access plan', (f) => /authz\/(plan|selection)|plugins\/accessPlan|tracing\/accessPlanSpan/.test(f.url)],
  ['parse', (f) => /graphql\/language\//.test(f.url)],
  ['validation', (f) => /graphql\/validation\/|server\/limits\/|plugins\/costLimit/.test(f.url)],
  ['SQL', (f) => /\/pg\/|\/pg-protocol\/|\/pg-pool\/|@mikro-orm|\/knex\/|services\/records/.test(f.url)],
  ['serialization', (f) => f.functionName === 'prettyJSONStringify' || (f.functionName === 'stringify' && f.url === '')],
  ['graphql execution', (f) => /graphql\/execution\/|\/type-graphql\/|\/dataloader\/|\/resolvers\/|\/src\/schema\//.test(f.url)],
  ['apollo pipeline', (f) => /@apollo\/server/.test(f.url)],
  ['tracing and logs', (f) => /@opentelemetry|\/pino\/|tracing\//.test(f.url)],
  ['http edge', (f) => /src\/server\/|bench\/baselineHttp|node:_http|node:http|node:net|node:internal\/(streams|http)|node:stream/.test(f.url)],
  ['garbage collection', (f) => f.functionName === '(garbage collector)'],
];

function phaseOf(stack: CallFrame[]): string {
  for (const [phase, test] of PHASES) if (stack.some(test)) return phase;
  const leaf = stack[0];
  if (leaf && (leaf.functionName === '(program)' || leaf.functionName === '(idle)')) return leaf.functionName;
  return 'other';
}

export function summarize(profile: Profile): Map<string, number> {
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const parent = new Map<number, number>();
  for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
  const phaseByNode = new Map<number, string>();
  const micros = new Map<string, number>();
  const isServingByNode = new Map<number, boolean>();
  let isServing = false;
  profile.samples.forEach((id, i) => {
    let phase = phaseByNode.get(id);
    if (phase === undefined) {
      const stack: CallFrame[] = [];
      for (let at: number | undefined = id; at !== undefined; at = parent.get(at)) stack.push(byId.get(at)!.callFrame);
      phase = phaseOf(stack);
      phaseByNode.set(id, phase);
      isServingByNode.set(id, stack.some((f) => /src\/server\/http\.js|bench\/baselineHttp\.js/.test(f.url)));
    }
    isServing ||= isServingByNode.get(id) === true;
    if (isServing) micros.set(phase, (micros.get(phase) ?? 0) + (profile.timeDeltas[i] ?? 0));
  });
  return micros;
}

function main(): void {
  const [file, requestsArg] = process.argv.slice(2);
  if (!file) throw new Error('usage: profileSummary <file.cpuprofile> [requests]');
  const micros = summarize(JSON.parse(readFileSync(file, 'utf8')) as Profile);
  const requests = requestsArg ? Number(requestsArg) : 0;
  const busy = [...micros].filter(([phase]) => phase !== '(idle)').reduce((t, [, us]) => t + us, 0);
  const rows = [...micros].filter(([phase]) => phase !== '(idle)').sort((a, b) => b[1] - a[1]);
  process.stdout.write(`${file}\nbusy CPU ${(busy / 1e6).toFixed(2)} s${requests ? `, ${requests} requests: ${(busy / requests).toFixed(0)} µs per request` : ''}\n`);
  process.stdout.write(`${'phase'.padEnd(20)} ${'share'.padStart(6)}${requests ? ` ${'µs/req'.padStart(7)}` : ''}\n`);
  for (const [phase, us] of rows) {
    process.stdout.write(`${phase.padEnd(20)} ${((100 * us) / busy).toFixed(1).padStart(5)}%${requests ? ` ${(us / requests).toFixed(1).padStart(7)}` : ''}\n`);
  }
}

if (import.meta.url === `file://${process.argv[1]}`) main();
