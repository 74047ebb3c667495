// One load measurement with autocannon: a warm-up run whose figures are dropped, then the measured run.
import autocannon from 'autocannon';

/** The one request every connection repeats. */
export interface LoadRequest {
  url: string;
  method: 'GET' | 'POST';
  headers: Record<string, string>;
  body?: string;
  /**
   * A new body for every request sent, instead of `body` each time: for a mutation whose argument must not repeat
   * (a case number). Called once per request built, by all connections alike.
   */
  nextBody?: () => string;
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
}

export function isValidFigure(figure: LoadFigure): boolean {
  return figure.non2xx === 0 && figure.errors === 0 && figure.timeouts === 0 && figure.requests > 0;
}

function run(request: LoadRequest, connections: number, seconds: number): Promise<autocannon.Result> {
  const { nextBody } = request;
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

export async function measureLoad(request: LoadRequest, plan: LoadPlan): Promise<LoadFigure> {
  const host = new URL(request.url).hostname;
  if (host !== '127.0.0.1') throw new Error(`bench load goes to 127.0.0.1 only, not ${host}`);
  if (plan.warmupSeconds > 0) await run(request, plan.connections, plan.warmupSeconds);
  return figureOf(await run(request, plan.connections, plan.seconds));
}
