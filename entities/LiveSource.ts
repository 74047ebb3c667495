// A live source (接口共享): a provider's own GraphQL service (Apollo Federation subgraph) that serves a
// resource type's records at request time instead of the hub's published copy.
import { Entity, Enum, PrimaryKey, Property } from '@mikro-orm/decorators/legacy';

export enum LiveSourceCredential {
  /** The hub calls without credentials (a source inside a closed network). */
  NONE = 'NONE',
  /** A static bearer secret, stored encrypted under the master key. */
  STATIC_BEARER = 'STATIC_BEARER',
  /** A client-credentials token from the configured token endpoint. */
  CLIENT_CREDENTIALS = 'CLIENT_CREDENTIALS',
}

@Entity({ tableName: 'live_source' })
export class LiveSource {
  /** One live source per resource type. */
  @PrimaryKey({ type: 'string', length: 63 })
  resourceTypeCode!: string;

  @Property({ type: 'string', length: 18 })
  providerCode!: string;

  /** The subgraph's GraphQL endpoint. */
  @Property({ type: 'text' })
  url!: string;

  /** The federation entity type that carries the records, e.g. HouseholdRegistration. */
  @Property({ type: 'string', length: 100 })
  entityTypeName!: string;

  /** Its key field: holds the subject id. */
  @Property({ type: 'string', length: 100 })
  keyField!: string;

  @Property({ type: 'integer' })
  timeoutMs!: number;

  @Enum({ items: () => LiveSourceCredential })
  credential!: LiveSourceCredential;

  /** For CLIENT_CREDENTIALS: the token endpoint and client id. */
  @Property({ type: 'text', nullable: true })
  tokenEndpoint?: string | null;

  @Property({ type: 'string', length: 200, nullable: true })
  clientId?: string | null;

  /** The bearer secret or client secret, as a compact JWE under the master key. */
  @Property({ type: 'text', nullable: true })
  secretJwe?: string | null;

  /** Serve the last published version when the source is down (and say so in the response extensions). */
  @Property({ type: 'boolean', default: false })
  isFallbackToPublished: boolean = false;

  @Property({ type: 'integer' })
  version: number = 1;

  @Property({ type: 'string', length: 100 })
  registeredBy!: string;

  @Property({ type: 'datetime' })
  registeredAt!: Date;
}
