import { Migration } from '@mikro-orm/migrations';

export class Migration20261130152407 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`alter table \`spreadsheet_import\` add column \`work_started_at\` datetime null;`);
  }

}
