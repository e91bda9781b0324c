import { Migration } from '@mikro-orm/migrations';

export class Migration20261130122110 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`create table "audit_chain_head" ("id" int not null default 1, "last_seq" bigint not null default 0, "last_hash" varchar(64) not null default '0000000000000000000000000000000000000000000000000000000000000000', constraint "audit_chain_head_pkey" primary key ("id"));`);

    this.addSql(`create table "audit_entry" ("id" uuid not null, "seq" bigint not null, "occurred_at" timestamptz not null, "request_id" varchar(128) not null, "actor_kind" varchar(16) not null, "actor_id" varchar(128) null, "actor_role" varchar(32) null, "actor_organization_id" varchar(64) null, "action" varchar(64) not null, "subject_type" varchar(64) not null, "subject_id" varchar(128) not null, "organization_path" varchar(400) not null, "before" text null, "after" text null, "prev_hash" varchar(64) not null, "hash" varchar(64) not null, constraint "audit_entry_pkey" primary key ("id"));`);
    this.addSql(`alter table "audit_entry" add constraint "audit_entry_seq_unique" unique ("seq");`);
    this.addSql(`create index "audit_entry_organization_path_index" on "audit_entry" ("organization_path");`);
    this.addSql(`create index "audit_entry_subject_type_subject_id_seq_index" on "audit_entry" ("subject_type", "subject_id", "seq");`);

    this.addSql(`drop index "sms_challenge_mobile_created_at_index";`);

    this.addSql(`alter table "sms_challenge" add column "mobile_lookup" varchar(64) null;`);
    this.addSql(`alter table "sms_challenge" alter column "mobile" type text using ("mobile"::text);`);
    this.addSql(`create index "sms_challenge_mobile_lookup_created_at_index" on "sms_challenge" ("mobile_lookup", "created_at");`);

    this.addSql(`alter table "app_user" drop constraint "app_user_mobile_unique";`);

    this.addSql(`alter table "app_user" add column "mobile_lookup" varchar(64) null;`);
    this.addSql(`alter table "app_user" alter column "mobile" type text using ("mobile"::text);`);
    this.addSql(`alter table "app_user" add constraint "app_user_mobile_lookup_unique" unique ("mobile_lookup");`);
  }

  // Down only before any mobile was protected: an encrypted value (`pd1:…`) does not fit varchar(11)
  // and would be cut; decrypt first (there is no tool for that, by design).
  override async down(): Promise<void> {
    this.addSql(`drop table if exists "audit_chain_head" cascade;`);

    this.addSql(`drop table if exists "audit_entry" cascade;`);

    this.addSql(`alter table "app_user" drop constraint "app_user_mobile_lookup_unique";`);
    this.addSql(`alter table "app_user" drop column "mobile_lookup";`);

    this.addSql(`alter table "app_user" alter column "mobile" type varchar(11) using ("mobile"::varchar(11));`);
    this.addSql(`alter table "app_user" add constraint "app_user_mobile_unique" unique ("mobile");`);

    this.addSql(`drop index "sms_challenge_mobile_lookup_created_at_index";`);
    this.addSql(`alter table "sms_challenge" drop column "mobile_lookup";`);

    this.addSql(`alter table "sms_challenge" alter column "mobile" type varchar(11) using ("mobile"::varchar(11));`);
    this.addSql(`create index "sms_challenge_mobile_created_at_index" on "sms_challenge" ("mobile", "created_at");`);
  }

}
