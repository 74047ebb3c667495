// Overload at the edge: a bound on GraphQL requests in flight. Beyond it the hub answers 503 OVERLOADED with
// Retry-After at once instead of queueing every request until all of them time out; each refusal is audited.
import type { IncomingMessage, ServerResponse } from 'node:http';
import { AuditOutcome } from '../../entities/AuditEvent.js';
import type { Principal } from '../auth/principal.js';
import { baseAuditEvent } from '../audit/base.js';
import type { SubjectHasher } from '../audit/subjectHash.js';
import type { AuditEventInput } from '../audit/event.js';
import type { AuditWriter } from '../audit/writer.js';
import type { ErrorCode } from '../errors.js';
import type { Logger } from '../log.js';

/** Seconds a caller refused for overload should wait before trying again. */
export const OVERLOADED_RETRY_AFTER_SECONDS = 1;

export interface OverloadDeps {
  /** Most GraphQL requests in flight at once (SHAREHUB_MAX_IN_FLIGHT). */
  maxInFlight: number;
  refusals: RefusalRecorder;
  hashSubject: SubjectHasher;
  clock: () => Date;
  logger: Logger;
}

export interface Refusal {
  status: number;
  code: ErrorCode;
  message: string;
  retryAfterSeconds: number;
  details: Record<string, unknown>;
}

/** How long refusals gather before they join the audit log's queue as one write. */
const REFUSAL_FLUSH_MS = 50;

/**
 * The audit events of refusals at the edge (overload, rate limits). They are answered at once, so their events need
 * not be durable before the answer (a refusal carries no data); gathered for a moment and handed to the writer as one
 * write, a flood of refusals adds rows to the group commits that others' events wait for, not commits of its own.
 */
export class RefusalRecorder {
  private pending: AuditEventInput[] = [];
  private timer: NodeJS.Timeout | null = null;

  constructor(private readonly writer: AuditWriter) {}

  record(event: AuditEventInput): void {
    this.pending.push(event);
    this.timer ??= setTimeout(() => void this.flush(), REFUSAL_FLUSH_MS);
  }

  /** Hands what has gathered to the writer; resolves once it is durable (used at shutdown). A failure is logged by the writer. */
  async flush(): Promise<void> {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    const events = this.pending;
    this.pending = [];
    await this.writer.write(events).catch(() => undefined);
  }
}

/** Answers a refusal at once, then records its audit event (see RefusalRecorder). */
export function refuse(
  deps: { refusals: RefusalRecorder; hashSubject: SubjectHasher; clock: () => Date },
  req: IncomingMessage,
  res: ServerResponse,
  requestId: string,
  principal: Principal | null,
  refusal: Refusal,
): void {
  req.resume();
  const text = JSON.stringify({ errors: [{ message: refusal.message, extensions: { code: refusal.code } }] });
  res.writeHead(refusal.status, {
    'content-type': 'application/json; charset=utf-8',
    'content-length': Buffer.byteLength(text),
    'retry-after': String(refusal.retryAfterSeconds),
    'cache-control': 'no-store',
  });
  res.end(text);
  deps.refusals.record({
    ...baseAuditEvent({ requestId, now: deps.clock(), principal, purpose: null, caseNumber: null }, deps.hashSubject),
    action: 'request.refused',
    outcome: AuditOutcome.REFUSED,
    errorCodes: [refusal.code],
    details: { status: refusal.status, ...refusal.details },
  });
}

/** Counts GraphQL requests from arrival until their response is finished or their connection closes. */
export class InFlightBound {
  private inFlight = 0;

  constructor(private readonly deps: OverloadDeps) {}

  get count(): number {
    return this.inFlight;
  }

  /** Takes a slot for this request, freed when its response closes; or answers 503 OVERLOADED and returns false. */
  admit(req: IncomingMessage, res: ServerResponse, requestId: string): boolean {
    if (this.inFlight >= this.deps.maxInFlight) {
      this.deps.logger.info({ requestId, inFlight: this.inFlight }, 'request refused: too many in flight');
      refuse(this.deps, req, res, requestId, null, {
        status: 503,
        code: 'OVERLOADED',
        message: 'The hub is serving as many requests as it can; try again shortly.',
        retryAfterSeconds: OVERLOADED_RETRY_AFTER_SECONDS,
        details: { limit: this.deps.maxInFlight },
      });
      return false;
    }
    this.inFlight += 1;
    res.once('close', () => {
      this.inFlight -= 1;
    });
    return true;
  }
}
