import { Migration } from '@mikro-orm/migrations';

export class Migration20261122172606 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`create table "job_lease" ("name" varchar(100) not null, "holder" varchar(255) null, "lease_until" timestamptz null, "last_run_at" timestamptz null, "last_error" text null, "runs" int not null default 0, constraint "job_lease_pkey" primary key ("name"));`);

    this.addSql(`create table "outbox_event" ("id" uuid not null, "type" varchar(200) not null, "version" int not null, "occurred_at" timestamptz not null, "organization_path" text not null, "producer" varchar(100) not null, "payload" text not null, "published_at" timestamptz null, "attempts" int not null default 0, "next_attempt_at" timestamptz not null, "last_error" text null, "claimed_until" timestamptz null, constraint "outbox_event_pkey" primary key ("id"));`);
    this.addSql(`create index "outbox_event_due_index" on "outbox_event" ("published_at", "next_attempt_at");`);

    this.addSql(`alter table "exam_session" add column "opening_notice_sent_at" timestamptz null, add column "closing_reminder_sent_at" timestamptz null;`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "job_lease" cascade;`);

    this.addSql(`drop table if exists "outbox_event" cascade;`);

    this.addSql(`alter table "exam_session" drop column "opening_notice_sent_at", drop column "closing_reminder_sent_at";`);
  }

}
