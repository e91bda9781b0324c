import { Migration } from '@mikro-orm/migrations';

export class Migration20261122140803 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`create table "organization" ("id" uuid not null, "code" varchar(32) not null, "name" varchar(100) not null, "kind" varchar(16) not null, "parent_id" uuid null, "created_at" timestamptz not null, constraint "organization_pkey" primary key ("id"));`);
    this.addSql(`alter table "organization" add constraint "organization_code_unique" unique ("code");`);
    this.addSql(`create index "organization_parent_id_index" on "organization" ("parent_id");`);

    this.addSql(`create table "app_user" ("id" uuid not null, "username" varchar(64) not null, "display_name" varchar(100) not null, "created_at" timestamptz not null, constraint "app_user_pkey" primary key ("id"));`);
    this.addSql(`alter table "app_user" add constraint "app_user_username_unique" unique ("username");`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "organization" cascade;`);

    this.addSql(`drop table if exists "app_user" cascade;`);
  }

}
