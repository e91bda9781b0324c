import { Migration } from '@mikro-orm/migrations';

export class Migration20261122165222 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`create table \`job_lease\` (\`name\` text not null, \`holder\` text null, \`lease_until\` datetime null, \`last_run_at\` datetime null, \`last_error\` text null, \`runs\` integer not null default 0, primary key (\`name\`));`);

    this.addSql(`create table \`processed_event\` (\`id\` text not null, \`consumer\` text not null, \`event_id\` text not null, \`event_type\` text not null, \`processed_at\` datetime not null, primary key (\`id\`));`);
    this.addSql(`create unique index \`processed_event_consumer_event_id_unique\` on \`processed_event\` (\`consumer\`, \`event_id\`);`);

    this.addSql(`create table \`recipient\` (\`user_id\` text not null, \`display_name\` text not null, \`mobile\` text null, \`roles\` text not null default '[]', \`as_of\` datetime not null, primary key (\`user_id\`));`);

    this.addSql(`create table \`sms_delivery\` (\`id\` text not null, \`event_id\` text null, \`template\` text not null, \`variables\` text not null, \`text\` text not null, \`mobile\` text not null, \`recipient_id\` text null, \`organization_path\` text not null, \`status\` text not null default 'PENDING', \`attempts\` integer not null default 0, \`next_attempt_at\` datetime not null, \`claimed_until\` datetime null, \`last_error\` text null, \`provider_message_id\` text null, \`created_at\` datetime not null, \`sent_at\` datetime null, primary key (\`id\`));`);
    this.addSql(`create index \`sms_delivery_organization_path_index\` on \`sms_delivery\` (\`organization_path\`);`);
    this.addSql(`create index \`sms_delivery_created_at_index\` on \`sms_delivery\` (\`created_at\`);`);
    this.addSql(`create index \`sms_delivery_mobile_sent_at_index\` on \`sms_delivery\` (\`mobile\`, \`sent_at\`);`);
    this.addSql(`create index \`sms_delivery_status_next_attempt_at_index\` on \`sms_delivery\` (\`status\`, \`next_attempt_at\`);`);
  }

}
