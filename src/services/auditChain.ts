// Where the audit chain stands, for auditors: its head, the last signed checkpoint, the last `audit verify` run.
import { Role } from '../../entities/Client.js';
import { ForbiddenError } from '../errors.js';
import type { RequestContext } from '../server/context.js';

export interface AuditChainStatus {
  headSeq: string | null;
  lastCheckpoint: { seq: string; headHash: string; createdAt: Date; kid: string; jws: string } | null;
  lastVerification: {
    verifiedAt: Date;
    isIntact: boolean;
    events: number;
    checkpoints: number;
    fromSeq: string;
    lastCheckpointSeq: string | null;
    firstBrokenSeq: string | null;
    problem: string | null;
  } | null;
}

export function assertAuditor(ctx: RequestContext): void {
  const p = ctx.principal;
  if (p.kind !== 'CLIENT' || !p.roles.includes(Role.AUDITOR)) throw new ForbiddenError('Only auditors see the audit chain and export it.');
}

export async function auditChainStatus(ctx: RequestContext): Promise<AuditChainStatus> {
  assertAuditor(ctx);
  const [head, checkpoint, verification] = await Promise.all([
    ctx.em.execute<Array<{ seq: string }>>('SELECT e.seq::text AS seq FROM audit_event e ORDER BY e.seq DESC LIMIT 1'),
    ctx.em.execute<Array<{ seq: string; head_hash: string; created_at: Date; kid: string; jws: string }>>(
      'SELECT c.seq::text AS seq, c.head_hash, c.created_at, c.kid, c.jws FROM audit_checkpoint c ORDER BY c.seq DESC LIMIT 1',
    ),
    ctx.em.execute<
      Array<{ verified_at: Date; is_intact: boolean; events: number; checkpoints: number; from_seq: string; last_checkpoint_seq: string | null; first_broken_seq: string | null; problem: string | null }>
    >(
      `SELECT v.verified_at, v.is_intact, v.events, v.checkpoints, v.from_seq::text AS from_seq, v.last_checkpoint_seq::text AS last_checkpoint_seq,
              v.first_broken_seq::text AS first_broken_seq, v.problem FROM audit_verification v ORDER BY v.verified_at DESC, v.id DESC LIMIT 1`,
    ),
  ]);
  const c = checkpoint[0];
  const v = verification[0];
  return {
    headSeq: head[0]?.seq ?? null,
    lastCheckpoint: c ? { seq: c.seq, headHash: c.head_hash, createdAt: new Date(c.created_at), kid: c.kid, jws: c.jws } : null,
    lastVerification: v
      ? {
          verifiedAt: new Date(v.verified_at),
          isIntact: v.is_intact,
          events: v.events,
          checkpoints: v.checkpoints,
          fromSeq: v.from_seq,
          lastCheckpointSeq: v.last_checkpoint_seq,
          firstBrokenSeq: v.first_broken_seq,
          problem: v.problem,
        }
      : null,
  };
}
