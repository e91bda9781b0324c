import { Migration } from '@mikro-orm/migrations';

export class Migration20261130163953 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`alter table \`pre_registration\` add column \`has_id_number\` integer not null default true;`);
  }

}
