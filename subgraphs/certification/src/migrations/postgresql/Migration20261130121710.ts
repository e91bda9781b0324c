import { Migration } from '@mikro-orm/migrations';

export class Migration20261130121710 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`create table "audit_chain_head" ("id" int not null default 1, "last_seq" bigint not null default 0, "last_hash" varchar(64) not null default '0000000000000000000000000000000000000000000000000000000000000000', constraint "audit_chain_head_pkey" primary key ("id"));`);

    this.addSql(`create table "audit_entry" ("id" uuid not null, "seq" bigint not null, "occurred_at" timestamptz not null, "request_id" varchar(128) not null, "actor_kind" varchar(16) not null, "actor_id" varchar(128) null, "actor_role" varchar(32) null, "actor_organization_id" varchar(64) null, "action" varchar(64) not null, "subject_type" varchar(64) not null, "subject_id" varchar(128) not null, "organization_path" varchar(400) not null, "before" text null, "after" text null, "prev_hash" varchar(64) not null, "hash" varchar(64) not null, constraint "audit_entry_pkey" primary key ("id"));`);
    this.addSql(`alter table "audit_entry" add constraint "audit_entry_seq_unique" unique ("seq");`);
    this.addSql(`create index "audit_entry_organization_path_index" on "audit_entry" ("organization_path");`);
    this.addSql(`create index "audit_entry_subject_type_subject_id_seq_index" on "audit_entry" ("subject_type", "subject_id", "seq");`);

    this.addSql(`create table "stored_file" ("id" uuid not null, "purpose" varchar(64) not null, "subject_type" varchar(64) not null, "subject_id" varchar(64) not null, "organization_path" varchar(400) not null, "uploader_id" varchar(128) not null, "max_bytes" int not null, "allowed_types_json" varchar(400) not null, "storage_key" varchar(300) not null, "file_name" varchar(200) not null, "issued_at" timestamptz not null, "uploaded_at" timestamptz null, "size" int null, "mime_type" varchar(100) null, "sha256" varchar(64) null, constraint "stored_file_pkey" primary key ("id"));`);
    this.addSql(`create index "stored_file_subject_type_subject_id_purpose_index" on "stored_file" ("subject_type", "subject_id", "purpose");`);

    this.addSql(`create table "workflow_application" ("id" uuid not null, "kind" varchar(64) not null, "kind_name" varchar(40) not null, "province_code" varchar(2) not null, "definition_id" uuid not null, "definition_version" int not null, "subject_type" varchar(64) not null, "subject_id" varchar(64) not null, "applicant_id" uuid not null, "organization_path" varchar(400) not null, "routes_json" text null, "status" varchar(16) not null, "step_index" int not null, "step_key" varchar(40) not null, "step_name" varchar(40) not null, "actor_role" varchar(32) not null, "actor_level" varchar(16) not null, "acting_organization_path" varchar(400) not null, "step_entered_at" timestamptz not null, "due_at" timestamptz null, "warn_at" timestamptz null, "queue_order_at" timestamptz not null, "sla_warned_at" timestamptz null, "sla_escalated_at" timestamptz null, "round" int not null default 1, "version" int not null default 1, "submitted_at" timestamptz not null, "updated_at" timestamptz not null, "closed_at" timestamptz null, "last_reason" varchar(500) null, constraint "workflow_application_pkey" primary key ("id"));`);
    this.addSql(`create index "workflow_application_applicant_id_index" on "workflow_application" ("applicant_id");`);
    this.addSql(`create index "workflow_application_acting_organization_path_index" on "workflow_application" ("acting_organization_path");`);
    this.addSql(`create index "workflow_application_status_due_at_index" on "workflow_application" ("status", "due_at");`);
    this.addSql(`create index "workflow_application_status_warn_at_index" on "workflow_application" ("status", "warn_at");`);
    this.addSql(`create index "workflow_application_status_actor_role_queue_order_at_id_index" on "workflow_application" ("status", "actor_role", "queue_order_at", "id");`);
    this.addSql(`alter table "workflow_application" add constraint "workflow_application_subject_type_subject_id_unique" unique ("subject_type", "subject_id");`);

    this.addSql(`create table "workflow_definition" ("id" uuid not null, "province_code" varchar(2) not null, "kind" varchar(64) not null, "kind_name" varchar(40) not null, "version" int not null, "steps_json" text not null, "created_at" timestamptz not null, "created_by" varchar(128) null, "retired_at" timestamptz null, constraint "workflow_definition_pkey" primary key ("id"));`);
    this.addSql(`create index "workflow_definition_province_code_kind_retired_at_index" on "workflow_definition" ("province_code", "kind", "retired_at");`);
    this.addSql(`alter table "workflow_definition" add constraint "workflow_definition_province_code_kind_version_unique" unique ("province_code", "kind", "version");`);

    this.addSql(`create table "workflow_history" ("id" uuid not null, "application_id" uuid not null, "round" int not null, "action" varchar(16) not null, "step_key" varchar(40) null, "step_name" varchar(40) null, "reason" varchar(500) null, "actor_id" varchar(128) not null, "actor_role" varchar(32) null, "actor_organization_id" varchar(64) null, "occurred_at" timestamptz not null, "idempotency_key" varchar(80) null, "result_status" varchar(16) not null, "result_version" int not null, constraint "workflow_history_pkey" primary key ("id"));`);
    this.addSql(`create index "workflow_history_application_id_occurred_at_index" on "workflow_history" ("application_id", "occurred_at");`);
    this.addSql(`alter table "workflow_history" add constraint "workflow_history_actor_id_idempotency_key_unique" unique ("actor_id", "idempotency_key");`);

    this.addSql(`alter table "certification_case" drop column "sla_warned_at", drop column "sla_escalated_at";`);

    this.addSql(`alter table "certification_case" add column "kind" varchar(64) not null default 'certification.returning-candidate', add column "application_id" uuid null, add column "closed_at" timestamptz null;`);
    this.addSql(`create index "certification_case_application_id_index" on "certification_case" ("application_id");`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "audit_chain_head" cascade;`);

    this.addSql(`drop table if exists "audit_entry" cascade;`);

    this.addSql(`drop table if exists "stored_file" cascade;`);

    this.addSql(`drop table if exists "workflow_application" cascade;`);

    this.addSql(`drop table if exists "workflow_definition" cascade;`);

    this.addSql(`drop table if exists "workflow_history" cascade;`);

    this.addSql(`drop index "certification_case_application_id_index";`);
    this.addSql(`alter table "certification_case" drop column "kind", drop column "application_id";`);

    this.addSql(`alter table "certification_case" add column "sla_escalated_at" timestamptz(6) null;`);
    this.addSql(`alter table "certification_case" rename column "closed_at" to "sla_warned_at";`);
  }

}
