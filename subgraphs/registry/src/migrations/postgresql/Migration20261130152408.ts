import { Migration } from '@mikro-orm/migrations';

export class Migration20261130152408 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`alter table "spreadsheet_import" add column "work_started_at" timestamptz null;`);
  }

  override async down(): Promise<void> {
    this.addSql(`alter table "spreadsheet_import" drop column "work_started_at";`);
  }

}
