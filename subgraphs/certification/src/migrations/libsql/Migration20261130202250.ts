import { Migration } from '@mikro-orm/migrations';

export class Migration20261130202250 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`create table \`certification_source_rules\` (\`id\` text not null, \`certifying_province_code\` text not null, \`source_province_code\` text not null, \`grades_json\` text null, \`pass_grade\` text null, \`full_scores_json\` text not null default '{}', \`art_as_music_and_fine_art\` integer not null default false, \`updated_at\` datetime not null, \`updated_by\` text null, primary key (\`id\`));`);
    this.addSql(`create unique index \`certification_source_rules_certifying_province_code_source_province_code_unique\` on \`certification_source_rules\` (\`certifying_province_code\`, \`source_province_code\`);`);

    this.addSql(`create table \`certification_window\` (\`id\` text not null, \`province_code\` text not null, \`kind\` text not null, \`name\` text not null, \`opens_at\` datetime not null, \`closes_at\` datetime not null, \`viewable_until\` datetime not null, \`updated_at\` datetime not null, \`updated_by\` text null, primary key (\`id\`));`);
    this.addSql(`create index \`certification_window_province_code_kind_opens_at_index\` on \`certification_window\` (\`province_code\`, \`kind\`, \`opens_at\`);`);
    this.addSql(`create unique index \`certification_window_province_code_kind_name_unique\` on \`certification_window\` (\`province_code\`, \`kind\`, \`name\`);`);
  }

}
