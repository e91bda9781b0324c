import { Migration } from '@mikro-orm/migrations';

export class Migration20261130145130 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`create table "exam_subject" ("id" uuid not null, "province_code" varchar(2) not null, "code" varchar(32) not null, "name" varchar(40) not null, "sort_order" int not null, "run_by" varchar(16) not null, constraint "exam_subject_pkey" primary key ("id"));`);
    this.addSql(`alter table "exam_subject" add constraint "exam_subject_province_code_code_unique" unique ("province_code", "code");`);

    this.addSql(`create table "subject_entry" ("id" uuid not null, "session_id" uuid not null, "record_id" uuid not null, "record_number" varchar(32) not null, "candidate_id" uuid not null, "organization_path" varchar(400) not null, "subject_code" varchar(32) not null, "entered_at" timestamptz not null, "result" varchar(8) null, "score" double precision null, "result_recorded_at" timestamptz null, constraint "subject_entry_pkey" primary key ("id"));`);
    this.addSql(`create index "subject_entry_session_id_index" on "subject_entry" ("session_id");`);
    this.addSql(`create index "subject_entry_organization_path_index" on "subject_entry" ("organization_path");`);
    this.addSql(`create index "subject_entry_candidate_id_subject_code_index" on "subject_entry" ("candidate_id", "subject_code");`);
    this.addSql(`alter table "subject_entry" add constraint "subject_entry_session_id_candidate_id_subject_code_unique" unique ("session_id", "candidate_id", "subject_code");`);

    this.addSql(`alter table "exam_record" add column "province_code" varchar(2) null, add column "enrollment_year" int null;`);

    this.addSql(`alter table "exam_session" add column "subject_codes_json" text not null default '[]';`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "exam_subject" cascade;`);

    this.addSql(`drop table if exists "subject_entry" cascade;`);

    this.addSql(`alter table "exam_record" drop column "province_code", drop column "enrollment_year";`);

    this.addSql(`alter table "exam_session" drop column "subject_codes_json";`);
  }

}
