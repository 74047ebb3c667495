// A signing key of the hub (audit checkpoints, receipts) or of a department (certificates). The private
// part is encrypted at rest under the master key; retired keys stay published so old signatures verify.
import { Entity, Index, PrimaryKey, Property } from '@mikro-orm/decorators/legacy';

@Entity({ tableName: 'signing_key' })
@Index({ properties: ['owner', 'retiredAt'] })
export class SigningKey {
  /** JWK thumbprint (RFC 7638) of the public key. */
  @PrimaryKey({ type: 'string', length: 100 })
  kid!: string;

  /** `hub:audit`, `hub:receipts`, or a department's credit code. */
  @Property({ type: 'string', length: 100 })
  owner!: string;

  @Property({ type: 'string', length: 20 })
  alg!: string;

  @Property({ type: 'json' })
  publicJwk!: Record<string, unknown>;

  /** The private JWK as a compact JWE (dir, A256GCM) under the master key. */
  @Property({ type: 'text' })
  privateJwe!: string;

  @Property({ type: 'datetime' })
  createdAt!: Date;

  /** Set when a newer key took over signing; the key stays published for verification. */
  @Property({ type: 'datetime', nullable: true })
  retiredAt?: Date | null;
}
