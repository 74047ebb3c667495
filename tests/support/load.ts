// A bounded concurrent GraphQL load over HTTP for fault tests: every request's answer (or the lack of one) is recorded
// with the phase of the fault it was sent and answered in.

export interface GraphQLBody {
  data?: Record<string, unknown> | null;
  errors?: Array<{ message: string; extensions?: { code?: string } }>;
}

/** One request as a loop sends it: its x-request-id and its Authorization header value. */
export interface LoadRequest {
  requestId: string;
  authorization: string;
}

export interface Answer<P extends string> {
  loop: number;
  requestId: string;
  sentIn: P;
  settledIn: P;
  /** Null when no complete response arrived (connection refused or cut before the whole body was read). */
  status: number | null;
  body: GraphQLBody | null;
  /** Why no complete response arrived, or why its body could not be read as JSON. */
  failure: string | null;
}

export interface Load<P extends string> {
  /** Every answer so far, in the order they arrived. */
  readonly answers: readonly Answer<P>[];
  /** The phase recorded with the requests sent, and answers that arrive, from now on. */
  enter(phase: P): void;
  /** Stops sending; resolves with every answer once the requests in flight are answered. */
  stop(): Promise<Answer<P>[]>;
}

export interface LoadOptions<P extends string> {
  /** The GraphQL endpoint. */
  url: string;
  loops: number;
  query: string;
  phase: P;
  /** The request loop `loop` sends as its `n`-th. */
  request(loop: number, n: number): Promise<LoadRequest> | LoadRequest;
}

function parsed(text: string): { body: GraphQLBody | null; failure: string | null } {
  try {
    return { body: JSON.parse(text) as GraphQLBody, failure: null };
  } catch {
    return { body: null, failure: `the body is not JSON: ${text.slice(0, 200)}` };
  }
}

/** Runs `loops` loops, each sending one request after the other, until stopped or until a request gets no answer. */
export function startLoad<P extends string>(options: LoadOptions<P>): Load<P> {
  const answers: Answer<P>[] = [];
  let phase = options.phase;
  let running = true;
  const body = JSON.stringify({ query: options.query });

  async function send(loop: number, n: number): Promise<Answer<P>> {
    const { requestId, authorization } = await options.request(loop, n);
    const sentIn = phase;
    try {
      const res = await fetch(options.url, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization, 'x-request-id': requestId },
        body,
      });
      const text = await res.text();
      return { loop, requestId, sentIn, settledIn: phase, status: res.status, ...parsed(text) };
    } catch (error) {
      const cause = (error as Error & { cause?: { code?: string } }).cause?.code;
      return { loop, requestId, sentIn, settledIn: phase, status: null, body: null, failure: cause ?? (error as Error).message };
    }
  }

  async function run(loop: number): Promise<void> {
    for (let n = 0; running; n += 1) {
      const answer = await send(loop, n);
      answers.push(answer);
      if (answer.status === null) return;
    }
  }

  const loops = Array.from({ length: options.loops }, (_, loop) => run(loop));
  return {
    answers,
    enter(next) {
      phase = next;
    },
    async stop() {
      running = false;
      await Promise.all(loops);
      return [...answers];
    },
  };
}
