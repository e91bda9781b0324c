import { Migration } from '@mikro-orm/migrations';

export class Migration20261130144956 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`create table \`directory_organization\` (\`id\` text not null, \`parent_id\` text null, \`path\` text not null, \`kind\` text not null, \`code\` text not null, \`name\` text not null, \`province_code\` text not null, \`as_of\` datetime not null, primary key (\`id\`));`);
    this.addSql(`create index \`directory_organization_path_index\` on \`directory_organization\` (\`path\`);`);
    this.addSql(`create index \`directory_organization_parent_id_kind_index\` on \`directory_organization\` (\`parent_id\`, \`kind\`);`);
    this.addSql(`create index \`directory_organization_province_code_kind_code_index\` on \`directory_organization\` (\`province_code\`, \`kind\`, \`code\`);`);

    this.addSql(`create table \`processed_event\` (\`id\` text not null, \`consumer\` text not null, \`event_id\` text not null, \`event_type\` text not null, \`processed_at\` datetime not null, primary key (\`id\`));`);
    this.addSql(`create unique index \`processed_event_consumer_event_id_unique\` on \`processed_event\` (\`consumer\`, \`event_id\`);`);
  }

}
