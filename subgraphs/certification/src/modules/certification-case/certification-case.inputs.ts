import { StoredFile, WorkflowDecision } from "@xuekao/subgraph-kit";
import { Field, Float, ID, InputType, Int, ObjectType, registerEnumType } from "type-graphql";
import { CertificationWindow } from "../certification-config/certification-config.entity.js";
import { CertificationCase } from "./certification-case.entity.js";

/** The proofs a case may hold, one file each (a later upload replaces the earlier one). */
export enum CertificationEvidenceSlot {
  /** The original province's score certificate (成绩证明), stamped. */
  SCORE_CERTIFICATE = "SCORE_CERTIFICATE",
  /** The receiving school's acceptance (接收证明), Inner Mongolia's transfer-in. */
  SCHOOL_ACCEPTANCE = "SCHOOL_ACCEPTANCE",
  /** Proof of identity (身份证明), Inner Mongolia's transfer-in. */
  IDENTITY_PROOF = "IDENTITY_PROOF",
}
registerEnumType(CertificationEvidenceSlot, { name: "CertificationEvidenceSlot", description: "证明材料：成绩证明 / 接收学校证明 / 身份证明" });

/** Which exam a mark comes from: only the qualification exam's transfer (a selective-exam score is refused). */
export enum CertificationExamKind {
  QUALIFICATION = "QUALIFICATION",
  SELECTIVE = "SELECTIVE",
}
registerEnumType(CertificationExamKind, { name: "CertificationExamKind", description: "成绩来源：合格性考试 / 选择性考试" });

/** The applicant is the caller, and the certifying province the one they are registered in. */
@InputType()
export class StartCertificationCaseInput {
  @Field(() => String, { description: "原参加合格考的省级行政区划代码，如河北 13" })
  originProvinceCode!: string;
}

@InputType({ description: "学校为转入本校的学生发起成绩认定" })
export class StartSchoolCertificationCaseInput {
  @Field(() => ID, { description: "学生（考生账号）的 id" })
  candidateId!: string;

  @Field(() => String, { description: "原参加合格考的省级行政区划代码" })
  originProvinceCode!: string;
}

@InputType({ description: "提交（或退回后重新提交）成绩认定申请" })
export class SubmitCertificationCaseInput {
  @Field(() => ID)
  caseId!: string;

  @Field(() => String, { description: "本次操作的请求编号（客户端生成，重试时不变）" })
  idempotencyKey!: string;
}

@InputType({ description: "艺术分音乐、美术给出时的一部分成绩" })
export class CertificationMarkInput {
  @Field(() => String, { description: "MUSIC 或 FINE_ART" })
  subjectCode!: string;

  @Field(() => String, { nullable: true, description: "等级，如 C" })
  grade?: string | null;

  @Field(() => String, { nullable: true, description: "分数，如 89.5" })
  score?: string | null;
}

@InputType({ description: "审核人员按成绩证明录入的一个科目" })
export class CertificationSubjectInput {
  @Field(() => String, { description: "科目代码，如 MATHEMATICS" })
  subjectCode!: string;

  @Field(() => CertificationExamKind, { defaultValue: CertificationExamKind.QUALIFICATION })
  examKind: CertificationExamKind = CertificationExamKind.QUALIFICATION;

  @Field(() => String, { nullable: true, description: "等级" })
  grade?: string | null;

  @Field(() => String, { nullable: true, description: "分数" })
  score?: string | null;

  @Field(() => [CertificationMarkInput], { nullable: true, description: "艺术分音乐、美术时的两部分成绩" })
  parts?: CertificationMarkInput[] | null;
}

@InputType({ description: "保存成绩认定的科目结论（替换已录入的全部科目）" })
export class SaveCertificationSubjectsInput {
  @Field(() => ID)
  caseId!: string;

  @Field(() => [CertificationSubjectInput])
  subjects!: CertificationSubjectInput[];
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

@ObjectType({ description: "一页成绩认定申请" })
export class CertificationCasePage {
  @Field(() => [CertificationCase])
  items!: CertificationCase[];

  @Field(() => String, { nullable: true, description: "下一页的游标；没有下一页时为 null" })
  nextCursor!: string | null;
}

@ObjectType({ description: "一项须上传的证明材料及当前已上传的文件" })
export class CertificationEvidenceRequirement {
  @Field(() => CertificationEvidenceSlot)
  slot!: CertificationEvidenceSlot;

  @Field(() => String, { description: "材料名称" })
  name!: string;

  @Field(() => Int, { description: "文件大小上限（字节）" })
  maxBytes!: number;

  @Field(() => [String], { description: "允许的文件类型（按内容判断）" })
  allowedTypes!: string[];

  @Field(() => StoredFile, { nullable: true, description: "当前文件；未上传为 null" })
  file!: StoredFile | null;
}

@ObjectType({ description: "一个成绩（艺术分音乐、美术时的一部分）及认定结论" })
export class CertificationMark {
  @Field(() => String) subjectCode!: string;
  @Field(() => String) subjectName!: string;
  @Field(() => String, { nullable: true }) grade!: string | null;
  @Field(() => String, { nullable: true }) score!: string | null;
  @Field(() => Float, { nullable: true, description: "来源省份该科满分（按分数认定时）" }) fullScore!: number | null;
  @Field(() => Boolean) passed!: boolean;
  @Field(() => String, { description: "认定依据" }) explanation!: string;
}

@ObjectType({ description: "一个科目的认定结论" })
export class CertificationSubjectResult {
  @Field(() => String) subjectCode!: string;
  @Field(() => String) subjectName!: string;
  @Field(() => String, { nullable: true }) grade!: string | null;
  @Field(() => String, { nullable: true }) score!: string | null;
  @Field(() => Float, { nullable: true }) fullScore!: number | null;
  @Field(() => Boolean) passed!: boolean;
  @Field(() => String, { description: "认定依据" }) explanation!: string;
  @Field(() => [CertificationMark], { description: "艺术分音乐、美术时的两部分" }) parts!: CertificationMark[];
}

@ObjectType({ description: "本人能否申请成绩认定；不能时给出原因" })
export class CertificationEligibility {
  @Field(() => Boolean) eligible!: boolean;
  @Field(() => String, { nullable: true, description: "适用的认定类别，如 certification.returning-candidate" }) kind!: string | null;
  @Field(() => String, { nullable: true, description: "不能申请的原因代码：ALREADY_CERTIFIED、TRANSFERRED_IN、SAT_EXAM_HERE、SCHOOL_FILES、KIND_NOT_OFFERED、WINDOW_CLOSED" })
  reasonCode!: string | null;
  @Field(() => String, { nullable: true, description: "不能申请的原因" }) reason!: string | null;
  @Field(() => CertificationWindow, { nullable: true, description: "当前开放的办理时间，否则最近一次（有办理时间的类别）" })
  window!: CertificationWindow | null;
  @Field(() => CertificationCase, { nullable: true, description: "本人最新的一份申请" }) currentCase!: CertificationCase | null;
}
