import { Migration } from '@mikro-orm/migrations';

export class Migration20261130202251 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`create table "certification_source_rules" ("id" uuid not null, "certifying_province_code" varchar(2) not null, "source_province_code" varchar(2) not null, "grades_json" text null, "pass_grade" varchar(16) null, "full_scores_json" text not null default '{}', "art_as_music_and_fine_art" boolean not null default false, "updated_at" timestamptz not null, "updated_by" uuid null, constraint "certification_source_rules_pkey" primary key ("id"));`);
    this.addSql(`alter table "certification_source_rules" add constraint "certification_source_rules_certifying_province_co_428a0_unique" unique ("certifying_province_code", "source_province_code");`);

    this.addSql(`create table "certification_window" ("id" uuid not null, "province_code" varchar(2) not null, "kind" varchar(64) not null, "name" varchar(100) not null, "opens_at" timestamptz not null, "closes_at" timestamptz not null, "viewable_until" timestamptz not null, "updated_at" timestamptz not null, "updated_by" uuid null, constraint "certification_window_pkey" primary key ("id"));`);
    this.addSql(`create index "certification_window_province_code_kind_opens_at_index" on "certification_window" ("province_code", "kind", "opens_at");`);
    this.addSql(`alter table "certification_window" add constraint "certification_window_province_code_kind_name_unique" unique ("province_code", "kind", "name");`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "certification_source_rules" cascade;`);

    this.addSql(`drop table if exists "certification_window" cascade;`);
  }

}
