import { Migration } from '@mikro-orm/migrations';

export class Migration20261122141000 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`create table \`certification_case\` (\`id\` text not null, \`candidate_id\` text not null, \`origin_province_code\` text not null, \`certifying_province_code\` text not null, \`status\` text not null default 'PENDING_REVIEW', \`submitted_at\` datetime not null, primary key (\`id\`));`);
    this.addSql(`create index \`certification_case_candidate_id_index\` on \`certification_case\` (\`candidate_id\`);`);
  }

}
