import { FileUploadTicket, inScopeOf, requiresRole, Rule, StoredFile, WorkflowApplication } from "@xuekao/subgraph-kit";
import { Arg, Ctx, FieldResolver, ID, Int, Mutation, Query, Resolver, Root } from "type-graphql";
import type { RegistryContext } from "../../registry-context.js";
import { OrganizationReference } from "../references/organization.reference.js";
import { UserReference } from "../references/user.reference.js";
import { PreRegistration } from "./pre-registration.entity.js";
import {
  BulkApprovePreRegistrationsInput,
  BulkApproveResult,
  CollectPreRegistrationInput,
  FamilyMemberData,
  GuardianData,
  PreRegistrationPage,
  PreRegistrationQueueFilter,
  ResumeEntryData,
  ReviewPreRegistrationInput,
  SavePreRegistrationInput,
  SubmitPreRegistrationInput,
} from "./pre-registration.inputs.js";
import {
  COLLECT_PRE_REGISTRATIONS,
  familyOf,
  FILL_PRE_REGISTRATION,
  guardianOf,
  isOwner,
  PreRegistrationService,
  READ_FULL_ID_NUMBER,
  resumeOf,
  REVIEW_PRE_REGISTRATIONS,
} from "./pre-registration.service.js";

@Resolver(() => PreRegistration)
export class PreRegistrationResolver {
  private readonly preRegistrations = new PreRegistrationService();

  @Query(() => PreRegistration, { nullable: true, description: "本人的考籍预注册信息（尚未填写为 null）" })
  @Rule(requiresRole(FILL_PRE_REGISTRATION))
  myPreRegistration(@Ctx() ctx: RegistryContext): Promise<PreRegistration | null> {
    return this.preRegistrations.mine(ctx);
  }

  @Query(() => PreRegistrationPage, { nullable: true, description: "待本人审核或采集的考籍预注册，等待最久的在前（分页）" })
  @Rule(inScopeOf(REVIEW_PRE_REGISTRATIONS))
  preRegistrationQueue(
    @Arg("filter", () => PreRegistrationQueueFilter, { nullable: true }) filter: PreRegistrationQueueFilter | null,
    @Arg("first", () => Int, { nullable: true, description: "每页条数（默认 50，至多 200）" }) first: number | null,
    @Arg("after", () => String, { nullable: true }) after: string | null,
    @Ctx() ctx: RegistryContext,
  ): Promise<PreRegistrationPage> {
    return this.preRegistrations.queue(ctx, filter, { first, after });
  }

  @Mutation(() => PreRegistration, { description: "考生保存考籍预注册草稿（可不完整，稍后继续填写）" })
  @Rule(requiresRole(FILL_PRE_REGISTRATION))
  savePreRegistrationDraft(@Arg("input", () => SavePreRegistrationInput) input: SavePreRegistrationInput, @Ctx() ctx: RegistryContext): Promise<PreRegistration> {
    return this.preRegistrations.saveDraft(ctx, input);
  }

  @Mutation(() => PreRegistration, { description: "考生提交考籍预注册（被退回后修改再提交，从第一个审核环节重新开始）" })
  @Rule(requiresRole(FILL_PRE_REGISTRATION))
  submitPreRegistration(@Arg("input", () => SubmitPreRegistrationInput) input: SubmitPreRegistrationInput, @Ctx() ctx: RegistryContext): Promise<PreRegistration> {
    return this.preRegistrations.submit(ctx, input);
  }

  @Mutation(() => PreRegistration, { description: "审核考籍预注册：通过、退回修改或不予通过（须为当前环节的审核单位）" })
  @Rule(requiresRole(REVIEW_PRE_REGISTRATIONS))
  reviewPreRegistration(@Arg("input", () => ReviewPreRegistrationInput) input: ReviewPreRegistrationInput, @Ctx() ctx: RegistryContext): Promise<PreRegistration> {
    return this.preRegistrations.review(ctx, input);
  }

  @Mutation(() => [BulkApproveResult], { description: "批量通过考籍预注册（每条单独办理；结果逐条说明）" })
  @Rule(requiresRole(REVIEW_PRE_REGISTRATIONS))
  approvePreRegistrations(
    @Arg("input", () => BulkApprovePreRegistrationsInput) input: BulkApprovePreRegistrationsInput,
    @Ctx() ctx: RegistryContext,
  ): Promise<BulkApproveResult[]> {
    return this.preRegistrations.bulkApprove(ctx, input);
  }

  @Mutation(() => FileUploadTicket, { description: "旗县区采集考生照片（JPG 或 PNG，不超过 2 MB）的上传凭证" })
  @Rule(requiresRole(COLLECT_PRE_REGISTRATIONS))
  requestRegistrationPhotoUpload(
    @Arg("preRegistrationId", () => ID) preRegistrationId: string,
    @Arg("fileName", () => String, { description: "原文件名（仅用于下载时显示）" }) fileName: string,
    @Ctx() ctx: RegistryContext,
  ): Promise<FileUploadTicket> {
    return this.preRegistrations.requestPhotoUpload(ctx, preRegistrationId, fileName);
  }

  @Mutation(() => PreRegistration, { description: "旗县区采集身份信息和照片，完成考籍注册（考籍号即学籍号）" })
  @Rule(requiresRole(COLLECT_PRE_REGISTRATIONS))
  collectPreRegistration(@Arg("input", () => CollectPreRegistrationInput) input: CollectPreRegistrationInput, @Ctx() ctx: RegistryContext): Promise<PreRegistration> {
    return this.preRegistrations.collect(ctx, input);
  }

  @Mutation(() => String, { description: "查看完整身份证号码（旗县区、省级考试院；每次查看都记入审计日志）" })
  @Rule(requiresRole(READ_FULL_ID_NUMBER))
  revealPreRegistrationIdNumber(@Arg("preRegistrationId", () => ID) preRegistrationId: string, @Ctx() ctx: RegistryContext): Promise<string> {
    return this.preRegistrations.revealIdNumber(ctx, preRegistrationId);
  }

  @FieldResolver(() => String, { description: "身份证号码：考生本人看到完整号码，工作人员看到遮盖后的号码" })
  idNumber(@Root() row: PreRegistration, @Ctx() ctx: RegistryContext): string {
    if (!row.idNumber) return "";
    return isOwner(ctx, row) ? row.idNumber : ctx.personalData.mask("idNumber", row.idNumber);
  }

  @FieldResolver(() => String, { description: "手机号码：考生本人看到完整号码，工作人员看到遮盖后的号码" })
  mobile(@Root() row: PreRegistration, @Ctx() ctx: RegistryContext): string {
    if (!row.mobile) return "";
    return isOwner(ctx, row) ? row.mobile : ctx.personalData.mask("mobile", row.mobile);
  }

  @FieldResolver(() => [ResumeEntryData], { description: "本人简历" })
  resume(@Root() row: PreRegistration): ResumeEntryData[] {
    return resumeOf(row);
  }

  @FieldResolver(() => [FamilyMemberData], { description: "家庭成员（工作人员看到遮盖后的手机号码）" })
  familyMembers(@Root() row: PreRegistration, @Ctx() ctx: RegistryContext): FamilyMemberData[] {
    const owner = isOwner(ctx, row);
    return familyOf(row).map((member) => ({ ...member, mobile: owner || !member.mobile ? member.mobile : ctx.personalData.mask("mobile", member.mobile) }));
  }

  @FieldResolver(() => GuardianData, { description: "监护人（工作人员看到遮盖后的手机号码）" })
  guardian(@Root() row: PreRegistration, @Ctx() ctx: RegistryContext): GuardianData {
    const guardian = guardianOf(row);
    return isOwner(ctx, row) || !guardian.mobile ? guardian : { ...guardian, mobile: ctx.personalData.mask("mobile", guardian.mobile) };
  }

  @FieldResolver(() => WorkflowApplication, { nullable: true, description: "审核进度：当前环节与办理记录（每一轮）" })
  application(@Root() row: PreRegistration, @Ctx() { loaders }: RegistryContext): Promise<WorkflowApplication | null> | null {
    return row.applicationId ? loaders.load(WorkflowApplication, row.applicationId) : null;
  }

  @FieldResolver(() => StoredFile, { nullable: true, description: "采集的考生照片" })
  photo(@Root() row: PreRegistration, @Ctx() { loaders }: RegistryContext): Promise<StoredFile | null> | null {
    return row.photoFileId ? loaders.load(StoredFile, row.photoFileId) : null;
  }

  @FieldResolver(() => UserReference, { nullable: true, description: "考生账号（由身份子图提供；该服务不可用时为 null）" })
  candidate(@Root() row: PreRegistration): UserReference {
    return { id: row.candidateId };
  }

  @FieldResolver(() => OrganizationReference, { nullable: true, description: "学籍所在学校（在校生）" })
  school(@Root() row: PreRegistration): OrganizationReference | null {
    return row.schoolId ? { id: row.schoolId } : null;
  }

  @FieldResolver(() => OrganizationReference, { nullable: true, description: "所在班级（在校生，来自学籍名单）" })
  schoolClass(@Root() row: PreRegistration): OrganizationReference | null {
    return row.classId ? { id: row.classId } : null;
  }
}
