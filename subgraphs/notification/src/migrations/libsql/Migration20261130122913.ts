import { Migration } from '@mikro-orm/migrations';

export class Migration20261130122913 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`create table \`audit_chain_head\` (\`id\` integer not null default 1, \`last_seq\` bigint not null default 0, \`last_hash\` text not null default '0000000000000000000000000000000000000000000000000000000000000000', primary key (\`id\`));`);

    this.addSql(`create table \`audit_entry\` (\`id\` text not null, \`seq\` bigint not null, \`occurred_at\` datetime not null, \`request_id\` text not null, \`actor_kind\` text not null, \`actor_id\` text null, \`actor_role\` text null, \`actor_organization_id\` text null, \`action\` text not null, \`subject_type\` text not null, \`subject_id\` text not null, \`organization_path\` text not null, \`before\` text null, \`after\` text null, \`prev_hash\` text not null, \`hash\` text not null, primary key (\`id\`));`);
    this.addSql(`create unique index \`audit_entry_seq_unique\` on \`audit_entry\` (\`seq\`);`);
    this.addSql(`create index \`audit_entry_organization_path_index\` on \`audit_entry\` (\`organization_path\`);`);
    this.addSql(`create index \`audit_entry_subject_type_subject_id_seq_index\` on \`audit_entry\` (\`subject_type\`, \`subject_id\`, \`seq\`);`);

    this.addSql(`create table \`recipient_role\` (\`id\` integer not null primary key autoincrement, \`user_id\` text not null, \`role\` text not null, \`organization_path\` text not null, \`province_code\` text null, constraint \`recipient_role_user_id_foreign\` foreign key(\`user_id\`) references \`recipient\`(\`user_id\`) on delete cascade on update cascade);`);
    this.addSql(`create index \`recipient_role_role_province_code_index\` on \`recipient_role\` (\`role\`, \`province_code\`);`);
    this.addSql(`create index \`recipient_role_user_id_index\` on \`recipient_role\` (\`user_id\`);`);
    this.addSql(`create index \`recipient_role_role_organization_path_index\` on \`recipient_role\` (\`role\`, \`organization_path\`);`);

    // Data: every role a recipient held (the JSON column) becomes a row, before the column goes.
    this.addSql(`insert into \`recipient_role\` (\`user_id\`, \`role\`, \`organization_path\`, \`province_code\`) select distinct r.\`user_id\`, json_extract(x.value, '$.role'), coalesce((select group_concat(p.value, '/' order by p.key) from json_each(x.value, '$.organizationPath') p), ''), json_extract(x.value, '$.provinceCode') from \`recipient\` r, json_each(r.\`roles\`) x where json_extract(x.value, '$.role') is not null;`);
    this.addSql(`alter table \`recipient\` drop column \`roles\`;`);

    this.addSql(`alter table \`recipient\` add column \`mobile_lookup\` text null;`);

    this.addSql(`drop index \`sms_delivery_mobile_sent_at_index\`;`);

    this.addSql(`alter table \`sms_delivery\` add column \`mobile_lookup\` text null;`);
    this.addSql(`create index \`sms_delivery_mobile_lookup_sent_at_index\` on \`sms_delivery\` (\`mobile_lookup\`, \`sent_at\`);`);

    // Data: templates renamed for the approval chains of every kind (workflow.*).
    this.addSql(`update \`sms_delivery\` set \`template\` = 'workflow.step-approved' where \`template\` = 'application.approved';`);
    this.addSql(`update \`sms_delivery\` set \`template\` = 'workflow.rejected' where \`template\` = 'application.refused';`);
    this.addSql(`update \`sms_delivery\` set \`template\` = 'workflow.sla-warning' where \`template\` = 'review.sla-warning';`);
    this.addSql(`update \`sms_delivery\` set \`template\` = 'workflow.sla-escalated' where \`template\` = 'review.sla-escalation';`);
  }

}
