import { Migration } from '@mikro-orm/migrations';

export class Migration20261122142626 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`alter table \`certification_case\` add column \`pending_key\` text null;`);
    this.addSql(`create unique index \`certification_case_pending_key_unique\` on \`certification_case\` (\`pending_key\`);`);
  }

}
