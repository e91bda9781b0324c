import { FileUploadTicket, inScopeOf, requiresRole, Rule, StoredFile, WorkflowApplication } from "@xuekao/subgraph-kit";
import { Arg, Ctx, FieldResolver, ID, Int, Mutation, Query, Resolver, Root } from "type-graphql";
import type { CertificationContext } from "../../certification-context.js";
import { UserReference } from "../references/user.reference.js";
import { CertificationCase } from "./certification-case.entity.js";
import { CertificationCasePage, DecideCertificationCaseInput, OpenCertificationCaseInput, ResubmitCertificationCaseInput } from "./certification-case.inputs.js";
import { CertificationCaseService, OPEN_CASES, READ_CASES, REVIEW_CASES } from "./certification-case.service.js";

@Resolver(() => CertificationCase)
export class CertificationCaseResolver {
  private readonly cases = new CertificationCaseService();

  @Query(() => [CertificationCase], { nullable: true, description: "本人管理范围内的成绩认定申请，最新提交的在前（每页至多 200 条；需登录）" })
  @Rule(inScopeOf(READ_CASES))
  certificationCases(@Arg("limit", () => Int, { defaultValue: 50 }) limit: number, @Ctx() ctx: CertificationContext): Promise<CertificationCase[]> {
    return this.cases.list(ctx, limit);
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

  @Mutation(() => CertificationCase, { description: "考生本人向所在省份提交外省合格考成绩认定申请" })
  @Rule(requiresRole(OPEN_CASES))
  openCertificationCase(@Arg("input", () => OpenCertificationCaseInput) input: OpenCertificationCaseInput, @Ctx() ctx: CertificationContext): Promise<CertificationCase> {
    return this.cases.open(ctx, input);
  }

  @Mutation(() => CertificationCase, { description: "审核成绩认定申请：通过、退回修改或不予通过（须为当前环节的审核单位）" })
  @Rule(requiresRole(REVIEW_CASES))
  decideCertificationCase(@Arg("input", () => DecideCertificationCaseInput) input: DecideCertificationCaseInput, @Ctx() ctx: CertificationContext): Promise<CertificationCase> {
    return this.cases.decide(ctx, input);
  }

  @Mutation(() => CertificationCase, { description: "考生修改后重新提交被退回的成绩认定申请（从第一个审核环节重新开始）" })
  @Rule(requiresRole(OPEN_CASES))
  resubmitCertificationCase(@Arg("input", () => ResubmitCertificationCaseInput) input: ResubmitCertificationCaseInput, @Ctx() ctx: CertificationContext): Promise<CertificationCase> {
    return this.cases.resubmit(ctx, input);
  }

  @Mutation(() => FileUploadTicket, { description: "考生获取成绩证明扫描件（JPG 或 PNG，不超过 1 MB）的上传凭证" })
  @Rule(requiresRole(OPEN_CASES))
  requestCertificationEvidenceUpload(
    @Arg("caseId", () => ID) caseId: string,
    @Arg("fileName", () => String, { description: "原文件名（仅用于下载时显示）" }) fileName: string,
    @Ctx() ctx: CertificationContext,
  ): Promise<FileUploadTicket> {
    return this.cases.requestEvidenceUpload(ctx, caseId, fileName);
  }

  @FieldResolver(() => [StoredFile], { description: "已上传的证明材料（可查看该申请的人可下载）" })
  evidence(@Root() certificationCase: CertificationCase, @Ctx() ctx: CertificationContext): Promise<StoredFile[]> {
    return ctx.loaders.batch("certification-evidence", (ids) => this.cases.evidenceOf(ctx, ids)).load(certificationCase.id).then((files) => files ?? []);
  }

  // Nullable so that an identity outage does not null the whole list (see registry ExamRecord.candidate).
  @FieldResolver(() => UserReference, { nullable: true, description: "申请人（由身份子图提供；该服务不可用时为 null）" })
  candidate(@Root() certificationCase: CertificationCase): UserReference {
    return { id: certificationCase.candidateId };
  }

  @FieldResolver(() => WorkflowApplication, { nullable: true, description: "审核进度：当前环节、时限与办理记录" })
  application(@Root() certificationCase: CertificationCase, @Ctx() { loaders }: CertificationContext): Promise<WorkflowApplication | null> | null {
    return certificationCase.applicationId ? loaders.load(WorkflowApplication, certificationCase.applicationId) : null;
  }
}
