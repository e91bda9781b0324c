import { Migration } from '@mikro-orm/migrations';

export class Migration20261122141028 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`create table \`notification\` (\`id\` text not null, \`recipient_id\` text not null, \`title\` text not null, \`body\` text not null, \`read_at\` datetime null, \`created_at\` datetime not null, primary key (\`id\`));`);
    this.addSql(`create index \`notification_recipient_id_created_at_index\` on \`notification\` (\`recipient_id\`, \`created_at\`);`);
  }

}
