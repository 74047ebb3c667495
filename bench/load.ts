// One load measurement with autocannon, in its own process (loadProcess.ts) so that the load generator never shares a
// thread with a server under test: a warm-up run whose figures are dropped, then the measured run.
import { fork } from 'node:child_process';
import autocannon from 'autocannon';

/** The one request every connection repeats. */
export interface LoadRequest {
  url: string;
  method: 'GET' | 'POST';
  headers: Record<string, string>;
  body?: string;
  /**
   * A new body for every request sent, instead of `body` each time: for a mutation whose argument must not repeat
   * (a case number). `template` with every `placeholder` replaced by the next number (1, 2, ...), by all connections alike.
   */
  bodySequence?: { template: string; placeholder: string };
}

/** The body of the `n`th request of a sequence (n from 1). */
export function sequenceBody(sequence: { template: string; placeholder: string }, n: number): string {
  return sequence.template.replaceAll(sequence.placeholder, String(n));
}

export interface LoadPlan {
  connections: number;
  /** Seconds of the measured run. */
  seconds: number;
  /** Seconds of the warm-up before it (JIT, pools, caches); 0 for none. */
  warmupSeconds: number;
}

/** What a measured run reports. A figure with any non-2xx answer, error or timeout is not a valid figure. */
export interface LoadFigure {
  requestsPerSecond: number;
  /** 99th percentile latency, milliseconds. */
  p99Ms: number;
  /** Requests answered during the measured run. */
  requests: number;
  non2xx: number;
  errors: number;
  timeouts: number;
  /** Answers by HTTP status, to say what went wrong when non2xx is not 0. */
  statusCounts: Record<string, number>;
  /**
   * CPU the server process used per request answered (warm-up included), µs, where the side told its process: what a
   * request costs the server, whatever else the machine was doing meanwhile.
   */
  serverCpuUsPerRequest?: number;
  /** CPU PostgreSQL used per request answered (warm-up included), µs, where the bench told its cluster. */
  databaseCpuUsPerRequest?: number;
  /** Requests answered in the warm-up before it (not part of the figure; what a server's profile also saw). */
  warmupRequests?: number;
}

export function isValidFigure(figure: LoadFigure): boolean {
  return figure.non2xx === 0 && figure.errors === 0 && figure.timeouts === 0 && figure.requests > 0;
}

function run(request: LoadRequest, connections: number, seconds: number, sent: { count: number }): Promise<autocannon.Result> {
  const sequence = request.bodySequence;
  const nextBody = sequence ? () => sequenceBody(sequence, (sent.count += 1)) : undefined;
  return Promise.resolve(
    autocannon({
      url: request.url,
      method: request.method,
      headers: request.headers,
      ...(request.body === undefined ? {} : { body: request.body }),
      // autocannon rebuilds a request that has a setupRequest before every send (Content-Length included).
      ...(nextBody ? { requests: [{ setupRequest: (built) => ({ ...built, body: nextBody() }) }] } : {}),
      connections,
      duration: seconds,
      timeout: 10,
    }),
  );
}

function figureOf(result: autocannon.Result): LoadFigure {
  const statusCounts: Record<string, number> = {};
  for (const [status, { count }] of Object.entries(result.statusCodeStats)) statusCounts[status] = count;
  const requests = result.requests.total;
  return {
    // Completed requests over the measured time: the per-second sample mean drops a partial last second.
    requestsPerSecond: result.duration > 0 ? requests / result.duration : 0,
    p99Ms: result.latency.p99,
    requests,
    non2xx: result.non2xx,
    errors: result.errors,
    timeouts: result.timeouts,
    statusCounts,
  };
}

/** In this process: what loadProcess.ts runs. `sent` numbers a body sequence on from where an earlier run left it. */
export async function measureLoadHere(request: LoadRequest, plan: LoadPlan, sent = { count: 0 }): Promise<LoadFigure> {
  const host = new URL(request.url).hostname;
  if (host !== '127.0.0.1') throw new Error(`bench load goes to 127.0.0.1 only, not ${host}`);
  const warmup = plan.warmupSeconds > 0 ? await run(request, plan.connections, plan.warmupSeconds, sent) : null;
  return { ...figureOf(await run(request, plan.connections, plan.seconds, sent)), warmupRequests: warmup?.requests.total ?? 0 };
}

/** A body sequence's numbers go on across runs (and processes): a case number is never sent twice in one bench run. */
let sequenceStart = 0;

/** The measurement in a load process of its own, which ends with it. */
export async function measureLoad(request: LoadRequest, plan: LoadPlan): Promise<LoadFigure> {
  const child = fork(new URL('./loadProcess.js', import.meta.url), [], { stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
  // Far enough apart that no run reaches the next one's numbers.
  const first = sequenceStart;
  sequenceStart += 100_000_000;
  return new Promise<LoadFigure>((resolve, reject) => {
    child.once('message', (message: { figure?: LoadFigure; failed?: string }) => {
      if (message.figure) resolve(message.figure);
      else reject(new Error(`load process: ${message.failed ?? 'no figure'}`));
    });
    child.once('exit', (code) => reject(new Error(`load process exited (${code}) without a figure`)));
    child.send({ request, plan, first });
  });
}
