import { Migration } from '@mikro-orm/migrations';

export class Migration20261122153018 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`create table "exam_record" ("id" uuid not null, "record_number" varchar(32) not null, "status" varchar(24) not null default 'PRE_REGISTERED', "candidate_id" uuid not null, "school_id" uuid not null, "organization_path" varchar(400) not null, "created_at" timestamptz not null, constraint "exam_record_pkey" primary key ("id"));`);
    this.addSql(`alter table "exam_record" add constraint "exam_record_record_number_unique" unique ("record_number");`);
    this.addSql(`alter table "exam_record" add constraint "exam_record_candidate_id_unique" unique ("candidate_id");`);
    this.addSql(`create index "exam_record_school_id_index" on "exam_record" ("school_id");`);
    this.addSql(`create index "exam_record_organization_path_index" on "exam_record" ("organization_path");`);

    this.addSql(`create table "exam_session" ("id" uuid not null, "code" varchar(32) not null, "name" varchar(100) not null, "province_code" varchar(2) not null, "registration_opens_at" timestamptz not null, "registration_closes_at" timestamptz not null, "scores_published_at" timestamptz null, "created_at" timestamptz not null, constraint "exam_session_pkey" primary key ("id"));`);
    this.addSql(`alter table "exam_session" add constraint "exam_session_province_code_code_unique" unique ("province_code", "code");`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "exam_record" cascade;`);

    this.addSql(`drop table if exists "exam_session" cascade;`);
  }

}
