import { Migration } from '@mikro-orm/migrations';

export class Migration20261130122109 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`create table \`audit_chain_head\` (\`id\` integer not null default 1, \`last_seq\` bigint not null default 0, \`last_hash\` text not null default '0000000000000000000000000000000000000000000000000000000000000000', primary key (\`id\`));`);

    this.addSql(`create table \`audit_entry\` (\`id\` text not null, \`seq\` bigint not null, \`occurred_at\` datetime not null, \`request_id\` text not null, \`actor_kind\` text not null, \`actor_id\` text null, \`actor_role\` text null, \`actor_organization_id\` text null, \`action\` text not null, \`subject_type\` text not null, \`subject_id\` text not null, \`organization_path\` text not null, \`before\` text null, \`after\` text null, \`prev_hash\` text not null, \`hash\` text not null, primary key (\`id\`));`);
    this.addSql(`create unique index \`audit_entry_seq_unique\` on \`audit_entry\` (\`seq\`);`);
    this.addSql(`create index \`audit_entry_organization_path_index\` on \`audit_entry\` (\`organization_path\`);`);
    this.addSql(`create index \`audit_entry_subject_type_subject_id_seq_index\` on \`audit_entry\` (\`subject_type\`, \`subject_id\`, \`seq\`);`);

    this.addSql(`drop index \`sms_challenge_mobile_created_at_index\`;`);

    this.addSql(`alter table \`sms_challenge\` add column \`mobile_lookup\` text null;`);
    this.addSql(`create index \`sms_challenge_mobile_lookup_created_at_index\` on \`sms_challenge\` (\`mobile_lookup\`, \`created_at\`);`);

    this.addSql(`drop index \`app_user_mobile_unique\`;`);

    this.addSql(`alter table \`app_user\` add column \`mobile_lookup\` text null;`);
    this.addSql(`create unique index \`app_user_mobile_lookup_unique\` on \`app_user\` (\`mobile_lookup\`);`);
  }

}
