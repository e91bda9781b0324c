import { Migration } from '@mikro-orm/migrations';

export class Migration20261201000545 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`create table "candidate_fact" ("id" uuid not null, "candidate_id" uuid not null, "kind" varchar(32) not null, "province_code" varchar(2) not null, "organization_path" varchar(400) not null default '', "record_number" varchar(40) null, "candidate_kind" varchar(16) null, "from_province_code" varchar(2) null, "occurred_at" timestamptz not null, constraint "candidate_fact_pkey" primary key ("id"));`);
    this.addSql(`create index "candidate_fact_candidate_id_index" on "candidate_fact" ("candidate_id");`);
    this.addSql(`create index "candidate_fact_organization_path_index" on "candidate_fact" ("organization_path");`);
    this.addSql(`alter table "candidate_fact" add constraint "candidate_fact_candidate_id_kind_province_code_unique" unique ("candidate_id", "kind", "province_code");`);

    this.addSql(`create table "candidate_name" ("candidate_id" uuid not null, "display_name" varchar(100) not null, "changed_at" timestamptz not null, constraint "candidate_name_pkey" primary key ("candidate_id"));`);

    // Edited by hand: existing cases were created when first submitted (created_at is filled before it becomes required).
    this.addSql(`alter table "certification_case" add column "created_at" timestamptz null, add column "started_by" uuid null, add column "window_id" uuid null, add column "subjects_json" text null;`);
    this.addSql(`update "certification_case" set "created_at" = "submitted_at", "started_by" = "candidate_id";`);
    this.addSql(`alter table "certification_case" alter column "created_at" set not null;`);
    this.addSql(`alter table "certification_case" alter column "status" type varchar(24) using ("status"::varchar(24));`);
    this.addSql(`alter table "certification_case" alter column "status" set default 'DRAFT';`);
    this.addSql(`alter table "certification_case" alter column "submitted_at" type timestamptz using ("submitted_at"::timestamptz);`);
    this.addSql(`alter table "certification_case" alter column "submitted_at" drop not null;`);
    this.addSql(`create index "certification_case_created_at_index" on "certification_case" ("created_at");`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "candidate_fact" cascade;`);

    this.addSql(`drop table if exists "candidate_name" cascade;`);

    this.addSql(`drop index "certification_case_created_at_index";`);
    this.addSql(`alter table "certification_case" drop column "created_at", drop column "started_by", drop column "window_id", drop column "subjects_json";`);

    this.addSql(`alter table "certification_case" alter column "status" type varchar(24) using ("status"::varchar(24));`);
    this.addSql(`alter table "certification_case" alter column "status" set default 'PENDING_REVIEW';`);
    this.addSql(`alter table "certification_case" alter column "submitted_at" type timestamptz(6) using ("submitted_at"::timestamptz(6));`);
    this.addSql(`alter table "certification_case" alter column "submitted_at" set not null;`);
  }

}
