import { Migration } from '@mikro-orm/migrations';

export class Migration20261122141000 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`create table "certification_case" ("id" uuid not null, "candidate_id" uuid not null, "origin_province_code" varchar(2) not null, "certifying_province_code" varchar(2) not null, "status" varchar(24) not null default 'PENDING_REVIEW', "submitted_at" timestamptz not null, constraint "certification_case_pkey" primary key ("id"));`);
    this.addSql(`create index "certification_case_candidate_id_index" on "certification_case" ("candidate_id");`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "certification_case" cascade;`);
  }

}
