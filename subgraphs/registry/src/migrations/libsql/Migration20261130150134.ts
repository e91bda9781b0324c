import { Migration } from '@mikro-orm/migrations';

export class Migration20261130150134 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`create table \`roster_entry\` (\`id\` text not null, \`school_id\` text not null, \`class_id\` text not null, \`organization_path\` text not null, \`student_number\` text not null, \`name\` text not null, \`id_number\` text not null, \`id_number_lookup\` text not null, \`created_at\` datetime not null, \`updated_at\` datetime not null, primary key (\`id\`));`);
    this.addSql(`create index \`roster_entry_organization_path_index\` on \`roster_entry\` (\`organization_path\`);`);
    this.addSql(`create unique index \`roster_entry_student_number_unique\` on \`roster_entry\` (\`student_number\`);`);
    this.addSql(`create unique index \`roster_entry_id_number_lookup_unique\` on \`roster_entry\` (\`id_number_lookup\`);`);
    this.addSql(`create index \`roster_entry_class_id_student_number_index\` on \`roster_entry\` (\`class_id\`, \`student_number\`);`);
    this.addSql(`create index \`roster_entry_school_id_student_number_index\` on \`roster_entry\` (\`school_id\`, \`student_number\`);`);

    this.addSql(`create table \`spreadsheet_import\` (\`id\` text not null, \`kind\` text not null, \`scope_id\` text not null, \`organization_path\` text not null, \`created_by\` text not null, \`file_id\` text not null, \`file_name\` text not null, \`status\` text not null default 'AWAITING_UPLOAD', \`total_rows\` integer not null default 0, \`processed_rows\` integer not null default 0, \`problem_count\` integer not null default 0, \`problems_json\` text not null default '[]', \`created_count\` integer null, \`updated_count\` integer null, \`failure_message\` text null, \`created_at\` datetime not null, \`checked_at\` datetime null, \`committed_at\` datetime null, primary key (\`id\`));`);
    this.addSql(`create index \`spreadsheet_import_kind_scope_id_index\` on \`spreadsheet_import\` (\`kind\`, \`scope_id\`);`);

    this.addSql(`create table \`stored_file\` (\`id\` text not null, \`purpose\` text not null, \`subject_type\` text not null, \`subject_id\` text not null, \`organization_path\` text not null, \`uploader_id\` text not null, \`max_bytes\` integer not null, \`allowed_types_json\` text not null, \`storage_key\` text not null, \`file_name\` text not null, \`issued_at\` datetime not null, \`uploaded_at\` datetime null, \`size\` integer null, \`mime_type\` text null, \`sha256\` text null, primary key (\`id\`));`);
    this.addSql(`create index \`stored_file_subject_type_subject_id_purpose_index\` on \`stored_file\` (\`subject_type\`, \`subject_id\`, \`purpose\`);`);
  }

}
