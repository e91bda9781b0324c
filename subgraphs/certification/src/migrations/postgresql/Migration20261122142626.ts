import { Migration } from '@mikro-orm/migrations';

export class Migration20261122142626 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`alter table "certification_case" add column "pending_key" varchar(64) null;`);
    this.addSql(`alter table "certification_case" add constraint "certification_case_pending_key_unique" unique ("pending_key");`);
  }

  override async down(): Promise<void> {
    this.addSql(`alter table "certification_case" drop constraint "certification_case_pending_key_unique";`);
    this.addSql(`alter table "certification_case" drop column "pending_key";`);
  }

}
