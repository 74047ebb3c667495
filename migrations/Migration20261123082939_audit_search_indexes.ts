import { Migration } from '@mikro-orm/migrations';

export class Migration20261123082939_audit_search_indexes extends Migration {

  override name = 'Migration20261123082939_audit_search_indexes';

  override up(): void | Promise<void> {
    this.addSql(`drop index "audit_event_department_code_occurred_at_index";`);
    this.addSql(`create index "audit_event_resource_types_gin" on "audit_event" using gin ("resource_types");`);
    this.addSql(`create index "audit_event_subject_hashes_gin" on "audit_event" using gin ("subject_hashes");`);
    this.addSql(`create index "audit_event_holder_hash_seq_index" on "audit_event" ("holder_hash", "seq");`);
    this.addSql(`create index "audit_event_client_id_seq_index" on "audit_event" ("client_id", "seq");`);
    this.addSql(`create index "audit_event_department_code_seq_index" on "audit_event" ("department_code", "seq");`);
  }

  override down(): void | Promise<void> {
    this.addSql(`drop index "audit_event_resource_types_gin";`);
    this.addSql(`drop index "audit_event_subject_hashes_gin";`);
    this.addSql(`drop index "audit_event_holder_hash_seq_index";`);
    this.addSql(`drop index "audit_event_client_id_seq_index";`);
    this.addSql(`drop index "audit_event_department_code_seq_index";`);
    this.addSql(`create index "audit_event_department_code_occurred_at_index" on "audit_event" ("department_code", "occurred_at");`);
  }

}
