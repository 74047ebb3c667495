// A system or user account of a department that calls the hub; tokens name it by client id.
import { Entity, Enum, ManyToOne, PrimaryKey, Property } from '@mikro-orm/decorators/legacy';
import { Department } from './Department.js';
import { DocumentMode } from './TrustedDocument.js';

export enum Role {
  /** A department system reading shared data and publishing its own. */
  SYSTEM = 'SYSTEM',
  /** Manages the department's catalog, access requests and grants. */
  DATA_ADMIN = 'DATA_ADMIN',
  /** A service window verifying certificates and preparing applications. */
  WINDOW_CLERK = 'WINDOW_CLERK',
  /** Searches and verifies the audit log. */
  AUDITOR = 'AUDITOR',
}

export enum ClientKind {
  MACHINE = 'MACHINE',
  USER = 'USER',
}

@Entity({ tableName: 'client' })
export class Client {
  @PrimaryKey({ type: 'string', length: 100 })
  id!: string;

  @Property({ type: 'string', length: 200 })
  name!: string;

  @ManyToOne(() => Department, { fieldName: 'department_code' })
  department!: Department;

  @Enum({ items: () => ClientKind })
  kind!: ClientKind;

  @Enum({ items: () => Role, array: true })
  roles: Role[] = [];

  /** How this client may send operations (trusted documents); null: the configured default. */
  @Enum({ items: () => DocumentMode, nullable: true })
  documentMode?: DocumentMode | null;

  /** A disabled client's tokens are refused even when otherwise valid. */
  @Property({ type: 'boolean', default: true })
  isEnabled: boolean = true;

  /** This client's sustained rate in requests per second (its token bucket's refill); null: SHAREHUB_RATE_LIMIT_PER_SECOND. */
  @Property({ type: 'double', nullable: true })
  rateLimitPerSecond: number | null = null;

  /** Requests this client may make at once before its rate applies (its token bucket's size); null: SHAREHUB_RATE_LIMIT_BURST. */
  @Property({ type: 'integer', nullable: true })
  rateLimitBurst: number | null = null;

  @Property({ type: 'datetime', defaultRaw: 'now()' })
  createdAt: Date = new Date();
}
