import { Migration } from '@mikro-orm/migrations';

export class Migration20261122163730 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`alter table "certification_case" add column "organization_path" varchar(400) not null default '';`);
    this.addSql(`create index "certification_case_organization_path_index" on "certification_case" ("organization_path");`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop index "certification_case_organization_path_index";`);
    this.addSql(`alter table "certification_case" drop column "organization_path";`);
  }

}
