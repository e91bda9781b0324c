import { Migration } from '@mikro-orm/migrations';

export class Migration20261130153823 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`create table "pre_registration" ("id" uuid not null, "candidate_id" uuid not null, "candidate_kind" varchar(16) not null, "province_code" varchar(2) not null, "status" varchar(24) not null default 'DRAFT', "organization_path" varchar(400) not null, "school_id" uuid null, "class_id" uuid null, "roster_entry_id" uuid null, "student_number" varchar(32) null, "record_number" varchar(32) null, "name" varchar(60) not null default '', "gender" varchar(8) not null default '', "ethnicity_code" varchar(2) not null default '', "political_status" varchar(20) not null default '', "student_category" varchar(24) not null default '', "household_location" varchar(200) not null default '', "household_authority" varchar(120) not null default '', "id_number" text null, "id_number_lookup" varchar(64) null, "claimed_id_number_lookup" varchar(64) null, "birth_date" varchar(10) not null default '', "mobile" text null, "address" varchar(240) not null default '', "postcode" varchar(6) not null default '', "resume_json" text not null default '[]', "family_json" text null, "guardian_json" text null, "foreign_language" varchar(8) not null default '', "enrollment_year" int null, "application_id" uuid null, "photo_file_id" uuid null, "last_submission_key" varchar(80) null, "step_key" varchar(40) null, "actor_role" varchar(32) null, "acting_organization_path" varchar(400) null, "queue_order_at" timestamptz null, "version" int not null default 1, "submitted_at" timestamptz null, "registered_at" timestamptz null, "created_at" timestamptz not null, "updated_at" timestamptz not null, constraint "pre_registration_pkey" primary key ("id"));`);
    this.addSql(`alter table "pre_registration" add constraint "pre_registration_candidate_id_unique" unique ("candidate_id");`);
    this.addSql(`create index "pre_registration_id_number_lookup_index" on "pre_registration" ("id_number_lookup");`);
    this.addSql(`create index "pre_registration_status_actor_role_queue_order_at_id_index" on "pre_registration" ("status", "actor_role", "queue_order_at", "id");`);
    this.addSql(`create index "pre_registration_status_organization_path_index" on "pre_registration" ("status", "organization_path");`);
    this.addSql(`alter table "pre_registration" add constraint "pre_registration_province_code_claimed_id_number_lookup_unique" unique ("province_code", "claimed_id_number_lookup");`);

    this.addSql(`alter table "exam_record" alter column "school_id" drop default;`);
    this.addSql(`alter table "exam_record" alter column "school_id" type uuid using ("school_id"::text::uuid);`);
    this.addSql(`alter table "exam_record" alter column "school_id" drop not null;`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "pre_registration" cascade;`);

    this.addSql(`alter table "exam_record" alter column "school_id" drop default;`);
    this.addSql(`alter table "exam_record" alter column "school_id" type uuid using ("school_id"::text::uuid);`);
    this.addSql(`alter table "exam_record" alter column "school_id" set not null;`);
  }

}
