import { WorkflowDecision } from "@xuekao/subgraph-kit";
import { Field, ID, InputType, Int, ObjectType } from "type-graphql";
import { CertificationCase } from "./certification-case.entity.js";

/** The applicant is the caller, and the certifying province the one they are registered in. */
@InputType()
export class OpenCertificationCaseInput {
  @Field(() => String, { description: "原参加合格考的省级行政区划代码，如河北 13" })
  originProvinceCode!: string;
}

@InputType({ description: "对成绩认定申请作出审核决定" })
export class DecideCertificationCaseInput {
  @Field(() => ID)
  caseId!: string;

  @Field(() => WorkflowDecision)
  decision!: WorkflowDecision;

  @Field(() => String, { nullable: true, description: "退回或不予通过的原因（2 至 500 个字）" })
  reason?: string | null;

  @Field(() => Int, { description: "审核时看到的申请版本号（application.version）" })
  expectedVersion!: number;

  @Field(() => String, { description: "本次操作的请求编号（客户端生成，重试时不变）" })
  idempotencyKey!: string;
}

@InputType({ description: "考生修改后重新提交被退回的成绩认定申请" })
export class ResubmitCertificationCaseInput {
  @Field(() => ID)
  caseId!: string;

  @Field(() => Int, { description: "申请版本号（application.version）" })
  expectedVersion!: number;

  @Field(() => String, { description: "本次操作的请求编号（客户端生成，重试时不变）" })
  idempotencyKey!: string;
}

@ObjectType({ description: "一页待审核的成绩认定申请（按审核时限先后）" })
export class CertificationCasePage {
  @Field(() => [CertificationCase])
  items!: CertificationCase[];

  @Field(() => String, { nullable: true, description: "下一页的游标；没有下一页时为 null" })
  nextCursor!: string | null;
}
