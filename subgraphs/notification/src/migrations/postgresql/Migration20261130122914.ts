import { Migration } from '@mikro-orm/migrations';

export class Migration20261130122914 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`create table "audit_chain_head" ("id" int not null default 1, "last_seq" bigint not null default 0, "last_hash" varchar(64) not null default '0000000000000000000000000000000000000000000000000000000000000000', constraint "audit_chain_head_pkey" primary key ("id"));`);

    this.addSql(`create table "audit_entry" ("id" uuid not null, "seq" bigint not null, "occurred_at" timestamptz not null, "request_id" varchar(128) not null, "actor_kind" varchar(16) not null, "actor_id" varchar(128) null, "actor_role" varchar(32) null, "actor_organization_id" varchar(64) null, "action" varchar(64) not null, "subject_type" varchar(64) not null, "subject_id" varchar(128) not null, "organization_path" varchar(400) not null, "before" text null, "after" text null, "prev_hash" varchar(64) not null, "hash" varchar(64) not null, constraint "audit_entry_pkey" primary key ("id"));`);
    this.addSql(`alter table "audit_entry" add constraint "audit_entry_seq_unique" unique ("seq");`);
    this.addSql(`create index "audit_entry_organization_path_index" on "audit_entry" ("organization_path");`);
    this.addSql(`create index "audit_entry_subject_type_subject_id_seq_index" on "audit_entry" ("subject_type", "subject_id", "seq");`);

    this.addSql(`create table "recipient_role" ("id" serial primary key, "user_id" uuid not null, "role" varchar(64) not null, "organization_path" varchar(400) not null, "province_code" varchar(2) null);`);
    this.addSql(`create index "recipient_role_role_province_code_index" on "recipient_role" ("role", "province_code");`);
    this.addSql(`create index "recipient_role_user_id_index" on "recipient_role" ("user_id");`);
    this.addSql(`create index "recipient_role_role_organization_path_index" on "recipient_role" ("role", "organization_path");`);

    this.addSql(`alter table "recipient_role" add constraint "recipient_role_user_id_foreign" foreign key ("user_id") references "recipient" ("user_id") on update cascade on delete cascade;`);

    // Data: every role a recipient held (the JSON column) becomes a row, before the column goes.
    this.addSql(`insert into "recipient_role" ("user_id", "role", "organization_path", "province_code") select distinct r."user_id", x.value->>'role', coalesce((select string_agg(p.id, '/' order by p.n) from json_array_elements_text(x.value->'organizationPath') with ordinality as p(id, n)), ''), x.value->>'provinceCode' from "recipient" r cross join lateral json_array_elements(r."roles"::json) as x(value) where x.value->>'role' is not null;`);
    this.addSql(`alter table "recipient" drop column "roles";`);

    this.addSql(`alter table "recipient" add column "mobile_lookup" varchar(64) null;`);
    this.addSql(`alter table "recipient" alter column "mobile" type text using ("mobile"::text);`);

    this.addSql(`drop index "sms_delivery_mobile_sent_at_index";`);

    this.addSql(`alter table "sms_delivery" add column "mobile_lookup" varchar(64) null;`);
    this.addSql(`alter table "sms_delivery" alter column "mobile" type text using ("mobile"::text);`);
    this.addSql(`create index "sms_delivery_mobile_lookup_sent_at_index" on "sms_delivery" ("mobile_lookup", "sent_at");`);

    // Data: templates renamed for the approval chains of every kind (workflow.*).
    this.addSql(`update "sms_delivery" set "template" = 'workflow.step-approved' where "template" = 'application.approved';`);
    this.addSql(`update "sms_delivery" set "template" = 'workflow.rejected' where "template" = 'application.refused';`);
    this.addSql(`update "sms_delivery" set "template" = 'workflow.sla-warning' where "template" = 'review.sla-warning';`);
    this.addSql(`update "sms_delivery" set "template" = 'workflow.sla-escalated' where "template" = 'review.sla-escalation';`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "audit_chain_head" cascade;`);

    this.addSql(`drop table if exists "audit_entry" cascade;`);

    this.addSql(`drop table if exists "recipient_role" cascade;`);

    this.addSql(`alter table "recipient" drop column "mobile_lookup";`);

    this.addSql(`alter table "recipient" add column "roles" text not null default '[]';`);
    this.addSql(`alter table "recipient" alter column "mobile" type varchar(11) using ("mobile"::varchar(11));`);

    this.addSql(`drop index "sms_delivery_mobile_lookup_sent_at_index";`);
    this.addSql(`alter table "sms_delivery" drop column "mobile_lookup";`);

    this.addSql(`alter table "sms_delivery" alter column "mobile" type varchar(11) using ("mobile"::varchar(11));`);
    this.addSql(`create index "sms_delivery_mobile_sent_at_index" on "sms_delivery" ("mobile", "sent_at");`);
  }

}
