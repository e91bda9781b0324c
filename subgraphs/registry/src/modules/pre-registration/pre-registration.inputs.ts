import { WorkflowDecision } from "@xuekao/subgraph-kit";
import { Field, ID, InputType, Int, ObjectType } from "type-graphql";
import { PreRegistration } from "./pre-registration.entity.js";

@InputType("ResumeEntryInput")
@ObjectType("ResumeEntry", { description: "本人简历中的一段" })
export class ResumeEntryData {
  @Field(() => String, { description: "起始年月（YYYY-MM）" })
  from!: string;

  @Field(() => String, { description: "截止年月（YYYY-MM）；至今为空" })
  to!: string;

  @Field(() => String, { description: "学校或单位" })
  organization!: string;

  @Field(() => String, { description: "身份或职务" })
  role!: string;
}

@InputType("FamilyMemberInput")
@ObjectType("FamilyMember", { description: "家庭成员" })
export class FamilyMemberData {
  @Field(() => String, { description: "与本人关系" })
  relation!: string;

  @Field(() => String)
  name!: string;

  @Field(() => String, { description: "工作单位（可空）" })
  organization!: string;

  @Field(() => String, { description: "手机号码（可空；工作人员看到的是遮盖后的号码）" })
  mobile!: string;
}

@InputType("GuardianInput")
@ObjectType("Guardian", { description: "监护人" })
export class GuardianData {
  @Field(() => String)
  name!: string;

  @Field(() => String, { description: "与本人关系" })
  relation!: string;

  @Field(() => String, { description: "手机号码（工作人员看到的是遮盖后的号码）" })
  mobile!: string;
}

/** What the candidate fills in; a draft may be incomplete, a submission must pass every rule. */
@InputType({ description: "考籍预注册信息（保存草稿时可不完整，提交时须全部符合要求）" })
export class PreRegistrationInput {
  @Field(() => ID, { nullable: true, description: "学籍所在学校（在校生）" })
  schoolId?: string | null;

  @Field(() => String)
  name!: string;

  @Field(() => String, { description: "MALE / FEMALE" })
  gender!: string;

  @Field(() => String, { description: "民族代码（GB/T 3304，两位）" })
  ethnicityCode!: string;

  @Field(() => String)
  politicalStatus!: string;

  @Field(() => String, { description: "学生类别代码" })
  studentCategory!: string;

  @Field(() => String)
  householdLocation!: string;

  @Field(() => String)
  householdAuthority!: string;

  @Field(() => String, { description: "居民身份证号码（无居民身份证的社会考生留空）" })
  idNumber!: string;

  @Field(() => Boolean, { nullable: true, defaultValue: true, description: "是否有居民身份证；无居民身份证的社会考生为 false，考籍号为 J + 按身份证规则编制的代码" })
  hasIdNumber?: boolean | null;

  @Field(() => String, { description: "YYYY-MM-DD" })
  birthDate!: string;

  @Field(() => String)
  mobile!: string;

  @Field(() => String)
  address!: string;

  @Field(() => String)
  postcode!: string;

  @Field(() => [ResumeEntryData])
  resume!: ResumeEntryData[];

  @Field(() => [FamilyMemberData])
  familyMembers!: FamilyMemberData[];

  @Field(() => String)
  foreignLanguage!: string;

  @Field(() => GuardianData)
  guardian!: GuardianData;

  @Field(() => Int, { nullable: true })
  enrollmentYear?: number | null;
}

@InputType()
export class SavePreRegistrationInput {
  @Field(() => PreRegistrationInput)
  form!: PreRegistrationInput;

  @Field(() => Int, { nullable: true, description: "保存时看到的版本号；首次保存为空" })
  expectedVersion?: number | null;
}

@InputType()
export class SubmitPreRegistrationInput {
  @Field(() => PreRegistrationInput)
  form!: PreRegistrationInput;

  @Field(() => Int, { nullable: true, description: "看到的版本号；首次填写为空" })
  expectedVersion?: number | null;

  @Field(() => String, { description: "本次操作的请求编号（客户端生成，重试时不变）" })
  idempotencyKey!: string;
}

@InputType({ description: "对考籍预注册作出审核决定" })
export class ReviewPreRegistrationInput {
  @Field(() => ID)
  preRegistrationId!: string;

  @Field(() => WorkflowDecision)
  decision!: WorkflowDecision;

  @Field(() => String, { nullable: true, description: "退回或不予通过的原因（2 至 500 个字）" })
  reason?: string | null;

  @Field(() => Int, { description: "审核时看到的申请版本号（application.version）" })
  expectedVersion!: number;

  @Field(() => String, { description: "本次操作的请求编号（客户端生成，重试时不变）" })
  idempotencyKey!: string;
}

@InputType()
export class BulkApproveItem {
  @Field(() => ID)
  preRegistrationId!: string;

  @Field(() => Int)
  expectedVersion!: number;
}

@InputType({ description: "批量通过（每条单独办理，互不影响）" })
export class BulkApprovePreRegistrationsInput {
  @Field(() => [BulkApproveItem])
  items!: BulkApproveItem[];

  @Field(() => String, { description: "本次操作的请求编号（客户端生成，重试时不变）" })
  idempotencyKey!: string;
}

@ObjectType({ description: "批量通过中一条的结果" })
export class BulkApproveResult {
  @Field(() => ID)
  preRegistrationId!: string;

  @Field(() => Boolean)
  ok!: boolean;

  @Field(() => String, { nullable: true, description: "未办理时的错误代码" })
  code!: string | null;

  @Field(() => String, { nullable: true, description: "未办理时的原因" })
  message!: string | null;
}

@InputType({ description: "采集身份信息和照片，完成考籍注册" })
export class CollectPreRegistrationInput {
  @Field(() => ID)
  preRegistrationId!: string;

  @Field(() => ID, { description: "已上传的考生照片" })
  photoFileId!: string;

  @Field(() => Boolean, { description: "已与身份证原件比对核验" })
  identityVerified!: boolean;

  @Field(() => Int, { description: "看到的申请版本号（application.version）" })
  expectedVersion!: number;

  @Field(() => String, { description: "本次操作的请求编号（客户端生成，重试时不变）" })
  idempotencyKey!: string;
}

@InputType({ description: "待办筛选" })
export class PreRegistrationQueueFilter {
  @Field(() => ID, { nullable: true, description: "只看某个班级、学校或旗县区" })
  organizationId?: string | null;

  @Field(() => String, { nullable: true, description: "按姓名查找（完整姓名）" })
  name?: string | null;

  @Field(() => String, { nullable: true, description: "只看某个环节（如 class-teacher-review、county-collection）" })
  stepKey?: string | null;
}

@ObjectType({ description: "一页待办的考籍预注册" })
export class PreRegistrationPage {
  @Field(() => [PreRegistration])
  items!: PreRegistration[];

  @Field(() => String, { nullable: true, description: "下一页的游标；没有下一页时为 null" })
  nextCursor!: string | null;
}
