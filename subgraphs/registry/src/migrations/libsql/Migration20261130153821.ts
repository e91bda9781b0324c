import { Migration } from '@mikro-orm/migrations';

export class Migration20261130153821 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`create table \`pre_registration\` (\`id\` text not null, \`candidate_id\` text not null, \`candidate_kind\` text not null, \`province_code\` text not null, \`status\` text not null default 'DRAFT', \`organization_path\` text not null, \`school_id\` text null, \`class_id\` text null, \`roster_entry_id\` text null, \`student_number\` text null, \`record_number\` text null, \`name\` text not null default '', \`gender\` text not null default '', \`ethnicity_code\` text not null default '', \`political_status\` text not null default '', \`student_category\` text not null default '', \`household_location\` text not null default '', \`household_authority\` text not null default '', \`id_number\` text null, \`id_number_lookup\` text null, \`claimed_id_number_lookup\` text null, \`birth_date\` text not null default '', \`mobile\` text null, \`address\` text not null default '', \`postcode\` text not null default '', \`resume_json\` text not null default '[]', \`family_json\` text null, \`guardian_json\` text null, \`foreign_language\` text not null default '', \`enrollment_year\` integer null, \`application_id\` text null, \`photo_file_id\` text null, \`last_submission_key\` text null, \`step_key\` text null, \`actor_role\` text null, \`acting_organization_path\` text null, \`queue_order_at\` datetime null, \`version\` integer not null default 1, \`submitted_at\` datetime null, \`registered_at\` datetime null, \`created_at\` datetime not null, \`updated_at\` datetime not null, primary key (\`id\`));`);
    this.addSql(`create unique index \`pre_registration_candidate_id_unique\` on \`pre_registration\` (\`candidate_id\`);`);
    this.addSql(`create index \`pre_registration_id_number_lookup_index\` on \`pre_registration\` (\`id_number_lookup\`);`);
    this.addSql(`create index \`pre_registration_status_actor_role_queue_order_at_id_index\` on \`pre_registration\` (\`status\`, \`actor_role\`, \`queue_order_at\`, \`id\`);`);
    this.addSql(`create index \`pre_registration_status_organization_path_index\` on \`pre_registration\` (\`status\`, \`organization_path\`);`);
    this.addSql(`create unique index \`pre_registration_province_code_claimed_id_number_lookup_unique\` on \`pre_registration\` (\`province_code\`, \`claimed_id_number_lookup\`);`);

    this.addSql(`pragma foreign_keys = off;`);
    this.addSql(`create table \`exam_record__temp_alter\` (\`id\` text not null, \`record_number\` text not null, \`status\` text not null default 'PRE_REGISTERED', \`candidate_id\` text not null, \`school_id\` text null, \`organization_path\` text not null, \`province_code\` text null, \`enrollment_year\` integer null, \`created_at\` datetime not null, primary key (\`id\`));`);
    this.addSql(`insert into \`exam_record__temp_alter\` select \`id\`, \`record_number\`, \`status\`, \`candidate_id\`, \`school_id\`, \`organization_path\`, \`province_code\`, \`enrollment_year\`, \`created_at\` from \`exam_record\`;`);
    this.addSql(`drop table \`exam_record\`;`);
    this.addSql(`alter table \`exam_record__temp_alter\` rename to \`exam_record\`;`);
    this.addSql(`create unique index \`exam_record_record_number_unique\` on \`exam_record\` (\`record_number\`);`);
    this.addSql(`create unique index \`exam_record_candidate_id_unique\` on \`exam_record\` (\`candidate_id\`);`);
    this.addSql(`create index \`exam_record_school_id_index\` on \`exam_record\` (\`school_id\`);`);
    this.addSql(`create index \`exam_record_organization_path_index\` on \`exam_record\` (\`organization_path\`);`);
    this.addSql(`pragma foreign_keys = on;`);
  }

}
