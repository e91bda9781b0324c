import { Migration } from '@mikro-orm/migrations';

export class Migration20261130163954 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`alter table "pre_registration" add column "has_id_number" boolean not null default true;`);
  }

  override async down(): Promise<void> {
    this.addSql(`alter table "pre_registration" drop column "has_id_number";`);
  }

}
