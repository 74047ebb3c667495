// Whom records and certificates are about: a person (resident ID) or an organization (credit code).
import { Entity, Enum, Index, PrimaryKey, Property } from '@mikro-orm/decorators/legacy';

export enum SubjectKind {
  PERSON = 'PERSON',
  ORGANIZATION = 'ORGANIZATION',
}

@Entity({ tableName: 'subject' })
export class Subject {
  /** The 18-character resident ID number or unified social credit code, validated by check character. */
  @PrimaryKey({ type: 'string', length: 18 })
  id!: string;

  @Enum({ items: () => SubjectKind })
  @Index()
  kind!: SubjectKind;

  @Property({ type: 'string', length: 200 })
  name!: string;

  @Property({ type: 'datetime', defaultRaw: 'now()' })
  createdAt: Date = new Date();
}
