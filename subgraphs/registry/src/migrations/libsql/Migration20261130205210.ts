import { Migration } from '@mikro-orm/migrations';

export class Migration20261130205210 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`create table \`score_certificate\` (\`id\` text not null, \`code\` text not null, \`record_id\` text not null, \`candidate_id\` text not null, \`organization_path\` text not null, \`province_code\` text not null, \`token\` text not null, \`issued_at\` datetime not null, \`pdf_file_id\` text not null, primary key (\`id\`));`);
    this.addSql(`create unique index \`score_certificate_code_unique\` on \`score_certificate\` (\`code\`);`);
    this.addSql(`create index \`score_certificate_record_id_index\` on \`score_certificate\` (\`record_id\`);`);
    this.addSql(`create index \`score_certificate_candidate_id_index\` on \`score_certificate\` (\`candidate_id\`);`);
    this.addSql(`create index \`score_certificate_organization_path_index\` on \`score_certificate\` (\`organization_path\`);`);
  }

}
