import { Migration } from '@mikro-orm/migrations';

export class Migration20261122140803 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`create table \`organization\` (\`id\` text not null, \`code\` text not null, \`name\` text not null, \`kind\` text not null, \`parent_id\` text null, \`created_at\` datetime not null, primary key (\`id\`));`);
    this.addSql(`create unique index \`organization_code_unique\` on \`organization\` (\`code\`);`);
    this.addSql(`create index \`organization_parent_id_index\` on \`organization\` (\`parent_id\`);`);

    this.addSql(`create table \`app_user\` (\`id\` text not null, \`username\` text not null, \`display_name\` text not null, \`created_at\` datetime not null, primary key (\`id\`));`);
    this.addSql(`create unique index \`app_user_username_unique\` on \`app_user\` (\`username\`);`);
  }

}
