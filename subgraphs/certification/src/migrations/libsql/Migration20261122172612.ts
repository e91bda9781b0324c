import { Migration } from '@mikro-orm/migrations';

export class Migration20261122172612 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`create table \`job_lease\` (\`name\` text not null, \`holder\` text null, \`lease_until\` datetime null, \`last_run_at\` datetime null, \`last_error\` text null, \`runs\` integer not null default 0, primary key (\`name\`));`);

    this.addSql(`alter table \`certification_case\` add column \`sla_warned_at\` datetime null;`);
    this.addSql(`alter table \`certification_case\` add column \`sla_escalated_at\` datetime null;`);
  }

}
