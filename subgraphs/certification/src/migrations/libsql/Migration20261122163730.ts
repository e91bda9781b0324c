import { Migration } from '@mikro-orm/migrations';

export class Migration20261122163730 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`alter table \`certification_case\` add column \`organization_path\` text not null default '';`);
    this.addSql(`create index \`certification_case_organization_path_index\` on \`certification_case\` (\`organization_path\`);`);
  }

}
