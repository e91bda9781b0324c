import { Migration } from '@mikro-orm/migrations';

export class Migration20261130121709 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`create table \`audit_chain_head\` (\`id\` integer not null default 1, \`last_seq\` bigint not null default 0, \`last_hash\` text not null default '0000000000000000000000000000000000000000000000000000000000000000', primary key (\`id\`));`);

    this.addSql(`create table \`audit_entry\` (\`id\` text not null, \`seq\` bigint not null, \`occurred_at\` datetime not null, \`request_id\` text not null, \`actor_kind\` text not null, \`actor_id\` text null, \`actor_role\` text null, \`actor_organization_id\` text null, \`action\` text not null, \`subject_type\` text not null, \`subject_id\` text not null, \`organization_path\` text not null, \`before\` text null, \`after\` text null, \`prev_hash\` text not null, \`hash\` text not null, primary key (\`id\`));`);
    this.addSql(`create unique index \`audit_entry_seq_unique\` on \`audit_entry\` (\`seq\`);`);
    this.addSql(`create index \`audit_entry_organization_path_index\` on \`audit_entry\` (\`organization_path\`);`);
    this.addSql(`create index \`audit_entry_subject_type_subject_id_seq_index\` on \`audit_entry\` (\`subject_type\`, \`subject_id\`, \`seq\`);`);

    this.addSql(`create table \`stored_file\` (\`id\` text not null, \`purpose\` text not null, \`subject_type\` text not null, \`subject_id\` text not null, \`organization_path\` text not null, \`uploader_id\` text not null, \`max_bytes\` integer not null, \`allowed_types_json\` text not null, \`storage_key\` text not null, \`file_name\` text not null, \`issued_at\` datetime not null, \`uploaded_at\` datetime null, \`size\` integer null, \`mime_type\` text null, \`sha256\` text null, primary key (\`id\`));`);
    this.addSql(`create index \`stored_file_subject_type_subject_id_purpose_index\` on \`stored_file\` (\`subject_type\`, \`subject_id\`, \`purpose\`);`);

    this.addSql(`create table \`workflow_application\` (\`id\` text not null, \`kind\` text not null, \`kind_name\` text not null, \`province_code\` text not null, \`definition_id\` text not null, \`definition_version\` integer not null, \`subject_type\` text not null, \`subject_id\` text not null, \`applicant_id\` text not null, \`organization_path\` text not null, \`routes_json\` text null, \`status\` text not null, \`step_index\` integer not null, \`step_key\` text not null, \`step_name\` text not null, \`actor_role\` text not null, \`actor_level\` text not null, \`acting_organization_path\` text not null, \`step_entered_at\` datetime not null, \`due_at\` datetime null, \`warn_at\` datetime null, \`queue_order_at\` datetime not null, \`sla_warned_at\` datetime null, \`sla_escalated_at\` datetime null, \`round\` integer not null default 1, \`version\` integer not null default 1, \`submitted_at\` datetime not null, \`updated_at\` datetime not null, \`closed_at\` datetime null, \`last_reason\` text null, primary key (\`id\`));`);
    this.addSql(`create index \`workflow_application_applicant_id_index\` on \`workflow_application\` (\`applicant_id\`);`);
    this.addSql(`create index \`workflow_application_acting_organization_path_index\` on \`workflow_application\` (\`acting_organization_path\`);`);
    this.addSql(`create index \`workflow_application_status_due_at_index\` on \`workflow_application\` (\`status\`, \`due_at\`);`);
    this.addSql(`create index \`workflow_application_status_warn_at_index\` on \`workflow_application\` (\`status\`, \`warn_at\`);`);
    this.addSql(`create index \`workflow_application_status_actor_role_queue_order_at_id_index\` on \`workflow_application\` (\`status\`, \`actor_role\`, \`queue_order_at\`, \`id\`);`);
    this.addSql(`create unique index \`workflow_application_subject_type_subject_id_unique\` on \`workflow_application\` (\`subject_type\`, \`subject_id\`);`);

    this.addSql(`create table \`workflow_definition\` (\`id\` text not null, \`province_code\` text not null, \`kind\` text not null, \`kind_name\` text not null, \`version\` integer not null, \`steps_json\` text not null, \`created_at\` datetime not null, \`created_by\` text null, \`retired_at\` datetime null, primary key (\`id\`));`);
    this.addSql(`create index \`workflow_definition_province_code_kind_retired_at_index\` on \`workflow_definition\` (\`province_code\`, \`kind\`, \`retired_at\`);`);
    this.addSql(`create unique index \`workflow_definition_province_code_kind_version_unique\` on \`workflow_definition\` (\`province_code\`, \`kind\`, \`version\`);`);

    this.addSql(`create table \`workflow_history\` (\`id\` text not null, \`application_id\` text not null, \`round\` integer not null, \`action\` text not null, \`step_key\` text null, \`step_name\` text null, \`reason\` text null, \`actor_id\` text not null, \`actor_role\` text null, \`actor_organization_id\` text null, \`occurred_at\` datetime not null, \`idempotency_key\` text null, \`result_status\` text not null, \`result_version\` integer not null, primary key (\`id\`));`);
    this.addSql(`create index \`workflow_history_application_id_occurred_at_index\` on \`workflow_history\` (\`application_id\`, \`occurred_at\`);`);
    this.addSql(`create unique index \`workflow_history_actor_id_idempotency_key_unique\` on \`workflow_history\` (\`actor_id\`, \`idempotency_key\`);`);

    this.addSql(`alter table \`certification_case\` drop column \`sla_warned_at\`;`);
    this.addSql(`alter table \`certification_case\` drop column \`sla_escalated_at\`;`);

    this.addSql(`alter table \`certification_case\` add column \`kind\` text not null default 'certification.returning-candidate';`);
    this.addSql(`alter table \`certification_case\` add column \`application_id\` text null;`);
    this.addSql(`alter table \`certification_case\` add column \`closed_at\` datetime null;`);
    this.addSql(`create index \`certification_case_application_id_index\` on \`certification_case\` (\`application_id\`);`);
  }

}
