import { Migration } from '@mikro-orm/migrations';

export class Migration20261122165223 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`create table "job_lease" ("name" varchar(100) not null, "holder" varchar(255) null, "lease_until" timestamptz null, "last_run_at" timestamptz null, "last_error" text null, "runs" int not null default 0, constraint "job_lease_pkey" primary key ("name"));`);

    this.addSql(`create table "processed_event" ("id" uuid not null, "consumer" varchar(100) not null, "event_id" uuid not null, "event_type" varchar(200) not null, "processed_at" timestamptz not null, constraint "processed_event_pkey" primary key ("id"));`);
    this.addSql(`alter table "processed_event" add constraint "processed_event_consumer_event_id_unique" unique ("consumer", "event_id");`);

    this.addSql(`create table "recipient" ("user_id" uuid not null, "display_name" varchar(100) not null, "mobile" varchar(11) null, "roles" text not null default '[]', "as_of" timestamptz not null, constraint "recipient_pkey" primary key ("user_id"));`);

    this.addSql(`create table "sms_delivery" ("id" uuid not null, "event_id" uuid null, "template" varchar(64) not null, "variables" text not null, "text" text not null, "mobile" varchar(11) not null, "recipient_id" uuid null, "organization_path" varchar(400) not null, "status" varchar(16) not null default 'PENDING', "attempts" int not null default 0, "next_attempt_at" timestamptz not null, "claimed_until" timestamptz null, "last_error" text null, "provider_message_id" varchar(100) null, "created_at" timestamptz not null, "sent_at" timestamptz null, constraint "sms_delivery_pkey" primary key ("id"));`);
    this.addSql(`create index "sms_delivery_organization_path_index" on "sms_delivery" ("organization_path");`);
    this.addSql(`create index "sms_delivery_created_at_index" on "sms_delivery" ("created_at");`);
    this.addSql(`create index "sms_delivery_mobile_sent_at_index" on "sms_delivery" ("mobile", "sent_at");`);
    this.addSql(`create index "sms_delivery_status_next_attempt_at_index" on "sms_delivery" ("status", "next_attempt_at");`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "job_lease" cascade;`);

    this.addSql(`drop table if exists "processed_event" cascade;`);

    this.addSql(`drop table if exists "recipient" cascade;`);

    this.addSql(`drop table if exists "sms_delivery" cascade;`);
  }

}
