// A Bitstring Status List (W3C Bitstring Status List v1.0) of one issuing department for one purpose (revocation or
// suspension), and the certificates' places in it. A list's bits change in the transaction of the status change.
import { Entity, PrimaryKey, Property, Unique } from '@mikro-orm/decorators/legacy';

export enum StatusPurpose {
  REVOCATION = 'revocation',
  SUSPENSION = 'suspension',
}

@Entity({ tableName: 'status_list' })
@Unique({ properties: ['issuerCode', 'purpose', 'number'] })
export class StatusList {
  @PrimaryKey({ type: 'bigint', autoincrement: true })
  id!: string;

  /** Credit code of the issuing department whose certificates the list covers. */
  @Property({ type: 'string', length: 18 })
  issuerCode!: string;

  @Property({ type: 'string', length: 20 })
  purpose!: StatusPurpose;

  /** 1, 2, …: a new list is opened when the current one is full; part of its URL. */
  @Property({ type: 'integer' })
  number!: number;

  /** Entries in the list (bits); at least 131,072. */
  @Property({ type: 'integer' })
  length!: number;

  /** The bitstring, index 0 the most significant bit of the first byte. */
  @Property({ type: 'blob' })
  bits!: Buffer;

  /** Entries given to certificates so far. */
  @Property({ type: 'integer' })
  allocated!: number;

  /** Raised by every change of a bit: the served list's ETag follows it. */
  @Property({ type: 'integer' })
  version!: number;

  @Property({ type: 'datetime' })
  changedAt!: Date;
}

/** A certificate's place in a status list: one per certificate and purpose, at a random free index. */
@Entity({ tableName: 'status_list_entry' })
@Unique({ properties: ['identifier', 'purpose'] })
export class StatusListEntry {
  @PrimaryKey({ type: 'bigint' })
  listId!: string;

  /** The statusListIndex: a random free place, so that the list says nothing of the order of issuance. */
  @PrimaryKey({ type: 'integer' })
  listIndex!: number;

  /** Found by (identifier, purpose): the unique constraint's index serves it. */
  @Property({ type: 'string', length: 64 })
  identifier!: string;

  @Property({ type: 'string', length: 20 })
  purpose!: StatusPurpose;
}
