import { Migration } from '@mikro-orm/migrations';

export class Migration20261130145129 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`create table \`exam_subject\` (\`id\` text not null, \`province_code\` text not null, \`code\` text not null, \`name\` text not null, \`sort_order\` integer not null, \`run_by\` text not null, primary key (\`id\`));`);
    this.addSql(`create unique index \`exam_subject_province_code_code_unique\` on \`exam_subject\` (\`province_code\`, \`code\`);`);

    this.addSql(`create table \`subject_entry\` (\`id\` text not null, \`session_id\` text not null, \`record_id\` text not null, \`record_number\` text not null, \`candidate_id\` text not null, \`organization_path\` text not null, \`subject_code\` text not null, \`entered_at\` datetime not null, \`result\` text null, \`score\` double null, \`result_recorded_at\` datetime null, primary key (\`id\`));`);
    this.addSql(`create index \`subject_entry_session_id_index\` on \`subject_entry\` (\`session_id\`);`);
    this.addSql(`create index \`subject_entry_organization_path_index\` on \`subject_entry\` (\`organization_path\`);`);
    this.addSql(`create index \`subject_entry_candidate_id_subject_code_index\` on \`subject_entry\` (\`candidate_id\`, \`subject_code\`);`);
    this.addSql(`create unique index \`subject_entry_session_id_candidate_id_subject_code_unique\` on \`subject_entry\` (\`session_id\`, \`candidate_id\`, \`subject_code\`);`);

    this.addSql(`alter table \`exam_record\` add column \`province_code\` text null;`);
    this.addSql(`alter table \`exam_record\` add column \`enrollment_year\` integer null;`);

    this.addSql(`alter table \`exam_session\` add column \`subject_codes_json\` text not null default '[]';`);
  }

}
