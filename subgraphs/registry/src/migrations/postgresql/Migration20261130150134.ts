import { Migration } from '@mikro-orm/migrations';

export class Migration20261130150134 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`create table "roster_entry" ("id" uuid not null, "school_id" uuid not null, "class_id" uuid not null, "organization_path" varchar(400) not null, "student_number" varchar(32) not null, "name" varchar(50) not null, "id_number" text not null, "id_number_lookup" varchar(64) not null, "created_at" timestamptz not null, "updated_at" timestamptz not null, constraint "roster_entry_pkey" primary key ("id"));`);
    this.addSql(`create index "roster_entry_organization_path_index" on "roster_entry" ("organization_path");`);
    this.addSql(`alter table "roster_entry" add constraint "roster_entry_student_number_unique" unique ("student_number");`);
    this.addSql(`alter table "roster_entry" add constraint "roster_entry_id_number_lookup_unique" unique ("id_number_lookup");`);
    this.addSql(`create index "roster_entry_class_id_student_number_index" on "roster_entry" ("class_id", "student_number");`);
    this.addSql(`create index "roster_entry_school_id_student_number_index" on "roster_entry" ("school_id", "student_number");`);

    this.addSql(`create table "spreadsheet_import" ("id" uuid not null, "kind" varchar(64) not null, "scope_id" varchar(64) not null, "organization_path" varchar(400) not null, "created_by" varchar(128) not null, "file_id" uuid not null, "file_name" varchar(200) not null, "status" varchar(16) not null default 'AWAITING_UPLOAD', "total_rows" int not null default 0, "processed_rows" int not null default 0, "problem_count" int not null default 0, "problems_json" text not null default '[]', "created_count" int null, "updated_count" int null, "failure_message" varchar(300) null, "created_at" timestamptz not null, "checked_at" timestamptz null, "committed_at" timestamptz null, constraint "spreadsheet_import_pkey" primary key ("id"));`);
    this.addSql(`create index "spreadsheet_import_kind_scope_id_index" on "spreadsheet_import" ("kind", "scope_id");`);

    this.addSql(`create table "stored_file" ("id" uuid not null, "purpose" varchar(64) not null, "subject_type" varchar(64) not null, "subject_id" varchar(64) not null, "organization_path" varchar(400) not null, "uploader_id" varchar(128) not null, "max_bytes" int not null, "allowed_types_json" varchar(400) not null, "storage_key" varchar(300) not null, "file_name" varchar(200) not null, "issued_at" timestamptz not null, "uploaded_at" timestamptz null, "size" int null, "mime_type" varchar(100) null, "sha256" varchar(64) null, constraint "stored_file_pkey" primary key ("id"));`);
    this.addSql(`create index "stored_file_subject_type_subject_id_purpose_index" on "stored_file" ("subject_type", "subject_id", "purpose");`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "roster_entry" cascade;`);

    this.addSql(`drop table if exists "spreadsheet_import" cascade;`);

    this.addSql(`drop table if exists "stored_file" cascade;`);
  }

}
