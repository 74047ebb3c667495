// A trusted document (持久化操作): an operation a client registered by its hash, so that it may send the hash alone.
import { Entity, PrimaryKey, Property } from '@mikro-orm/decorators/legacy';

/** How a client may send operations: only as text (OFF), as text or by a registered hash (ALLOW), only by hash (REQUIRE). */
export enum DocumentMode {
  OFF = 'OFF',
  ALLOW = 'ALLOW',
  REQUIRE = 'REQUIRE',
}

@Entity({ tableName: 'trusted_document' })
export class TrustedDocument {
  /** The registering client: a document is trusted for it alone. */
  @PrimaryKey({ type: 'string', length: 100 })
  clientId!: string;

  /** `sha256:` and the hex SHA-256 of `body`. */
  @PrimaryKey({ type: 'string', length: 71 })
  documentId!: string;

  @Property({ type: 'text' })
  body!: string;

  /** The operation names the document defines, for listings. */
  @Property({ type: 'text[]' })
  operationNames: string[] = [];

  @Property({ type: 'datetime' })
  registeredAt!: Date;
}
