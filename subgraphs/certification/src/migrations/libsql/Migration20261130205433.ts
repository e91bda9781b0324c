import { Migration } from '@mikro-orm/migrations';

export class Migration20261130205433 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`create table \`certificate\` (\`id\` text not null, \`code\` text not null, \`kind\` text not null, \`candidate_id\` text not null, \`case_id\` text null, \`organization_path\` text not null, \`province_code\` text not null, \`token\` text not null, \`fields_json\` text not null, \`issued_at\` datetime not null, \`revoked_at\` datetime null, \`revoked_by\` text null, \`revocation_reason\` text null, \`pdf_file_id\` text null, primary key (\`id\`));`);
    this.addSql(`create unique index \`certificate_code_unique\` on \`certificate\` (\`code\`);`);
    this.addSql(`create index \`certificate_candidate_id_index\` on \`certificate\` (\`candidate_id\`);`);
    this.addSql(`create index \`certificate_case_id_index\` on \`certificate\` (\`case_id\`);`);
    this.addSql(`create index \`certificate_organization_path_index\` on \`certificate\` (\`organization_path\`);`);

    this.addSql(`create table \`certificate_verification\` (\`id\` text not null, \`certificate_id\` text null, \`code\` text not null, \`outcome\` text not null, \`at\` datetime not null, \`caller_id\` text null, \`request_id\` text not null, primary key (\`id\`));`);
    this.addSql(`create index \`certificate_verification_certificate_id_index\` on \`certificate_verification\` (\`certificate_id\`);`);
    this.addSql(`create index \`certificate_verification_code_index\` on \`certificate_verification\` (\`code\`);`);
    this.addSql(`create index \`certificate_verification_at_index\` on \`certificate_verification\` (\`at\`);`);

    this.addSql(`create table \`processed_event\` (\`id\` text not null, \`consumer\` text not null, \`event_id\` text not null, \`event_type\` text not null, \`processed_at\` datetime not null, primary key (\`id\`));`);
    this.addSql(`create unique index \`processed_event_consumer_event_id_unique\` on \`processed_event\` (\`consumer\`, \`event_id\`);`);
  }

}
