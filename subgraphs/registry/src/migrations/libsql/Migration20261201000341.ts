import { Migration } from '@mikro-orm/migrations';

export class Migration20261201000341 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`create table \`certified_subject\` (\`id\` text not null, \`candidate_id\` text not null, \`subject_code\` text not null, \`passed\` integer not null, \`detail\` text null, \`province_code\` text not null, \`origin_province_code\` text not null, \`case_id\` text not null, \`certified_at\` datetime not null, \`organization_path\` text not null, primary key (\`id\`));`);
    this.addSql(`create index \`certified_subject_organization_path_index\` on \`certified_subject\` (\`organization_path\`);`);
    this.addSql(`create unique index \`certified_subject_candidate_id_subject_code_unique\` on \`certified_subject\` (\`candidate_id\`, \`subject_code\`);`);
  }

}
