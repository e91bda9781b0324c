import { Migration } from '@mikro-orm/migrations';

export class Migration20261130144957 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`create table "directory_organization" ("id" uuid not null, "parent_id" uuid null, "path" varchar(400) not null, "kind" varchar(16) not null, "code" varchar(32) not null, "name" varchar(100) not null, "province_code" varchar(2) not null, "as_of" timestamptz not null, constraint "directory_organization_pkey" primary key ("id"));`);
    this.addSql(`create index "directory_organization_path_index" on "directory_organization" ("path");`);
    this.addSql(`create index "directory_organization_parent_id_kind_index" on "directory_organization" ("parent_id", "kind");`);
    this.addSql(`create index "directory_organization_province_code_kind_code_index" on "directory_organization" ("province_code", "kind", "code");`);

    this.addSql(`create table "processed_event" ("id" uuid not null, "consumer" varchar(100) not null, "event_id" uuid not null, "event_type" varchar(200) not null, "processed_at" timestamptz not null, constraint "processed_event_pkey" primary key ("id"));`);
    this.addSql(`alter table "processed_event" add constraint "processed_event_consumer_event_id_unique" unique ("consumer", "event_id");`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "directory_organization" cascade;`);

    this.addSql(`drop table if exists "processed_event" cascade;`);
  }

}
