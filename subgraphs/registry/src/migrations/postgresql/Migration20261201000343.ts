import { Migration } from '@mikro-orm/migrations';

export class Migration20261201000343 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`create table "certified_subject" ("id" uuid not null, "candidate_id" uuid not null, "subject_code" varchar(40) not null, "passed" boolean not null, "detail" varchar(200) null, "province_code" varchar(2) not null, "origin_province_code" varchar(2) not null, "case_id" uuid not null, "certified_at" timestamptz not null, "organization_path" varchar(400) not null, constraint "certified_subject_pkey" primary key ("id"));`);
    this.addSql(`create index "certified_subject_organization_path_index" on "certified_subject" ("organization_path");`);
    this.addSql(`alter table "certified_subject" add constraint "certified_subject_candidate_id_subject_code_unique" unique ("candidate_id", "subject_code");`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "certified_subject" cascade;`);
  }

}
