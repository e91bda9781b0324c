import { FileUploadTicket, inScopeOf, requiresRole, Rule, signedIn, StoredFile, WorkflowApplication } from "@xuekao/subgraph-kit";
import { Arg, Ctx, FieldResolver, ID, Int, Mutation, Query, Resolver, Root } from "type-graphql";
import type { CertificationContext } from "../../certification-context.js";
import { Certificate } from "../certificate/certificate.entity.js";
import { CertificateService } from "../certificate/certificate.service.js";
import { UserReference } from "../references/user.reference.js";
import { CertificationCase } from "./certification-case.entity.js";
import {
  CertificationCasePage,
  CertificationEligibility,
  CertificationEvidenceRequirement,
  CertificationEvidenceSlot,
  CertificationSubjectResult,
  DecideCertificationCaseInput,
  SaveCertificationSubjectsInput,
  StartCertificationCaseInput,
  StartSchoolCertificationCaseInput,
  SubmitCertificationCaseInput,
} from "./certification-case.inputs.js";
import { CertificationCaseService, FILE_CASES, READ_CASES, REVIEW_CASES, SCHOOL_CASES, START_CASES, subjectsOf } from "./certification-case.service.js";

@Resolver(() => CertificationCase)
export class CertificationCaseResolver {
  private readonly cases = new CertificationCaseService();
  private readonly certificates = new CertificateService();

  @Query(() => [CertificationCase], { nullable: true, description: "本人管理范围内的成绩认定申请，最新创建的在前（每页至多 200 条；需登录）" })
  @Rule(inScopeOf(READ_CASES))
  certificationCases(@Arg("limit", () => Int, { defaultValue: 50 }) limit: number, @Ctx() ctx: CertificationContext): Promise<CertificationCase[]> {
    return this.cases.list(ctx, limit);
  }

  @Query(() => CertificationCase, { nullable: true, description: "一份成绩认定申请（本人、学校、审核单位在管理范围内可查看）" })
  @Rule(inScopeOf(READ_CASES))
  certificationCase(@Arg("id", () => ID) id: string, @Ctx() ctx: CertificationContext): Promise<CertificationCase> {
    return this.cases.one(ctx, id);
  }

  @Query(() => [CertificationCase], {
    nullable: true,
    description: "本人的成绩认定申请，最新的在前；结果查看截止后答复 CERTIFICATION_SERVICE_CLOSED",
  })
  @Rule(signedIn("本人的成绩认定申请"))
  myCertificationCases(@Ctx() ctx: CertificationContext): Promise<CertificationCase[]> {
    return this.cases.mine(ctx);
  }

  @Query(() => CertificationEligibility, { nullable: true, description: "本人能否申请成绩认定；不能时给出原因（考生）" })
  @Rule(requiresRole(START_CASES))
  certificationEligibility(
    @Arg("originProvinceCode", () => String, { nullable: true, description: "原参加合格考的省级行政区划代码" }) originProvinceCode: string | null,
    @Ctx() ctx: CertificationContext,
  ): Promise<CertificationEligibility> {
    return this.cases.eligibility(ctx, originProvinceCode);
  }

  @Query(() => CertificationCasePage, { nullable: true, description: "待本人审核的成绩认定申请，按审核时限先后（分页）" })
  @Rule(inScopeOf(REVIEW_CASES))
  certificationReviewQueue(
    @Arg("first", () => Int, { nullable: true, description: "每页条数（默认 50，至多 200）" }) first: number | null,
    @Arg("after", () => String, { nullable: true }) after: string | null,
    @Ctx() ctx: CertificationContext,
  ): Promise<CertificationCasePage> {
    return this.cases.queue(ctx, { first, after });
  }

  @Query(() => CertificationCasePage, { nullable: true, description: "本校为转入学生办理的成绩认定申请，最新的在前（分页；学校管理员）" })
  @Rule(requiresRole(SCHOOL_CASES))
  schoolCertificationCases(
    @Arg("first", () => Int, { nullable: true, description: "每页条数（默认 50，至多 200）" }) first: number | null,
    @Arg("after", () => String, { nullable: true }) after: string | null,
    @Ctx() ctx: CertificationContext,
  ): Promise<CertificationCasePage> {
    return this.cases.schoolCases(ctx, { first, after });
  }

  @Mutation(() => CertificationCase, { description: "考生本人开始（或继续）向所在省份申请外省合格考成绩认定：先判断能否申请，再建立草稿" })
  @Rule(requiresRole(START_CASES))
  startCertificationCase(@Arg("input", () => StartCertificationCaseInput) input: StartCertificationCaseInput, @Ctx() ctx: CertificationContext): Promise<CertificationCase> {
    return this.cases.start(ctx, input);
  }

  @Mutation(() => CertificationCase, { description: "学校为转入本校的学生开始成绩认定（学校管理员）" })
  @Rule(requiresRole(SCHOOL_CASES))
  startSchoolCertificationCase(
    @Arg("input", () => StartSchoolCertificationCaseInput) input: StartSchoolCertificationCaseInput,
    @Ctx() ctx: CertificationContext,
  ): Promise<CertificationCase> {
    return this.cases.startForSchool(ctx, input);
  }

  @Mutation(() => FileUploadTicket, { description: "获取一项证明材料（JPG 或 PNG，不超过 1 MB）的上传凭证；同一项再次上传即替换" })
  @Rule(requiresRole(FILE_CASES))
  requestCertificationEvidenceUpload(
    @Arg("caseId", () => ID) caseId: string,
    @Arg("slot", () => CertificationEvidenceSlot) slot: CertificationEvidenceSlot,
    @Arg("fileName", () => String, { description: "原文件名（仅用于下载时显示）" }) fileName: string,
    @Ctx() ctx: CertificationContext,
  ): Promise<FileUploadTicket> {
    return this.cases.requestEvidenceUpload(ctx, caseId, slot, fileName);
  }

  @Mutation(() => CertificationCase, { description: "提交成绩认定申请（草稿提交审核，或退回后重新提交）；已在审核中则原样返回" })
  @Rule(requiresRole(FILE_CASES))
  submitCertificationCase(@Arg("input", () => SubmitCertificationCaseInput) input: SubmitCertificationCaseInput, @Ctx() ctx: CertificationContext): Promise<CertificationCase> {
    return this.cases.submit(ctx, input);
  }

  @Mutation(() => CertificationCase, { description: "审核人员录入各科成绩，按来源省份的认定规则得出结论（替换已录入的科目；须为当前环节的审核单位）" })
  @Rule(requiresRole(REVIEW_CASES))
  saveCertificationSubjects(@Arg("input", () => SaveCertificationSubjectsInput) input: SaveCertificationSubjectsInput, @Ctx() ctx: CertificationContext): Promise<CertificationCase> {
    return this.cases.saveSubjects(ctx, input);
  }

  @Mutation(() => CertificationCase, { description: "审核成绩认定申请：通过、退回修改或不予通过（须为当前环节的审核单位；最终通过即签发认定结果）" })
  @Rule(requiresRole(REVIEW_CASES))
  decideCertificationCase(@Arg("input", () => DecideCertificationCaseInput) input: DecideCertificationCaseInput, @Ctx() ctx: CertificationContext): Promise<CertificationCase> {
    return this.cases.decide(ctx, input);
  }

  @FieldResolver(() => [StoredFile], { description: "各项证明材料的当前文件（可查看该申请的人可下载）" })
  async evidence(@Root() certificationCase: CertificationCase, @Ctx() ctx: CertificationContext): Promise<StoredFile[]> {
    return [...(await this.slotFiles(certificationCase, ctx)).values()];
  }

  @FieldResolver(() => [CertificationEvidenceRequirement], { description: "该类认定须上传的材料（按顺序），及各项当前文件" })
  async requiredEvidence(@Root() certificationCase: CertificationCase, @Ctx() ctx: CertificationContext): Promise<CertificationEvidenceRequirement[]> {
    return this.cases.requirementsOf(certificationCase, await this.slotFiles(certificationCase, ctx));
  }

  @FieldResolver(() => [CertificationSubjectResult], { description: "审核人员录入的各科成绩及认定结论" })
  subjects(@Root() certificationCase: CertificationCase): CertificationSubjectResult[] {
    return subjectsOf(certificationCase);
  }

  @FieldResolver(() => Certificate, { nullable: true, description: "认定通过后签发的认定结果证书" })
  certificate(@Root() certificationCase: CertificationCase, @Ctx() ctx: CertificationContext): Promise<Certificate | null> | null {
    if (certificationCase.status !== "APPROVED") return null;
    return ctx.loaders.batch("certification-case-certificate", (ids) => this.certificates.byCase(ctx, ids)).load(certificationCase.id).then((item) => item ?? null);
  }

  @FieldResolver(() => Date, { nullable: true, description: "结果查看截止时间（有办理时间的类别；其他为 null）" })
  async resultViewableUntil(@Root() certificationCase: CertificationCase, @Ctx() ctx: CertificationContext): Promise<Date | null> {
    if (!certificationCase.windowId) return null;
    const loader = ctx.loaders.batch("certification-case-viewable-until", async (ids) => {
      const cases = await ctx.em.find(CertificationCase, { id: { $in: [...ids] } });
      const byId = new Map(cases.map((item) => [item.id, item]));
      const until = await this.cases.viewableUntil(ctx, ids.map((id) => byId.get(id)!).filter(Boolean));
      const result = new Map(cases.map((item, index) => [item.id, until[index] ?? null]));
      return ids.map((id) => result.get(id) ?? null);
    });
    return (await loader.load(certificationCase.id)) ?? null;
  }

  // Nullable so that an identity outage does not null the whole list (see registry ExamRecord.candidate).
  @FieldResolver(() => UserReference, { nullable: true, description: "申请人（由身份子图提供；该服务不可用时为 null）" })
  candidate(@Root() certificationCase: CertificationCase): UserReference {
    return { id: certificationCase.candidateId };
  }

  @FieldResolver(() => WorkflowApplication, { nullable: true, description: "审核进度：当前环节、时限与办理记录（草稿为 null）" })
  application(@Root() certificationCase: CertificationCase, @Ctx() { loaders }: CertificationContext): Promise<WorkflowApplication | null> | null {
    return certificationCase.applicationId ? loaders.load(WorkflowApplication, certificationCase.applicationId) : null;
  }

  /** The current file of each slot, one query for every case in the answer. */
  private async slotFiles(certificationCase: CertificationCase, ctx: CertificationContext): Promise<Map<CertificationEvidenceSlot, StoredFile>> {
    const loader = ctx.loaders.batch("certification-evidence-slots", async (ids) => {
      const cases = await ctx.em.find(CertificationCase, { id: { $in: [...ids] } });
      const files = await this.cases.evidenceBySlot(ctx, cases);
      const byId = new Map(cases.map((item, index) => [item.id, files[index]!]));
      return ids.map((id) => byId.get(id) ?? new Map());
    });
    return (await loader.load(certificationCase.id)) ?? new Map();
  }
}
