import { Migration } from '@mikro-orm/migrations';

export class Migration20261201000544 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`create table \`candidate_fact\` (\`id\` text not null, \`candidate_id\` text not null, \`kind\` text not null, \`province_code\` text not null, \`organization_path\` text not null default '', \`record_number\` text null, \`candidate_kind\` text null, \`from_province_code\` text null, \`occurred_at\` datetime not null, primary key (\`id\`));`);
    this.addSql(`create index \`candidate_fact_candidate_id_index\` on \`candidate_fact\` (\`candidate_id\`);`);
    this.addSql(`create index \`candidate_fact_organization_path_index\` on \`candidate_fact\` (\`organization_path\`);`);
    this.addSql(`create unique index \`candidate_fact_candidate_id_kind_province_code_unique\` on \`candidate_fact\` (\`candidate_id\`, \`kind\`, \`province_code\`);`);

    this.addSql(`create table \`candidate_name\` (\`candidate_id\` text not null, \`display_name\` text not null, \`changed_at\` datetime not null, primary key (\`candidate_id\`));`);

    // Written by hand: SQLite cannot make submitted_at nullable or change a default in place, so the
    // table is rebuilt (data kept; an existing case was created when it was first submitted).
    this.addSql(`pragma foreign_keys = off;`);
    this.addSql(`create table \`certification_case__temp_alter\` (\`id\` text not null, \`candidate_id\` text not null, \`organization_path\` text not null default '', \`origin_province_code\` text not null, \`certifying_province_code\` text not null, \`status\` text not null default 'DRAFT', \`kind\` text not null default 'certification.returning-candidate', \`application_id\` text null, \`pending_key\` text null, \`created_at\` datetime not null, \`submitted_at\` datetime null, \`started_by\` text null, \`window_id\` text null, \`subjects_json\` text null, \`closed_at\` datetime null, primary key (\`id\`));`);
    this.addSql(`insert into \`certification_case__temp_alter\` (\`id\`, \`candidate_id\`, \`organization_path\`, \`origin_province_code\`, \`certifying_province_code\`, \`status\`, \`kind\`, \`application_id\`, \`pending_key\`, \`created_at\`, \`submitted_at\`, \`started_by\`, \`closed_at\`) select \`id\`, \`candidate_id\`, \`organization_path\`, \`origin_province_code\`, \`certifying_province_code\`, \`status\`, \`kind\`, \`application_id\`, \`pending_key\`, \`submitted_at\`, \`submitted_at\`, \`candidate_id\`, \`closed_at\` from \`certification_case\`;`);
    this.addSql(`drop table \`certification_case\`;`);
    this.addSql(`alter table \`certification_case__temp_alter\` rename to \`certification_case\`;`);
    this.addSql(`create index \`certification_case_candidate_id_index\` on \`certification_case\` (\`candidate_id\`);`);
    this.addSql(`create index \`certification_case_organization_path_index\` on \`certification_case\` (\`organization_path\`);`);
    this.addSql(`create index \`certification_case_application_id_index\` on \`certification_case\` (\`application_id\`);`);
    this.addSql(`create unique index \`certification_case_pending_key_unique\` on \`certification_case\` (\`pending_key\`);`);
    this.addSql(`create index \`certification_case_created_at_index\` on \`certification_case\` (\`created_at\`);`);
    this.addSql(`pragma foreign_keys = on;`);
  }

}
