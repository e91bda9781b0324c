import { Field, Int, ObjectType } from "type-graphql";
import { OrganizationReference } from "../references/organization.reference.js";

@ObjectType({ description: "考籍注册进度计数" })
export class RegistrationCounts {
  @Field(() => Int, { description: "审核中（已预注册，待班主任或旗县区、省级审核）" })
  underReview = 0;

  @Field(() => Int, { description: "已退回，待考生修改" })
  returned = 0;

  @Field(() => Int, { description: "待采集身份信息和照片" })
  awaitingCollection = 0;

  @Field(() => Int, { description: "已注册考籍" })
  registered = 0;
}

@ObjectType({ description: "一个学校（在校生）或一个旗县区（社会考生）的注册进度" })
export class RegistrationProgressRow {
  @Field(() => OrganizationReference, { description: "学校，或社会考生户籍所在的旗县区" })
  organization!: OrganizationReference;

  @Field(() => String, { description: "名称（登记子图的组织目录）" })
  name!: string;

  @Field(() => String, { description: "代码" })
  code!: string;

  @Field(() => String, { nullable: true, description: "所在旗县区的名称" })
  countyName!: string | null;

  @Field(() => Boolean, { description: "是否为社会考生的计数（按户籍所在旗县区）" })
  social!: boolean;

  @Field(() => RegistrationCounts)
  counts!: RegistrationCounts;
}

@ObjectType({ description: "本人管辖范围内的考籍注册进度：合计，及按学校、按旗县区（社会考生）" })
export class RegistrationProgress {
  @Field(() => RegistrationCounts)
  totals!: RegistrationCounts;

  @Field(() => [RegistrationProgressRow], { description: "按旗县区、学校代码排序" })
  rows!: RegistrationProgressRow[];
}
