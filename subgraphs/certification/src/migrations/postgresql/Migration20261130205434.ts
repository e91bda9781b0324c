import { Migration } from '@mikro-orm/migrations';

export class Migration20261130205434 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`create table "certificate" ("id" uuid not null, "code" varchar(11) not null, "kind" varchar(32) not null, "candidate_id" uuid not null, "case_id" uuid null, "organization_path" varchar(400) not null, "province_code" varchar(2) not null, "token" text not null, "fields_json" text not null, "issued_at" timestamptz not null, "revoked_at" timestamptz null, "revoked_by" varchar(128) null, "revocation_reason" varchar(200) null, "pdf_file_id" uuid null, constraint "certificate_pkey" primary key ("id"));`);
    this.addSql(`alter table "certificate" add constraint "certificate_code_unique" unique ("code");`);
    this.addSql(`create index "certificate_candidate_id_index" on "certificate" ("candidate_id");`);
    this.addSql(`create index "certificate_case_id_index" on "certificate" ("case_id");`);
    this.addSql(`create index "certificate_organization_path_index" on "certificate" ("organization_path");`);

    this.addSql(`create table "certificate_verification" ("id" uuid not null, "certificate_id" uuid null, "code" varchar(11) not null, "outcome" varchar(16) not null, "at" timestamptz not null, "caller_id" varchar(128) null, "request_id" varchar(128) not null, constraint "certificate_verification_pkey" primary key ("id"));`);
    this.addSql(`create index "certificate_verification_certificate_id_index" on "certificate_verification" ("certificate_id");`);
    this.addSql(`create index "certificate_verification_code_index" on "certificate_verification" ("code");`);
    this.addSql(`create index "certificate_verification_at_index" on "certificate_verification" ("at");`);

    this.addSql(`create table "processed_event" ("id" uuid not null, "consumer" varchar(100) not null, "event_id" uuid not null, "event_type" varchar(200) not null, "processed_at" timestamptz not null, constraint "processed_event_pkey" primary key ("id"));`);
    this.addSql(`alter table "processed_event" add constraint "processed_event_consumer_event_id_unique" unique ("consumer", "event_id");`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "certificate" cascade;`);

    this.addSql(`drop table if exists "certificate_verification" cascade;`);

    this.addSql(`drop table if exists "processed_event" cascade;`);
  }

}
