import { Migration } from '@mikro-orm/migrations';

export class Migration20261122172613 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`create table "job_lease" ("name" varchar(100) not null, "holder" varchar(255) null, "lease_until" timestamptz null, "last_run_at" timestamptz null, "last_error" text null, "runs" int not null default 0, constraint "job_lease_pkey" primary key ("name"));`);

    this.addSql(`alter table "certification_case" add column "sla_warned_at" timestamptz null, add column "sla_escalated_at" timestamptz null;`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "job_lease" cascade;`);

    this.addSql(`alter table "certification_case" drop column "sla_warned_at", drop column "sla_escalated_at";`);
  }

}
