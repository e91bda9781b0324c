import { Migration } from '@mikro-orm/migrations';

export class Migration20261122172606 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`create table \`job_lease\` (\`name\` text not null, \`holder\` text null, \`lease_until\` datetime null, \`last_run_at\` datetime null, \`last_error\` text null, \`runs\` integer not null default 0, primary key (\`name\`));`);

    this.addSql(`create table \`outbox_event\` (\`id\` text not null, \`type\` text not null, \`version\` integer not null, \`occurred_at\` datetime not null, \`organization_path\` text not null, \`producer\` text not null, \`payload\` text not null, \`published_at\` datetime null, \`attempts\` integer not null default 0, \`next_attempt_at\` datetime not null, \`last_error\` text null, \`claimed_until\` datetime null, primary key (\`id\`));`);
    this.addSql(`create index \`outbox_event_due_index\` on \`outbox_event\` (\`published_at\`, \`next_attempt_at\`);`);

    this.addSql(`alter table \`exam_session\` add column \`opening_notice_sent_at\` datetime null;`);
    this.addSql(`alter table \`exam_session\` add column \`closing_reminder_sent_at\` datetime null;`);
  }

}
