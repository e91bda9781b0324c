import { Migration } from '@mikro-orm/migrations';

export class Migration20261122152834 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`create table "api_client" ("id" uuid not null, "client_id" varchar(64) not null, "name" varchar(100) not null, "secret_hash" text not null, "scopes" varchar(400) not null, "disabled_at" timestamptz null, "created_at" timestamptz not null, constraint "api_client_pkey" primary key ("id"));`);
    this.addSql(`alter table "api_client" add constraint "api_client_client_id_unique" unique ("client_id");`);

    this.addSql(`create table "organization" ("id" uuid not null, "code" varchar(32) not null, "name" varchar(100) not null, "kind" varchar(16) not null, "parent_id" uuid null, "path" varchar(400) not null, "created_at" timestamptz not null, constraint "organization_pkey" primary key ("id"));`);
    this.addSql(`alter table "organization" add constraint "organization_code_unique" unique ("code");`);
    this.addSql(`create index "organization_parent_id_index" on "organization" ("parent_id");`);

    this.addSql(`create table "refresh_token" ("id" uuid not null, "user_id" uuid not null, "family_id" uuid not null, "token_hash" varchar(64) not null, "expires_at" timestamptz not null, "replaced_at" timestamptz null, "revoked_at" timestamptz null, "created_at" timestamptz not null, constraint "refresh_token_pkey" primary key ("id"));`);
    this.addSql(`create index "refresh_token_user_id_index" on "refresh_token" ("user_id");`);
    this.addSql(`create index "refresh_token_family_id_index" on "refresh_token" ("family_id");`);
    this.addSql(`alter table "refresh_token" add constraint "refresh_token_token_hash_unique" unique ("token_hash");`);

    this.addSql(`create table "role_binding" ("id" uuid not null, "user_id" uuid not null, "role" varchar(32) not null, "organization_id" uuid not null, "created_at" timestamptz not null, constraint "role_binding_pkey" primary key ("id"));`);
    this.addSql(`create index "role_binding_user_id_index" on "role_binding" ("user_id");`);
    this.addSql(`alter table "role_binding" add constraint "role_binding_user_id_role_organization_id_unique" unique ("user_id", "role", "organization_id");`);

    this.addSql(`create table "sms_challenge" ("id" uuid not null, "mobile" varchar(11) not null, "purpose" varchar(16) not null, "code_hash" varchar(64) not null, "expires_at" timestamptz not null, "attempts" int not null default 0, "consumed_at" timestamptz null, "created_at" timestamptz not null, constraint "sms_challenge_pkey" primary key ("id"));`);
    this.addSql(`create index "sms_challenge_mobile_created_at_index" on "sms_challenge" ("mobile", "created_at");`);

    this.addSql(`create table "app_user" ("id" uuid not null, "username" varchar(64) not null, "display_name" varchar(100) not null, "password_hash" text null, "mobile" varchar(11) null, "failed_login_count" int not null default 0, "locked_until" timestamptz null, "created_at" timestamptz not null, constraint "app_user_pkey" primary key ("id"));`);
    this.addSql(`alter table "app_user" add constraint "app_user_username_unique" unique ("username");`);
    this.addSql(`alter table "app_user" add constraint "app_user_mobile_unique" unique ("mobile");`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "api_client" cascade;`);

    this.addSql(`drop table if exists "organization" cascade;`);

    this.addSql(`drop table if exists "refresh_token" cascade;`);

    this.addSql(`drop table if exists "role_binding" cascade;`);

    this.addSql(`drop table if exists "sms_challenge" cascade;`);

    this.addSql(`drop table if exists "app_user" cascade;`);
  }

}
