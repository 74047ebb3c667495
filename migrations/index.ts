// The committed migrations, in order. `sharehub migration-create` writes a new file; add it here.
import type { MigrationObject } from '@mikro-orm/core';
import { Migration20261123074326_initial } from './Migration20261123074326_initial.js';
import { Migration20261123074329_audit_append_only } from './Migration20261123074329_audit_append_only.js';

export const MIGRATIONS: MigrationObject[] = [
  { name: 'Migration20261123074326_initial', class: Migration20261123074326_initial },
  { name: 'Migration20261123074329_audit_append_only', class: Migration20261123074329_audit_append_only },
];
