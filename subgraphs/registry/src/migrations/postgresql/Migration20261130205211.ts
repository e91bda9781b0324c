import { Migration } from '@mikro-orm/migrations';

export class Migration20261130205211 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`create table "score_certificate" ("id" uuid not null, "code" varchar(11) not null, "record_id" uuid not null, "candidate_id" uuid not null, "organization_path" varchar(400) not null, "province_code" varchar(2) not null, "token" text not null, "issued_at" timestamptz not null, "pdf_file_id" uuid not null, constraint "score_certificate_pkey" primary key ("id"));`);
    this.addSql(`alter table "score_certificate" add constraint "score_certificate_code_unique" unique ("code");`);
    this.addSql(`create index "score_certificate_record_id_index" on "score_certificate" ("record_id");`);
    this.addSql(`create index "score_certificate_candidate_id_index" on "score_certificate" ("candidate_id");`);
    this.addSql(`create index "score_certificate_organization_path_index" on "score_certificate" ("organization_path");`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "score_certificate" cascade;`);
  }

}
