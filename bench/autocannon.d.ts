// Types for the part of autocannon's programmatic API the benches use (the package ships none).
declare module 'autocannon' {
  import type { EventEmitter } from 'node:events';

  namespace autocannon {
    /** One request as autocannon builds it from the options. */
    interface RequestParams {
      method?: string;
      path?: string;
      headers?: Record<string, string>;
      body?: string | Buffer;
    }

    /** A request of `requests`; its setupRequest may change it before every send. */
    interface Request extends RequestParams {
      setupRequest?: (request: RequestParams) => RequestParams;
    }

    interface Options {
      url: string;
      method?: 'GET' | 'POST' | 'PUT' | 'DELETE' | 'PATCH';
      headers?: Record<string, string>;
      body?: string | Buffer;
      connections?: number;
      /** Seconds. */
      duration?: number;
      pipelining?: number;
      /** Seconds before a request counts as a timeout. */
      timeout?: number;
      /** Requests each connection sends in turn, instead of the one of method, headers and body. */
      requests?: Request[];
      /** Load generation in this many worker threads instead of the caller's event loop. */
      workers?: number;
    }

    /** A histogram summary: mean, spread, extremes and percentiles (p50, p99, ...). */
    interface Histogram {
      average: number;
      mean: number;
      stddev: number;
      min: number;
      max: number;
      total: number;
      p50: number;
      p90: number;
      p99: number;
    }

    interface Result {
      /** Seconds actually measured. */
      duration: number;
      errors: number;
      timeouts: number;
      non2xx: number;
      resets: number;
      mismatches: number;
      '2xx': number;
      statusCodeStats: Record<string, { count: number }>;
      /** Milliseconds per request. */
      latency: Histogram;
      /** Requests per second sample. */
      requests: Histogram & { sent: number };
      /** Bytes per second sample. */
      throughput: Histogram;
    }

    interface Instance extends EventEmitter, PromiseLike<Result> {}
  }

  function autocannon(options: autocannon.Options): autocannon.Instance;
  export = autocannon;
}
