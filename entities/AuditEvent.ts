// One audit event: who read or changed what, when, for which purpose, and the outcome. Append-only.
import { Entity, Enum, Index, PrimaryKey, Property, Trigger } from '@mikro-orm/decorators/legacy';

export enum AuditOutcome {
  /** The operation completed and returned what it was allowed to. */
  SUCCESS = 'SUCCESS',
  /** Some fields were denied or failed; the rest was returned. */
  PARTIAL = 'PARTIAL',
  /** Authorization refused the operation. */
  DENIED = 'DENIED',
  /** Refused before execution: bad token, bad request, limits. */
  REFUSED = 'REFUSED',
  /** Failed with an error. */
  ERROR = 'ERROR',
}

export enum PrincipalKind {
  CLIENT = 'CLIENT',
  HOLDER = 'HOLDER',
  ANONYMOUS = 'ANONYMOUS',
}

/** Refuses any change or removal of an event, whoever connects (only disabling the trigger, as owner, gets past it).
 * TRUNCATE is refused by a statement trigger in a hand-written migration (the ORM does not introspect those). */
const REFUSE_CHANGE = "raise exception 'audit_event is append-only: % refused', tg_op using errcode = 'insufficient_privilege';";

/**
 * Partitioned by month of `recordedAt` (PARTITION BY RANGE, one partition per UTC month, created ahead by
 * src/audit/partitions.ts; old ones archived by src/audit/archive.ts). The ORM does not manage the partitioning:
 * the entity declares no `partitionBy`, so its schema diff leaves the table's partitions alone.
 */
@Entity({ tableName: 'audit_event' })
@Trigger({ name: 'audit_event_append_only', timing: 'before', events: ['update', 'delete'], forEach: 'row', body: REFUSE_CHANGE })
@Index({ properties: ['occurredAt', 'seq'] })
@Index({ properties: ['departmentCode', 'seq'] })
@Index({ properties: ['clientId', 'seq'] })
@Index({ properties: ['holderHash', 'seq'] })
@Index({ name: 'audit_event_subject_hashes_gin', expression: 'create index "audit_event_subject_hashes_gin" on "audit_event" using gin ("subject_hashes")' })
@Index({ name: 'audit_event_resource_types_gin', expression: 'create index "audit_event_resource_types_gin" on "audit_event" using gin ("resource_types")' })
export class AuditEvent {
  /** Position in the log's one total order. */
  @PrimaryKey({ type: 'bigint', autoincrement: true })
  seq!: string;

  /**
   * When the group commit wrote the event: one value per batch, never earlier than the event before it, so the
   * monthly partitions hold consecutive runs of the chain. The partition key (hence part of the primary key);
   * not hashed — it places the event, the chain vouches for its content.
   */
  @PrimaryKey({ type: 'datetime' })
  recordedAt!: Date;

  @Property({ type: 'datetime' })
  occurredAt!: Date;

  @Property({ type: 'string', length: 100 })
  requestId!: string;

  @Enum({ items: () => PrincipalKind })
  principalKind!: PrincipalKind;

  @Property({ type: 'string', length: 100, nullable: true })
  clientId?: string | null;

  @Property({ type: 'string', length: 18, nullable: true })
  departmentCode?: string | null;

  /** Keyed hash of the holder's identifier when a holder acted (never the raw number). */
  @Property({ type: 'string', length: 64, nullable: true })
  holderHash?: string | null;

  @Property({ type: 'text', nullable: true })
  purpose?: string | null;

  @Property({ type: 'text', nullable: true })
  caseNumber?: string | null;

  /** What happened: `graphql.query`, `graphql.mutation`, `auth.refused`, `request.refused`. */
  @Property({ type: 'string', length: 100 })
  action!: string;

  @Property({ type: 'text', nullable: true })
  operationName?: string | null;

  /** SHA-256 of the operation's document, so the exact query can be matched later. */
  @Property({ type: 'string', length: 64, nullable: true })
  operationHash?: string | null;

  @Enum({ items: () => AuditOutcome })
  outcome!: AuditOutcome;

  @Property({ type: 'text[]' })
  errorCodes: string[] = [];

  @Property({ type: 'text[]' })
  resourceTypes: string[] = [];

  /** Keyed hashes (HMAC-SHA-256) of the subjects read. */
  @Property({ type: 'text[]' })
  subjectHashes: string[] = [];

  @Property({ type: 'text[]' })
  fieldsReturned: string[] = [];

  @Property({ type: 'text[]' })
  fieldsMasked: string[] = [];

  @Property({ type: 'text[]' })
  fieldsDenied: string[] = [];

  @Property({ type: 'json', nullable: true })
  details?: Record<string, unknown> | null;

  /** Hash of the event before this one in the chain (64 zeros for the first). */
  @Property({ type: 'string', length: 64 })
  prevHash!: string;

  /** HMAC-SHA-256 (key derived from the master key) over prevHash and this event's canonical JSON (RFC 8785). */
  @Property({ type: 'string', length: 64 })
  hash!: string;
}

/** A signed statement of the chain head at a sequence number (JWS by the hub's audit key). */
@Entity({ tableName: 'audit_checkpoint' })
export class AuditCheckpoint {
  @PrimaryKey({ type: 'bigint', autoincrement: false })
  seq!: string;

  @Property({ type: 'string', length: 64 })
  headHash!: string;

  @Property({ type: 'datetime' })
  createdAt!: Date;

  @Property({ type: 'string', length: 100 })
  kid!: string;

  /** Compact JWS over {seq, headHash, createdAt}. */
  @Property({ type: 'text' })
  jws!: string;
}

/**
 * One month of the audit log moved out of the database: its partition was written to a gzip NDJSON file (events in
 * chain order, with the signed checkpoints that anchor its start and pin its end) and then dropped. `sharehub audit
 * verify` anchors the live chain at the newest archive's end checkpoint; `--archive <file>` verifies a file.
 */
@Entity({ tableName: 'audit_archive' })
export class AuditArchive {
  /** The partition's month, UTC: `2026-01`. */
  @PrimaryKey({ type: 'string', length: 7 })
  month!: string;

  @Property({ type: 'string', length: 63 })
  partitionName!: string;

  @Property({ type: 'integer' })
  events!: number;

  /** The checkpoint the file starts from (0 and the genesis hash for the chain's start). */
  @Property({ type: 'bigint' })
  anchorSeq!: string;

  @Property({ type: 'string', length: 64 })
  anchorHash!: string;

  /** The signed checkpoint at the file's last event (the anchor again when the month was empty). */
  @Property({ type: 'bigint' })
  endSeq!: string;

  @Property({ type: 'string', length: 64 })
  endHash!: string;

  /** File name inside the archive directory. */
  @Property({ type: 'text' })
  fileName!: string;

  /** SHA-256 of the file as written, hex. */
  @Property({ type: 'string', length: 64 })
  fileSha256!: string;

  @Property({ type: 'bigint' })
  fileBytes!: string;

  @Property({ type: 'datetime' })
  archivedAt!: Date;
}

/**
 * One run of `sharehub audit verify` over the live chain: when, whether the chain held, how much it checked, and the
 * first break it named. Auditors read the newest through GraphQL (auditChain).
 */
@Entity({ tableName: 'audit_verification' })
@Index({ properties: ['verifiedAt'] })
export class AuditVerification {
  @PrimaryKey({ type: 'bigint', autoincrement: true })
  id!: string;

  @Property({ type: 'datetime' })
  verifiedAt!: Date;

  @Property({ type: 'boolean' })
  isIntact!: boolean;

  @Property({ type: 'integer' })
  events!: number;

  @Property({ type: 'integer' })
  checkpoints!: number;

  /** Where the check started: 0 for the chain's start (or the archive's end), else the `--from` checkpoint. */
  @Property({ type: 'bigint' })
  fromSeq!: string;

  /** The last signed checkpoint it checked. */
  @Property({ type: 'bigint', nullable: true })
  lastCheckpointSeq!: string | null;

  @Property({ type: 'bigint', nullable: true })
  firstBrokenSeq!: string | null;

  @Property({ type: 'text', nullable: true })
  problem!: string | null;
}

/**
 * A change's audit event, inserted in the change's own transaction and not yet linked into the chain: the writer moves
 * it into audit_event (in id order) before the response, or, after a crash, the next writer to run does.
 */
@Entity({ tableName: 'audit_outbox' })
export class AuditOutbox {
  @PrimaryKey({ type: 'bigint', autoincrement: true })
  id!: string;

  /** The event as AuditEventInput, occurredAt in ISO form. */
  @Property({ type: 'json' })
  event!: Record<string, unknown>;

  @Property({ type: 'datetime', defaultRaw: 'now()' })
  createdAt!: Date;
}
