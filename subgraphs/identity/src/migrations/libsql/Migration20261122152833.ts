import { Migration } from '@mikro-orm/migrations';

export class Migration20261122152833 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`create table \`api_client\` (\`id\` text not null, \`client_id\` text not null, \`name\` text not null, \`secret_hash\` text not null, \`scopes\` text not null, \`disabled_at\` datetime null, \`created_at\` datetime not null, primary key (\`id\`));`);
    this.addSql(`create unique index \`api_client_client_id_unique\` on \`api_client\` (\`client_id\`);`);

    this.addSql(`create table \`organization\` (\`id\` text not null, \`code\` text not null, \`name\` text not null, \`kind\` text not null, \`parent_id\` text null, \`path\` text not null, \`created_at\` datetime not null, primary key (\`id\`));`);
    this.addSql(`create unique index \`organization_code_unique\` on \`organization\` (\`code\`);`);
    this.addSql(`create index \`organization_parent_id_index\` on \`organization\` (\`parent_id\`);`);

    this.addSql(`create table \`refresh_token\` (\`id\` text not null, \`user_id\` text not null, \`family_id\` text not null, \`token_hash\` text not null, \`expires_at\` datetime not null, \`replaced_at\` datetime null, \`revoked_at\` datetime null, \`created_at\` datetime not null, primary key (\`id\`));`);
    this.addSql(`create index \`refresh_token_user_id_index\` on \`refresh_token\` (\`user_id\`);`);
    this.addSql(`create index \`refresh_token_family_id_index\` on \`refresh_token\` (\`family_id\`);`);
    this.addSql(`create unique index \`refresh_token_token_hash_unique\` on \`refresh_token\` (\`token_hash\`);`);

    this.addSql(`create table \`role_binding\` (\`id\` text not null, \`user_id\` text not null, \`role\` text not null, \`organization_id\` text not null, \`created_at\` datetime not null, primary key (\`id\`));`);
    this.addSql(`create index \`role_binding_user_id_index\` on \`role_binding\` (\`user_id\`);`);
    this.addSql(`create unique index \`role_binding_user_id_role_organization_id_unique\` on \`role_binding\` (\`user_id\`, \`role\`, \`organization_id\`);`);

    this.addSql(`create table \`sms_challenge\` (\`id\` text not null, \`mobile\` text not null, \`purpose\` text not null, \`code_hash\` text not null, \`expires_at\` datetime not null, \`attempts\` integer not null default 0, \`consumed_at\` datetime null, \`created_at\` datetime not null, primary key (\`id\`));`);
    this.addSql(`create index \`sms_challenge_mobile_created_at_index\` on \`sms_challenge\` (\`mobile\`, \`created_at\`);`);

    this.addSql(`create table \`app_user\` (\`id\` text not null, \`username\` text not null, \`display_name\` text not null, \`password_hash\` text null, \`mobile\` text null, \`failed_login_count\` integer not null default 0, \`locked_until\` datetime null, \`created_at\` datetime not null, primary key (\`id\`));`);
    this.addSql(`create unique index \`app_user_username_unique\` on \`app_user\` (\`username\`);`);
    this.addSql(`create unique index \`app_user_mobile_unique\` on \`app_user\` (\`mobile\`);`);
  }

}
