import { Migration } from '@mikro-orm/migrations';

export class Migration20261122153018 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`create table \`exam_record\` (\`id\` text not null, \`record_number\` text not null, \`status\` text not null default 'PRE_REGISTERED', \`candidate_id\` text not null, \`school_id\` text not null, \`organization_path\` text not null, \`created_at\` datetime not null, primary key (\`id\`));`);
    this.addSql(`create unique index \`exam_record_record_number_unique\` on \`exam_record\` (\`record_number\`);`);
    this.addSql(`create unique index \`exam_record_candidate_id_unique\` on \`exam_record\` (\`candidate_id\`);`);
    this.addSql(`create index \`exam_record_school_id_index\` on \`exam_record\` (\`school_id\`);`);
    this.addSql(`create index \`exam_record_organization_path_index\` on \`exam_record\` (\`organization_path\`);`);

    this.addSql(`create table \`exam_session\` (\`id\` text not null, \`code\` text not null, \`name\` text not null, \`province_code\` text not null, \`registration_opens_at\` datetime not null, \`registration_closes_at\` datetime not null, \`scores_published_at\` datetime null, \`created_at\` datetime not null, primary key (\`id\`));`);
    this.addSql(`create unique index \`exam_session_province_code_code_unique\` on \`exam_session\` (\`province_code\`, \`code\`);`);
  }

}
