// The committed migrations, in order. `sharehub migration-create` writes a new file; add it here.
import type { MigrationObject } from '@mikro-orm/core';
import { Migration20261123082144_initial } from './Migration20261123082144_initial.js';
import { Migration20261123082145_audit_no_truncate } from './Migration20261123082145_audit_no_truncate.js';
import { Migration20261123082939_audit_search_indexes } from './Migration20261123082939_audit_search_indexes.js';
import { Migration20261123083352_live_sources } from './Migration20261123083352_live_sources.js';
import { Migration20261123084305_service_items } from './Migration20261123084305_service_items.js';
import { Migration20261123090742_certificates } from './Migration20261123090742_certificates.js';
import { Migration20261123122441_audit_partitions } from './Migration20261123122441_audit_partitions.js';
import { Migration20261202070554_client_rate_limits } from './Migration20261202070554_client_rate_limits.js';
import { Migration20261202070755_trusted_documents } from './Migration20261202070755_trusted_documents.js';
import { Migration20261202090000_audit_outbox } from './Migration20261202090000_audit_outbox.js';
import { Migration20261202090457_audit_verification } from './Migration20261202090457_audit_verification.js';
import { Migration20261202090828_status_lists } from './Migration20261202090828_status_lists.js';

export const MIGRATIONS: MigrationObject[] = [
  { name: 'Migration20261123082144_initial', class: Migration20261123082144_initial },
  { name: 'Migration20261123082145_audit_no_truncate', class: Migration20261123082145_audit_no_truncate },
  { name: 'Migration20261123082939_audit_search_indexes', class: Migration20261123082939_audit_search_indexes },
  { name: 'Migration20261123083352_live_sources', class: Migration20261123083352_live_sources },
  { name: 'Migration20261123084305_service_items', class: Migration20261123084305_service_items },
  { name: 'Migration20261123090742_certificates', class: Migration20261123090742_certificates },
  { name: 'Migration20261123122441_audit_partitions', class: Migration20261123122441_audit_partitions },
  { name: 'Migration20261202070554_client_rate_limits', class: Migration20261202070554_client_rate_limits },
  { name: 'Migration20261202070755_trusted_documents', class: Migration20261202070755_trusted_documents },
  { name: 'Migration20261202090000_audit_outbox', class: Migration20261202090000_audit_outbox },
  { name: 'Migration20261202090457_audit_verification', class: Migration20261202090457_audit_verification },
  { name: 'Migration20261202090828_status_lists', class: Migration20261202090828_status_lists },
];
