/* eslint-disable */
/** Internal type. DO NOT USE DIRECTLY. */
type Exact<T extends { [key: string]: unknown }> = { [K in keyof T]: T[K] };
/** Internal type. DO NOT USE DIRECTLY. */
export type Incremental<T> = T | { [P in keyof T]?: P extends ' $fragmentName' | '__typename' ? T[P] : never };
import type { TypedDocumentNode as DocumentNode } from '@graphql-typed-document-node/core';
export type BindRoleInput = {
  organizationId: string | number;
  role: Role;
  userId: string | number;
};

export type BulkApproveItem = {
  expectedVersion: number;
  preRegistrationId: string | number;
};

/** 批量通过（每条单独办理，互不影响） */
export type BulkApprovePreRegistrationsInput = {
  /** 本次操作的请求编号（客户端生成，重试时不变） */
  idempotencyKey: string;
  items: Array<BulkApproveItem>;
};

/** 考生类别：在校生 / 社会考生 */
export type CandidateKind =
  | 'IN_SCHOOL'
  | 'SOCIAL';

/** 考生类别：在校生 / 社会考生 */
export type CandidateType =
  | 'IN_SCHOOL'
  | 'SOCIAL';

/** 证书类别：外省成绩认定结果 / 合格性考试成绩证明 */
export type CertificateKind =
  | 'CERTIFICATION_RESULT'
  | 'SCORE_CERTIFICATE';

/** 认定状态：草稿（未提交）/ 待审核 / 退回修改 / 已认定 / 未通过 / 已撤回 */
export type CertificationCaseStatus =
  | 'APPROVED'
  | 'DRAFT'
  | 'PENDING_REVIEW'
  | 'REJECTED'
  | 'RETURNED'
  | 'WITHDRAWN';

/** 证明材料：成绩证明 / 接收学校证明 / 身份证明 */
export type CertificationEvidenceSlot =
  | 'IDENTITY_PROOF'
  | 'SCHOOL_ACCEPTANCE'
  | 'SCORE_CERTIFICATE';

/** 成绩来源：合格性考试 / 选择性考试 */
export type CertificationExamKind =
  | 'QUALIFICATION'
  | 'SELECTIVE';

/** 艺术分音乐、美术给出时的一部分成绩 */
export type CertificationMarkInput = {
  /** 等级，如 C */
  grade?: string | null | undefined;
  /** 分数，如 89.5 */
  score?: string | null | undefined;
  /** MUSIC 或 FINE_ART */
  subjectCode: string;
};

/** 审核人员按成绩证明录入的一个科目 */
export type CertificationSubjectInput = {
  examKind?: CertificationExamKind;
  /** 等级 */
  grade?: string | null | undefined;
  /** 艺术分音乐、美术时的两部分成绩 */
  parts?: Array<CertificationMarkInput> | null | undefined;
  /** 分数 */
  score?: string | null | undefined;
  /** 科目代码，如 MATHEMATICS */
  subjectCode: string;
};

export type ChangeMobileInput = {
  newMobile: string;
  /** 发送到新手机号的 6 位验证码 */
  smsCode: string;
};

export type ChangePasswordInput = {
  currentPassword: string;
  newPassword: string;
};

/** 采集身份信息和照片，完成考籍注册 */
export type CollectPreRegistrationInput = {
  /** 看到的申请版本号（application.version） */
  expectedVersion: number;
  /** 本次操作的请求编号（客户端生成，重试时不变） */
  idempotencyKey: string;
  /** 已与身份证原件比对核验 */
  identityVerified: boolean;
  /** 已上传的考生照片 */
  photoFileId: string | number;
  preRegistrationId: string | number;
};

export type CreateExamSessionInput = {
  code: string;
  name: string;
  provinceCode: string;
  registrationClosesAt: string;
  registrationOpensAt: string;
  scoresPublishedAt?: string | null | undefined;
  /** 本考次开考的科目代码（须为本省科目目录中的科目）；不填为本省全部科目 */
  subjectCodes?: Array<string> | null | undefined;
};

export type CreateOrganizationInput = {
  code: string;
  kind: OrganizationKind;
  name: string;
  parentId?: string | number | null | undefined;
};

export type CreateStaffAccountInput = {
  /** 姓名 */
  displayName: string;
  /** 角色所在组织 */
  organizationId: string | number;
  /** 初始密码（须符合密码规则，交本人后由本人修改） */
  password: string;
  role: Role;
  /** 用户名：字母开头，4–32 位字母、数字或下划线 */
  username: string;
};

/** 对成绩认定申请作出审核决定 */
export type DecideCertificationCaseInput = {
  caseId: string | number;
  decision: WorkflowDecision;
  /** 审核时看到的申请版本号（application.version） */
  expectedVersion: number;
  /** 本次操作的请求编号（客户端生成，重试时不变） */
  idempotencyKey: string;
  /** 退回或不予通过的原因（2 至 500 个字） */
  reason?: string | null | undefined;
};

/** 考生本人报考某考次的科目（已报考的科目不重复报考） */
export type EnterSubjectsInput = {
  sessionId: string | number;
  /** 报考的科目代码（须为本考次开考的科目） */
  subjectCodes: Array<string>;
};

/** 考籍状态：预注册 / 已注册 / 休籍 / 已转出 / 已毕业 */
export type ExamRecordStatus =
  | 'GRADUATED'
  | 'PRE_REGISTERED'
  | 'REGISTERED'
  | 'SUSPENDED'
  | 'TRANSFERRED_OUT';

export type FamilyMemberInput = {
  /** 手机号码（可空；工作人员看到的是遮盖后的号码） */
  mobile: string;
  name: string;
  /** 工作单位（可空） */
  organization: string;
  /** 与本人关系 */
  relation: string;
};

export type GuardianInput = {
  /** 手机号码（工作人员看到的是遮盖后的号码） */
  mobile: string;
  name: string;
  /** 与本人关系 */
  relation: string;
};

export type LoginInput = {
  password: string;
  /** 用户名或已绑定的手机号 */
  username: string;
};

/** 省级考试院 / 盟市 / 旗县区 / 学校 / 班级 */
export type OrganizationKind =
  | 'CLASS'
  | 'COUNTY'
  | 'LEAGUE'
  | 'PROVINCE'
  | 'SCHOOL';

/** 组织层级：省级、盟市、旗县区、学校、班级 */
export type OrganizationLevel =
  | 'CLASS'
  | 'COUNTY'
  | 'LEAGUE'
  | 'PROVINCE'
  | 'SCHOOL';

/** 考籍预注册信息（保存草稿时可不完整，提交时须全部符合要求） */
export type PreRegistrationInput = {
  address: string;
  /** YYYY-MM-DD */
  birthDate: string;
  enrollmentYear?: number | null | undefined;
  /** 民族代码（GB/T 3304，两位） */
  ethnicityCode: string;
  familyMembers: Array<FamilyMemberInput>;
  foreignLanguage: string;
  /** MALE / FEMALE */
  gender: string;
  guardian: GuardianInput;
  /** 是否有居民身份证；无居民身份证的社会考生为 false，考籍号为 J + 按身份证规则编制的代码 */
  hasIdNumber?: boolean | null | undefined;
  householdAuthority: string;
  householdLocation: string;
  /** 居民身份证号码（无居民身份证的社会考生留空） */
  idNumber: string;
  mobile: string;
  name: string;
  politicalStatus: string;
  postcode: string;
  resume: Array<ResumeEntryInput>;
  /** 学籍所在学校（在校生） */
  schoolId?: string | number | null | undefined;
  /** 学生类别代码 */
  studentCategory: string;
};

/** 待办筛选 */
export type PreRegistrationQueueFilter = {
  /** 按姓名查找（完整姓名） */
  name?: string | null | undefined;
  /** 只看某个班级、学校或旗县区 */
  organizationId?: string | number | null | undefined;
  /** 只看某个环节（如 class-teacher-review、county-collection） */
  stepKey?: string | null | undefined;
};

/** 考籍预注册状态：草稿 / 审核中 / 已退回 / 待采集 / 已注册 / 未通过 / 已撤回 */
export type PreRegistrationStatus =
  | 'AWAITING_COLLECTION'
  | 'DRAFT'
  | 'REGISTERED'
  | 'REJECTED'
  | 'RETURNED'
  | 'UNDER_REVIEW'
  | 'WITHDRAWN';

export type RegisterCandidateInput = {
  candidateType: CandidateType;
  /** 姓名 */
  displayName: string;
  /** 户籍所在旗县（市、区）的组织编号 */
  householdCountyId: string | number;
  mobile: string;
  password: string;
  /** 发送到该手机号的 6 位验证码 */
  smsCode: string;
  /** 用户名：字母开头，4–32 位字母、数字或下划线 */
  username: string;
};

export type RequestSmsCodeInput = {
  mobile: string;
  purpose: SmsPurpose;
};

export type ResumeEntryInput = {
  /** 起始年月（YYYY-MM） */
  from: string;
  /** 学校或单位 */
  organization: string;
  /** 身份或职务 */
  role: string;
  /** 截止年月（YYYY-MM）；至今为空 */
  to: string;
};

/** 对考籍预注册作出审核决定 */
export type ReviewPreRegistrationInput = {
  decision: WorkflowDecision;
  /** 审核时看到的申请版本号（application.version） */
  expectedVersion: number;
  /** 本次操作的请求编号（客户端生成，重试时不变） */
  idempotencyKey: string;
  preRegistrationId: string | number;
  /** 退回或不予通过的原因（2 至 500 个字） */
  reason?: string | null | undefined;
};

/** 角色：在校考生、社会考生、班主任、学校管理员、学校工作人员、旗县区、盟市、省级考试院、认定审核员、第三方系统 */
export type Role =
  | 'CANDIDATE_IN_SCHOOL'
  | 'CANDIDATE_SOCIAL'
  | 'CERTIFICATION_REVIEWER'
  | 'CLASS_TEACHER'
  | 'COUNTY_AGENCY'
  | 'LEAGUE_AGENCY'
  | 'PROVINCE_INSTITUTE'
  | 'SCHOOL_ADMIN'
  | 'SCHOOL_STAFF'
  | 'THIRD_PARTY_CLIENT';

/** 保存某来源省份的成绩认定规则（同一受理省份与来源省份只有一份，保存即覆盖） */
export type SaveCertificationSourceRulesInput = {
  artAsMusicAndFineArt?: boolean;
  certifyingProvinceCode: string;
  fullScores?: Array<SubjectFullScoreInput>;
  /** 等级，优者在前，如 A、B、C、D；只给分数时不填 */
  grades?: Array<string> | null | undefined;
  /** 最低合格等级 */
  passGrade?: string | null | undefined;
  sourceProvinceCode: string;
};

/** 新建或修改成绩认定办理时间（时刻按北京时间录入，以 ISO 时刻传送） */
export type SaveCertificationWindowInput = {
  closesAt: string;
  /** 修改时为原办理时间的 id；新建时不填 */
  id?: string | number | null | undefined;
  /** 认定类别，如 certification.returning-candidate */
  kind: string;
  name: string;
  opensAt: string;
  provinceCode: string;
  viewableUntil: string;
};

export type SavePreRegistrationInput = {
  /** 保存时看到的版本号；首次保存为空 */
  expectedVersion?: number | null | undefined;
  form: PreRegistrationInput;
};

/** 短信投递记录筛选条件（均可不填） */
export type SmsDeliveryFilter = {
  /** 创建时间不早于 */
  createdAfter?: string | null | undefined;
  /** 创建时间早于 */
  createdBefore?: string | null | undefined;
  /** 完整的 11 位手机号 */
  mobile?: string | null | undefined;
  status?: SmsDeliveryStatus | null | undefined;
  /** 消息模板代码 */
  template?: string | null | undefined;
};

/** 短信投递状态：待发送 / 已发送 / 已放弃（死信） */
export type SmsDeliveryStatus =
  | 'DEAD'
  | 'PENDING'
  | 'SENT';

/** 验证码用途：注册 / 更换手机号 */
export type SmsPurpose =
  | 'CHANGE_MOBILE'
  | 'REGISTER';

/** 导入状态：待上传 / 检查中 / 已检查 / 导入中 / 已导入 / 失败 */
export type SpreadsheetImportStatus =
  | 'AWAITING_UPLOAD'
  | 'CHECKED'
  | 'CHECKING'
  | 'COMMITTED'
  | 'COMMITTING'
  | 'FAILED';

export type SubjectFullScoreInput = {
  fullScore: number;
  subjectCode: string;
};

/** 成绩：合格 / 不合格 */
export type SubjectResult =
  | 'FAIL'
  | 'PASS';

/** 组考与成绩录入单位：省级考试院 / 盟市招生考试机构 */
export type SubjectRunBy =
  | 'LEAGUE'
  | 'PROVINCE';

export type SubmitPreRegistrationInput = {
  /** 看到的版本号；首次填写为空 */
  expectedVersion?: number | null | undefined;
  form: PreRegistrationInput;
  /** 本次操作的请求编号（客户端生成，重试时不变） */
  idempotencyKey: string;
};

/** 修改某类申请的审核流程（对此后提交的申请生效） */
export type UpdateWorkflowDefinitionInput = {
  /** 所修改的版本号（须为当前版本） */
  expectedVersion: number;
  /** 申请类别代码 */
  kind: string;
  /** 省级行政区划代码 */
  provinceCode: string;
  steps: Array<WorkflowStepInput>;
};

/** 考生本人撤回某考次一个科目的报名（报名截止前） */
export type WithdrawSubjectEntryInput = {
  sessionId: string | number;
  subjectCode: string;
};

/** 办理记录中的动作：提交、重新提交、撤回、通过、退回、不予通过 */
export type WorkflowAction =
  | 'APPROVE'
  | 'REJECT'
  | 'RESUBMIT'
  | 'RETURN'
  | 'SUBMIT'
  | 'WITHDRAW';

/** 审核决定：通过 / 退回修改 / 不予通过 */
export type WorkflowDecision =
  | 'APPROVE'
  | 'REJECT'
  | 'RETURN';

/** 申请状态：审核中 / 已退回 / 已通过 / 未通过 / 已撤回 */
export type WorkflowStatus =
  | 'APPROVED'
  | 'IN_PROGRESS'
  | 'REJECTED'
  | 'RETURNED'
  | 'WITHDRAWN';

/** 审核环节（编辑审核流程时提交） */
export type WorkflowStepInput = {
  actorRole: Role;
  decisions: Array<WorkflowDecision>;
  key: string;
  level: OrganizationLevel;
  name: string;
  slaHours?: number | null | undefined;
  warnAtHours?: number | null | undefined;
};

export type BureauOverviewQueryVariables = Exact<{ [key: string]: never; }>;


export type BureauOverviewQuery = { myJurisdiction: Array<{ id: string, code: string, name: string, kind: OrganizationKind, parentId: string | null }> | null, registrationProgress: { totals: { underReview: number, returned: number, awaitingCollection: number, registered: number }, rows: Array<{ name: string, code: string, countyName: string | null, social: boolean, organization: { id: string }, counts: { underReview: number, returned: number, awaitingCollection: number, registered: number } }> } | null, certificationCases: Array<{ id: string, originProvinceCode: string, status: CertificationCaseStatus, submittedAt: string | null, candidate: { displayName: string } | null }> | null };

export type CertificationReviewQueueQueryVariables = Exact<{
  first?: number | null | undefined;
  after?: string | null | undefined;
}>;


export type CertificationReviewQueueQuery = { certificationReviewQueue: { nextCursor: string | null, items: Array<{ id: string, kind: string, status: CertificationCaseStatus, originProvinceCode: string, submittedAt: string | null, candidate: { displayName: string } | null, evidence: Array<{ id: string }>, application: { id: string, kindName: string, stepName: string, dueAt: string | null, warnAt: string | null, round: number, version: number, canDecide: boolean } | null }> } | null };

export type CertificationReviewCaseQueryVariables = Exact<{
  id: string | number;
}>;


export type CertificationReviewCaseQuery = { certificationCase: { id: string, kind: string, status: CertificationCaseStatus, originProvinceCode: string, certifyingProvinceCode: string, submittedAt: string | null, candidate: { displayName: string } | null, requiredEvidence: Array<{ slot: CertificationEvidenceSlot, name: string, file: { id: string, fileName: string, mimeType: string | null, uploadedAt: string | null, downloadUrl: string | null } | null }>, subjects: Array<{ subjectCode: string, subjectName: string, grade: string | null, score: string | null, fullScore: number | null, passed: boolean, explanation: string, parts: Array<{ subjectCode: string, subjectName: string, grade: string | null, score: string | null, fullScore: number | null, passed: boolean, explanation: string }> }>, application: { id: string, kindName: string, stepName: string, dueAt: string | null, round: number, version: number, canDecide: boolean, allowedDecisions: Array<WorkflowDecision>, lastReason: string | null, history: Array<{ id: string, round: number, action: WorkflowAction, stepName: string | null, reason: string | null, occurredAt: string }> } | null } | null };

export type CertificationReviewSourceRulesQueryVariables = Exact<{
  sourceProvinceCode: string;
  certifyingProvinceCode: string;
}>;


export type CertificationReviewSourceRulesQuery = { certificationSourceRules: Array<{ id: string, sourceProvinceCode: string, grades: Array<string> | null, passGrade: string | null, artAsMusicAndFineArt: boolean, fullScores: Array<{ subjectCode: string, fullScore: number }> }> | null };

export type SaveCertificationSubjectsMutationVariables = Exact<{
  caseId: string | number;
  subjects: Array<CertificationSubjectInput> | CertificationSubjectInput;
}>;


export type SaveCertificationSubjectsMutation = { saveCertificationSubjects: { id: string, subjects: Array<{ subjectCode: string, passed: boolean, explanation: string }>, application: { id: string, version: number } | null } };

export type DecideCertificationCaseMutationVariables = Exact<{
  input: DecideCertificationCaseInput;
}>;


export type DecideCertificationCaseMutation = { decideCertificationCase: { id: string, status: CertificationCaseStatus, application: { status: WorkflowStatus, stepName: string, version: number } | null } };

export type CertificationSettingsQueryVariables = Exact<{
  provinceCode: string;
}>;


export type CertificationSettingsQuery = { certificationWindows: Array<{ id: string, kind: string, name: string, opensAt: string, closesAt: string, viewableUntil: string, open: boolean }> | null, certificationSourceRules: Array<{ id: string, sourceProvinceCode: string, grades: Array<string> | null, passGrade: string | null, artAsMusicAndFineArt: boolean, updatedAt: string, fullScores: Array<{ subjectCode: string, fullScore: number }> }> | null };

export type SaveCertificationWindowMutationVariables = Exact<{
  input: SaveCertificationWindowInput;
}>;


export type SaveCertificationWindowMutation = { saveCertificationWindow: { id: string, name: string } };

export type SaveCertificationSourceRulesMutationVariables = Exact<{
  input: SaveCertificationSourceRulesInput;
}>;


export type SaveCertificationSourceRulesMutation = { saveCertificationSourceRules: { id: string, sourceProvinceCode: string } };

export type BureauExamSessionsQueryVariables = Exact<{
  provinceCode: string;
}>;


export type BureauExamSessionsQuery = { examSessions: Array<{ id: string, code: string, name: string, provinceCode: string, registrationOpensAt: string, registrationClosesAt: string, scoresPublishedAt: string | null, registrationOpen: boolean, subjects: Array<{ code: string, name: string }> }> | null, examSubjects: Array<{ code: string, name: string, runBy: SubjectRunBy }> | null };

export type BureauCreateExamSessionMutationVariables = Exact<{
  input: CreateExamSessionInput;
}>;


export type BureauCreateExamSessionMutation = { createExamSession: { id: string, code: string, name: string } };

export type BureauOrganizationAdminQueryVariables = Exact<{ [key: string]: never; }>;


export type BureauOrganizationAdminQuery = { me: { id: string, roles: Array<{ role: Role, organization: { id: string, name: string, kind: OrganizationKind } | null }> | null }, organizations: Array<{ id: string, code: string, name: string, kind: OrganizationKind, parentId: string | null }> | null };

export type BureauCreateOrganizationMutationVariables = Exact<{
  input: CreateOrganizationInput;
}>;


export type BureauCreateOrganizationMutation = { createOrganization: { id: string, code: string, name: string, kind: OrganizationKind } };

export type BureauCreateStaffAccountMutationVariables = Exact<{
  input: CreateStaffAccountInput;
}>;


export type BureauCreateStaffAccountMutation = { createStaffAccount: { id: string, username: string, displayName: string } };

export type BureauPreRegistrationQueueQueryVariables = Exact<{
  first?: number | null | undefined;
  after?: string | null | undefined;
  filter?: PreRegistrationQueueFilter | null | undefined;
}>;


export type BureauPreRegistrationQueueQuery = { preRegistrationQueue: { nextCursor: string | null, items: Array<{ id: string, candidateKind: CandidateKind, name: string, idNumber: string, gender: string, birthDate: string, ethnicityCode: string, studentNumber: string | null, householdLocation: string, mobile: string, stepKey: string | null, status: PreRegistrationStatus, submittedAt: string | null, schoolClass: { name: string } | null, school: { name: string } | null, application: { id: string, version: number, round: number, stepName: string, canDecide: boolean, allowedDecisions: Array<WorkflowDecision>, lastReason: string | null, history: Array<{ id: string, round: number, action: WorkflowAction, stepName: string | null, reason: string | null, occurredAt: string, actorRole: Role | null }> } | null }> } | null };

export type BureauReviewPreRegistrationMutationVariables = Exact<{
  input: ReviewPreRegistrationInput;
}>;


export type BureauReviewPreRegistrationMutation = { reviewPreRegistration: { id: string, status: PreRegistrationStatus } };

export type RevealPreRegistrationIdNumberMutationVariables = Exact<{
  preRegistrationId: string | number;
}>;


export type RevealPreRegistrationIdNumberMutation = { revealPreRegistrationIdNumber: string };

export type RequestRegistrationPhotoUploadMutationVariables = Exact<{
  preRegistrationId: string | number;
  fileName: string;
}>;


export type RequestRegistrationPhotoUploadMutation = { requestRegistrationPhotoUpload: { fileId: string, uploadUrl: string, maxBytes: number, allowedTypes: Array<string> } };

export type CollectPreRegistrationMutationVariables = Exact<{
  input: CollectPreRegistrationInput;
}>;


export type CollectPreRegistrationMutation = { collectPreRegistration: { id: string, status: PreRegistrationStatus, recordNumber: string | null, name: string } };

export type BureauMyRolesQueryVariables = Exact<{ [key: string]: never; }>;


export type BureauMyRolesQuery = { me: { id: string, roles: Array<{ role: Role }> | null } };

export type BureauResultsImportSessionsQueryVariables = Exact<{ [key: string]: never; }>;


export type BureauResultsImportSessionsQuery = { examSessions: Array<{ id: string, code: string, name: string, registrationClosesAt: string, scoresPublishedAt: string | null, scoresPublished: boolean }> | null };

export type BureauResultImportTemplateQueryVariables = Exact<{ [key: string]: never; }>;


export type BureauResultImportTemplateQuery = { resultImportTemplate: { fileName: string, contentBase64: string } | null };

export type BureauOpenResultImportMutationVariables = Exact<{
  sessionId: string | number;
  fileName: string;
}>;


export type BureauOpenResultImportMutation = { openResultImport: { import: { id: string }, upload: { uploadUrl: string } } };

export type BureauCheckResultImportMutationVariables = Exact<{
  id: string | number;
}>;


export type BureauCheckResultImportMutation = { checkResultImport: { id: string, status: SpreadsheetImportStatus } };

export type BureauCommitResultImportMutationVariables = Exact<{
  id: string | number;
}>;


export type BureauCommitResultImportMutation = { commitResultImport: { id: string, status: SpreadsheetImportStatus } };

export type BureauResultImportQueryVariables = Exact<{
  id: string | number;
}>;


export type BureauResultImportQuery = { resultImport: { id: string, status: SpreadsheetImportStatus, fileName: string, totalRows: number, processedRows: number, problemCount: number, updatedCount: number | null, failureMessage: string | null, problems: Array<{ row: number, column: string | null, message: string }> } | null };

export type BureauSmsDeliveriesQueryVariables = Exact<{
  filter?: SmsDeliveryFilter | null | undefined;
  limit: number;
  offset: number;
}>;


export type BureauSmsDeliveriesQuery = { smsDeliveries: { total: number, items: Array<{ id: string, mobile: string, text: string, status: SmsDeliveryStatus, canRetry: boolean, attempts: number, nextAttemptAt: string, lastError: string | null, template: string, templateDescription: string, createdAt: string, sentAt: string | null, recipient: { displayName: string } | null }> } | null };

export type BureauRetrySmsDeliveryMutationVariables = Exact<{
  id: string | number;
}>;


export type BureauRetrySmsDeliveryMutation = { retrySmsDelivery: { id: string, status: SmsDeliveryStatus, canRetry: boolean, attempts: number, nextAttemptAt: string, lastError: string | null, sentAt: string | null } };

export type WorkflowDefinitionsQueryVariables = Exact<{
  provinceCode: string;
}>;


export type WorkflowDefinitionsQuery = { registryWorkflowDefinitions: Array<{ id: string, kind: string, kindName: string, version: number, createdAt: string, steps: Array<{ key: string, name: string, actorRole: Role, level: OrganizationLevel, decisions: Array<WorkflowDecision>, slaHours: number | null, warnAtHours: number | null }> }> | null, certificationWorkflowDefinitions: Array<{ id: string, kind: string, kindName: string, version: number, createdAt: string, steps: Array<{ key: string, name: string, actorRole: Role, level: OrganizationLevel, decisions: Array<WorkflowDecision>, slaHours: number | null, warnAtHours: number | null }> }> | null };

export type WorkflowDefinitionFieldsFragment = { id: string, kind: string, kindName: string, version: number, createdAt: string, steps: Array<{ key: string, name: string, actorRole: Role, level: OrganizationLevel, decisions: Array<WorkflowDecision>, slaHours: number | null, warnAtHours: number | null }> };

export type UpdateRegistryWorkflowDefinitionMutationVariables = Exact<{
  input: UpdateWorkflowDefinitionInput;
}>;


export type UpdateRegistryWorkflowDefinitionMutation = { updateRegistryWorkflowDefinition: { id: string, version: number } };

export type UpdateCertificationWorkflowDefinitionMutationVariables = Exact<{
  input: UpdateWorkflowDefinitionInput;
}>;


export type UpdateCertificationWorkflowDefinitionMutation = { updateCertificationWorkflowDefinition: { id: string, version: number } };

export type InstituteProvinceQueryVariables = Exact<{ [key: string]: never; }>;


export type InstituteProvinceQuery = { me: { id: string, roles: Array<{ role: Role, organization: { id: string, code: string, name: string, kind: OrganizationKind } | null }> | null } };

export type CandidateCertificationQueryVariables = Exact<{
  originProvinceCode?: string | null | undefined;
}>;


export type CandidateCertificationQuery = { certificationEligibility: { eligible: boolean, kind: string | null, reasonCode: string | null, reason: string | null, window: { id: string, name: string, opensAt: string, closesAt: string, viewableUntil: string, open: boolean } | null } | null, myCertificationCases: Array<{ id: string, kind: string, status: CertificationCaseStatus, originProvinceCode: string, certifyingProvinceCode: string, createdAt: string, submittedAt: string | null, closedAt: string | null, resultViewableUntil: string | null, requiredEvidence: Array<{ slot: CertificationEvidenceSlot, name: string, maxBytes: number, allowedTypes: Array<string>, file: { id: string, fileName: string, uploadedAt: string | null, mimeType: string | null, downloadUrl: string | null } | null }>, subjects: Array<{ subjectCode: string, subjectName: string, grade: string | null, score: string | null, fullScore: number | null, passed: boolean, explanation: string, parts: Array<{ subjectCode: string, subjectName: string, grade: string | null, score: string | null, fullScore: number | null, passed: boolean, explanation: string }> }>, certificate: { code: string, issuedAt: string, revokedAt: string | null, downloadUrl: string | null } | null, application: { id: string, kindName: string, status: WorkflowStatus, stepName: string, round: number, lastReason: string | null, history: Array<{ id: string, round: number, action: WorkflowAction, stepName: string | null, reason: string | null, occurredAt: string }> } | null }> | null };

export type CandidateStartCertificationCaseMutationVariables = Exact<{
  originProvinceCode: string;
}>;


export type CandidateStartCertificationCaseMutation = { startCertificationCase: { id: string, status: CertificationCaseStatus } };

export type CandidateRequestCertificationEvidenceUploadMutationVariables = Exact<{
  caseId: string | number;
  slot: CertificationEvidenceSlot;
  fileName: string;
}>;


export type CandidateRequestCertificationEvidenceUploadMutation = { requestCertificationEvidenceUpload: { fileId: string, uploadUrl: string, maxBytes: number, allowedTypes: Array<string> } };

export type CandidateSubmitCertificationCaseMutationVariables = Exact<{
  caseId: string | number;
  idempotencyKey: string;
}>;


export type CandidateSubmitCertificationCaseMutation = { submitCertificationCase: { id: string, status: CertificationCaseStatus } };

export type CandidateExamSessionsQueryVariables = Exact<{ [key: string]: never; }>;


export type CandidateExamSessionsQuery = { examSessions: Array<{ id: string, code: string, name: string, registrationOpensAt: string, registrationClosesAt: string }> | null };

export type MyPreRegistrationFieldsFragment = { id: string, hasIdNumber: boolean, status: PreRegistrationStatus, version: number, candidateKind: CandidateKind, studentNumber: string | null, recordNumber: string | null, name: string, gender: string, ethnicityCode: string, politicalStatus: string, studentCategory: string, householdLocation: string, householdAuthority: string, idNumber: string, birthDate: string, mobile: string, address: string, postcode: string, foreignLanguage: string, enrollmentYear: number | null, submittedAt: string | null, registeredAt: string | null, resume: Array<{ from: string, to: string, organization: string, role: string }>, familyMembers: Array<{ relation: string, name: string, organization: string, mobile: string }>, guardian: { name: string, relation: string, mobile: string }, school: { id: string, name: string } | null, schoolClass: { name: string } | null, application: { id: string, status: WorkflowStatus, stepKey: string, stepName: string, round: number, lastReason: string | null, history: Array<{ id: string, round: number, action: WorkflowAction, stepName: string | null, reason: string | null, occurredAt: string, resultStatus: WorkflowStatus, actorRole: Role | null }> } | null };

export type MyPreRegistrationQueryVariables = Exact<{ [key: string]: never; }>;


export type MyPreRegistrationQuery = { myPreRegistration: { id: string, hasIdNumber: boolean, status: PreRegistrationStatus, version: number, candidateKind: CandidateKind, studentNumber: string | null, recordNumber: string | null, name: string, gender: string, ethnicityCode: string, politicalStatus: string, studentCategory: string, householdLocation: string, householdAuthority: string, idNumber: string, birthDate: string, mobile: string, address: string, postcode: string, foreignLanguage: string, enrollmentYear: number | null, submittedAt: string | null, registeredAt: string | null, resume: Array<{ from: string, to: string, organization: string, role: string }>, familyMembers: Array<{ relation: string, name: string, organization: string, mobile: string }>, guardian: { name: string, relation: string, mobile: string }, school: { id: string, name: string } | null, schoolClass: { name: string } | null, application: { id: string, status: WorkflowStatus, stepKey: string, stepName: string, round: number, lastReason: string | null, history: Array<{ id: string, round: number, action: WorkflowAction, stepName: string | null, reason: string | null, occurredAt: string, resultStatus: WorkflowStatus, actorRole: Role | null }> } | null } | null, me: { id: string, displayName: string, roles: Array<{ role: Role, organization: { id: string, kind: OrganizationKind, parentId: string | null } | null }> | null } };

export type CandidateProvinceSchoolsQueryVariables = Exact<{
  search?: string | null | undefined;
  first?: number | null | undefined;
}>;


export type CandidateProvinceSchoolsQuery = { registrySchools: { items: Array<{ id: string, code: string, name: string }> } | null };

export type SavePreRegistrationDraftMutationVariables = Exact<{
  input: SavePreRegistrationInput;
}>;


export type SavePreRegistrationDraftMutation = { savePreRegistrationDraft: { id: string, hasIdNumber: boolean, status: PreRegistrationStatus, version: number, candidateKind: CandidateKind, studentNumber: string | null, recordNumber: string | null, name: string, gender: string, ethnicityCode: string, politicalStatus: string, studentCategory: string, householdLocation: string, householdAuthority: string, idNumber: string, birthDate: string, mobile: string, address: string, postcode: string, foreignLanguage: string, enrollmentYear: number | null, submittedAt: string | null, registeredAt: string | null, resume: Array<{ from: string, to: string, organization: string, role: string }>, familyMembers: Array<{ relation: string, name: string, organization: string, mobile: string }>, guardian: { name: string, relation: string, mobile: string }, school: { id: string, name: string } | null, schoolClass: { name: string } | null, application: { id: string, status: WorkflowStatus, stepKey: string, stepName: string, round: number, lastReason: string | null, history: Array<{ id: string, round: number, action: WorkflowAction, stepName: string | null, reason: string | null, occurredAt: string, resultStatus: WorkflowStatus, actorRole: Role | null }> } | null } };

export type SubmitPreRegistrationMutationVariables = Exact<{
  input: SubmitPreRegistrationInput;
}>;


export type SubmitPreRegistrationMutation = { submitPreRegistration: { id: string, hasIdNumber: boolean, status: PreRegistrationStatus, version: number, candidateKind: CandidateKind, studentNumber: string | null, recordNumber: string | null, name: string, gender: string, ethnicityCode: string, politicalStatus: string, studentCategory: string, householdLocation: string, householdAuthority: string, idNumber: string, birthDate: string, mobile: string, address: string, postcode: string, foreignLanguage: string, enrollmentYear: number | null, submittedAt: string | null, registeredAt: string | null, resume: Array<{ from: string, to: string, organization: string, role: string }>, familyMembers: Array<{ relation: string, name: string, organization: string, mobile: string }>, guardian: { name: string, relation: string, mobile: string }, school: { id: string, name: string } | null, schoolClass: { name: string } | null, application: { id: string, status: WorkflowStatus, stepKey: string, stepName: string, round: number, lastReason: string | null, history: Array<{ id: string, round: number, action: WorkflowAction, stepName: string | null, reason: string | null, occurredAt: string, resultStatus: WorkflowStatus, actorRole: Role | null }> } | null } };

export type CandidatePreRegistrationSummaryQueryVariables = Exact<{ [key: string]: never; }>;


export type CandidatePreRegistrationSummaryQuery = { myPreRegistration: { id: string, status: PreRegistrationStatus, recordNumber: string | null } | null };

export type CandidateSubjectRegistrationQueryVariables = Exact<{ [key: string]: never; }>;


export type CandidateSubjectRegistrationQuery = { examSessions: Array<{ id: string, code: string, name: string, registrationClosesAt: string, registrationOpen: boolean, subjects: Array<{ code: string, name: string }> }> | null, subjectEntries: { items: Array<{ id: string, sessionId: string, subjectCode: string, result: SubjectResult | null }> } | null };

export type CandidateEnterSubjectsMutationVariables = Exact<{
  input: EnterSubjectsInput;
}>;


export type CandidateEnterSubjectsMutation = { enterSubjects: Array<{ id: string, subjectCode: string }> };

export type CandidateWithdrawSubjectEntryMutationVariables = Exact<{
  input: WithdrawSubjectEntryInput;
}>;


export type CandidateWithdrawSubjectEntryMutation = { withdrawSubjectEntry: Array<{ id: string, subjectCode: string }> };

export type CandidateResultsQueryVariables = Exact<{ [key: string]: never; }>;


export type CandidateResultsQuery = { subjectEntries: { items: Array<{ id: string, subjectCode: string, result: SubjectResult | null, score: number | null, resultPublished: boolean, subject: { name: string } | null, session: { id: string, name: string, scoresPublishedAt: string | null } | null }> } | null };

export type SchoolCertificationCasesQueryVariables = Exact<{
  first?: number | null | undefined;
  after?: string | null | undefined;
}>;


export type SchoolCertificationCasesQuery = { schoolCertificationCases: { nextCursor: string | null, items: Array<{ id: string, status: CertificationCaseStatus, originProvinceCode: string, createdAt: string, submittedAt: string | null, candidate: { id: string, displayName: string } | null, requiredEvidence: Array<{ slot: CertificationEvidenceSlot, name: string, maxBytes: number, allowedTypes: Array<string>, file: { id: string, fileName: string, uploadedAt: string | null, mimeType: string | null, downloadUrl: string | null } | null }>, application: { id: string, status: WorkflowStatus, stepName: string, lastReason: string | null } | null }> } | null };

export type SchoolCertificationStudentsQueryVariables = Exact<{
  first?: number | null | undefined;
  after?: string | null | undefined;
}>;


export type SchoolCertificationStudentsQuery = { examRecordPage: { nextCursor: string | null, items: Array<{ id: string, recordNumber: string, candidate: { id: string, displayName: string } | null }> } | null };

export type SchoolStartCertificationCaseMutationVariables = Exact<{
  candidateId: string | number;
  originProvinceCode: string;
}>;


export type SchoolStartCertificationCaseMutation = { startSchoolCertificationCase: { id: string, status: CertificationCaseStatus } };

export type SchoolRequestCertificationEvidenceUploadMutationVariables = Exact<{
  caseId: string | number;
  slot: CertificationEvidenceSlot;
  fileName: string;
}>;


export type SchoolRequestCertificationEvidenceUploadMutation = { requestCertificationEvidenceUpload: { fileId: string, uploadUrl: string, maxBytes: number, allowedTypes: Array<string> } };

export type SchoolSubmitCertificationCaseMutationVariables = Exact<{
  caseId: string | number;
  idempotencyKey: string;
}>;


export type SchoolSubmitCertificationCaseMutation = { submitCertificationCase: { id: string, status: CertificationCaseStatus } };

export type SchoolExamRecordsQueryVariables = Exact<{
  first?: number | null | undefined;
  after?: string | null | undefined;
}>;


export type SchoolExamRecordsQuery = { examRecordPage: { nextCursor: string | null, items: Array<{ id: string, recordNumber: string, status: ExamRecordStatus, candidate: { id: string, displayName: string } | null, school: { name: string } | null }> } | null };

export type SchoolPreRegistrationQueueQueryVariables = Exact<{
  first?: number | null | undefined;
  after?: string | null | undefined;
  filter?: PreRegistrationQueueFilter | null | undefined;
}>;


export type SchoolPreRegistrationQueueQuery = { preRegistrationQueue: { nextCursor: string | null, items: Array<{ id: string, name: string, idNumber: string, studentNumber: string | null, gender: string, birthDate: string, stepKey: string | null, status: PreRegistrationStatus, submittedAt: string | null, schoolClass: { id: string, name: string } | null, school: { name: string } | null, application: { id: string, version: number, round: number, stepName: string, canDecide: boolean, allowedDecisions: Array<WorkflowDecision>, lastReason: string | null, history: Array<{ id: string, round: number, action: WorkflowAction, stepName: string | null, reason: string | null, occurredAt: string, actorRole: Role | null }> } | null }> } | null, me: { id: string, roles: Array<{ role: Role, organization: { id: string, name: string, kind: OrganizationKind } | null }> | null } };

export type SchoolReviewPreRegistrationMutationVariables = Exact<{
  input: ReviewPreRegistrationInput;
}>;


export type SchoolReviewPreRegistrationMutation = { reviewPreRegistration: { id: string, status: PreRegistrationStatus } };

export type SchoolApprovePreRegistrationsMutationVariables = Exact<{
  input: BulkApprovePreRegistrationsInput;
}>;


export type SchoolApprovePreRegistrationsMutation = { approvePreRegistrations: Array<{ preRegistrationId: string, ok: boolean, code: string | null, message: string | null }> };

export type SchoolRosterScopeQueryVariables = Exact<{ [key: string]: never; }>;


export type SchoolRosterScopeQuery = { me: { id: string, roles: Array<{ role: Role, organization: { id: string, code: string, name: string, kind: OrganizationKind, parentId: string | null } | null }> | null }, organizations: Array<{ id: string, code: string, name: string, parentId: string | null }> | null };

export type SchoolRosterEntriesQueryVariables = Exact<{
  schoolId?: string | number | null | undefined;
  classId?: string | number | null | undefined;
  first?: number | null | undefined;
  after?: string | null | undefined;
}>;


export type SchoolRosterEntriesQuery = { rosterEntries: { nextCursor: string | null, items: Array<{ id: string, maskedStudentNumber: string, name: string, maskedIdNumber: string, className: string | null }> } | null };

export type SchoolRosterImportTemplateQueryVariables = Exact<{ [key: string]: never; }>;


export type SchoolRosterImportTemplateQuery = { rosterImportTemplate: { fileName: string, contentType: string, contentBase64: string } | null };

export type SchoolStartRosterImportMutationVariables = Exact<{
  schoolId: string | number;
  fileName: string;
}>;


export type SchoolStartRosterImportMutation = { startRosterImport: { import: { id: string, status: SpreadsheetImportStatus }, upload: { uploadUrl: string } } };

export type SchoolCheckRosterImportMutationVariables = Exact<{
  importId: string | number;
}>;


export type SchoolCheckRosterImportMutation = { checkRosterImport: { id: string, status: SpreadsheetImportStatus } };

export type SchoolCommitRosterImportMutationVariables = Exact<{
  importId: string | number;
}>;


export type SchoolCommitRosterImportMutation = { commitRosterImport: { id: string, status: SpreadsheetImportStatus } };

export type SchoolRosterImportQueryVariables = Exact<{
  id: string | number;
}>;


export type SchoolRosterImportQuery = { rosterImport: { id: string, status: SpreadsheetImportStatus, totalRows: number, processedRows: number, problemCount: number, createdCount: number | null, updatedCount: number | null, failureMessage: string | null, problems: Array<{ row: number, column: string | null, message: string }> } | null };

export type SchoolScopeQueryVariables = Exact<{ [key: string]: never; }>;


export type SchoolScopeQuery = { me: { id: string, roles: Array<{ role: Role, organization: { id: string, code: string, name: string, kind: OrganizationKind } | null }> | null } };

export type SchoolResultSessionsQueryVariables = Exact<{ [key: string]: never; }>;


export type SchoolResultSessionsQuery = { examSessions: Array<{ id: string, code: string, name: string, scoresPublishedAt: string | null, scoresPublished: boolean }> | null };

export type SchoolSessionResultsQueryVariables = Exact<{
  sessionId: string | number;
  after?: string | null | undefined;
}>;


export type SchoolSessionResultsQuery = { subjectEntries: { nextCursor: string | null, items: Array<{ id: string, recordNumber: string, result: SubjectResult | null, score: number | null, resultPublished: boolean, subject: { name: string } | null, candidate: { displayName: string } | null }> } | null };

export type SchoolStaffOverviewQueryVariables = Exact<{
  limit: number;
}>;


export type SchoolStaffOverviewQuery = { me: { id: string, roles: Array<{ role: Role, organization: { id: string, code: string, name: string, kind: OrganizationKind } | null }> | null }, organizations: Array<{ id: string, code: string, name: string, parentId: string | null }> | null, users: Array<{ id: string, username: string, displayName: string, roles: Array<{ role: Role, organization: { id: string, name: string } | null }> | null }> | null };

export type SchoolCreateClassMutationVariables = Exact<{
  input: CreateOrganizationInput;
}>;


export type SchoolCreateClassMutation = { createOrganization: { id: string, code: string, name: string } };

export type SchoolCreateStaffAccountMutationVariables = Exact<{
  input: CreateStaffAccountInput;
}>;


export type SchoolCreateStaffAccountMutation = { createStaffAccount: { id: string, username: string, displayName: string } };

export type SchoolBindRoleMutationVariables = Exact<{
  input: BindRoleInput;
}>;


export type SchoolBindRoleMutation = { bindRole: { role: Role } };

export type SchoolSummaryQueryVariables = Exact<{ [key: string]: never; }>;


export type SchoolSummaryQuery = { registrationProgress: { totals: { underReview: number, awaitingCollection: number, registered: number } } | null };

export type ShellRequestSmsCodeMutationVariables = Exact<{
  input: RequestSmsCodeInput;
}>;


export type ShellRequestSmsCodeMutation = { requestSmsCode: { mobile: string, expiresAt: string, resendAvailableAt: string } };

export type ShellRegisterCandidateMutationVariables = Exact<{
  input: RegisterCandidateInput;
}>;


export type ShellRegisterCandidateMutation = { registerCandidate: { accessToken: string, refreshToken: string, expiresAt: string } };

export type ShellCountiesQueryVariables = Exact<{ [key: string]: never; }>;


export type ShellCountiesQuery = { organizations: Array<{ id: string, name: string, code: string }> | null };

export type ShellChangePasswordMutationVariables = Exact<{
  input: ChangePasswordInput;
}>;


export type ShellChangePasswordMutation = { changePassword: boolean };

export type ShellChangeMobileMutationVariables = Exact<{
  input: ChangeMobileInput;
}>;


export type ShellChangeMobileMutation = { changeMobile: { id: string } };

export type ShellLoginMutationVariables = Exact<{
  input: LoginInput;
}>;


export type ShellLoginMutation = { login: { accessToken: string, refreshToken: string, expiresAt: string } };

export type ShellRefreshSessionMutationVariables = Exact<{
  refreshToken: string;
}>;


export type ShellRefreshSessionMutation = { refreshSession: { accessToken: string, refreshToken: string, expiresAt: string } };

export type ShellLogoutMutationVariables = Exact<{
  refreshToken: string;
}>;


export type ShellLogoutMutation = { logout: boolean };

export type ShellMeQueryVariables = Exact<{ [key: string]: never; }>;


export type ShellMeQuery = { me: { id: string, username: string, displayName: string, passwordChangeRequired: boolean | null, roles: Array<{ role: Role, organization: { id: string, name: string, kind: OrganizationKind } | null }> | null } };

export type ShellInboxCountQueryVariables = Exact<{ [key: string]: never; }>;


export type ShellInboxCountQuery = { me: { id: string, unreadNotificationCount: number | null } };

export type ShellInboxQueryVariables = Exact<{ [key: string]: never; }>;


export type ShellInboxQuery = { me: { id: string, unreadNotificationCount: number | null, notifications: Array<{ id: string, title: string, body: string, readAt: string | null, createdAt: string }> | null } };

export type ShellMarkNotificationReadMutationVariables = Exact<{
  id: string | number;
}>;


export type ShellMarkNotificationReadMutation = { markNotificationRead: { id: string, readAt: string | null } };

export type ShellVerifyCertificateQueryVariables = Exact<{
  code: string;
}>;


export type ShellVerifyCertificateQuery = { verifyCertificate: { code: string, found: boolean, signatureValid: boolean, revoked: boolean, revokedAt: string | null, revocationReason: string | null, fields: { code: string, kind: CertificateKind, title: string, issuerName: string, provinceCode: string, holderName: string, idNumberMasked: string, recordNumber: string | null, originProvinceName: string | null, issuedAt: string, subjects: Array<{ code: string, name: string, result: string, detail: string | null }> } | null } };

export const WorkflowDefinitionFieldsFragmentDoc = {"kind":"Document","definitions":[{"kind":"FragmentDefinition","name":{"kind":"Name","value":"WorkflowDefinitionFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"WorkflowDefinition"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"kind"}},{"kind":"Field","name":{"kind":"Name","value":"kindName"}},{"kind":"Field","name":{"kind":"Name","value":"version"}},{"kind":"Field","name":{"kind":"Name","value":"createdAt"}},{"kind":"Field","name":{"kind":"Name","value":"steps"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"key"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"actorRole"}},{"kind":"Field","name":{"kind":"Name","value":"level"}},{"kind":"Field","name":{"kind":"Name","value":"decisions"}},{"kind":"Field","name":{"kind":"Name","value":"slaHours"}},{"kind":"Field","name":{"kind":"Name","value":"warnAtHours"}}]}}]}}]} as unknown as DocumentNode<WorkflowDefinitionFieldsFragment, unknown>;
export const MyPreRegistrationFieldsFragmentDoc = {"kind":"Document","definitions":[{"kind":"FragmentDefinition","name":{"kind":"Name","value":"MyPreRegistrationFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"PreRegistration"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"hasIdNumber"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"version"}},{"kind":"Field","name":{"kind":"Name","value":"candidateKind"}},{"kind":"Field","name":{"kind":"Name","value":"studentNumber"}},{"kind":"Field","name":{"kind":"Name","value":"recordNumber"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"gender"}},{"kind":"Field","name":{"kind":"Name","value":"ethnicityCode"}},{"kind":"Field","name":{"kind":"Name","value":"politicalStatus"}},{"kind":"Field","name":{"kind":"Name","value":"studentCategory"}},{"kind":"Field","name":{"kind":"Name","value":"householdLocation"}},{"kind":"Field","name":{"kind":"Name","value":"householdAuthority"}},{"kind":"Field","name":{"kind":"Name","value":"idNumber"}},{"kind":"Field","name":{"kind":"Name","value":"birthDate"}},{"kind":"Field","name":{"kind":"Name","value":"mobile"}},{"kind":"Field","name":{"kind":"Name","value":"address"}},{"kind":"Field","name":{"kind":"Name","value":"postcode"}},{"kind":"Field","name":{"kind":"Name","value":"foreignLanguage"}},{"kind":"Field","name":{"kind":"Name","value":"enrollmentYear"}},{"kind":"Field","name":{"kind":"Name","value":"submittedAt"}},{"kind":"Field","name":{"kind":"Name","value":"registeredAt"}},{"kind":"Field","name":{"kind":"Name","value":"resume"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"from"}},{"kind":"Field","name":{"kind":"Name","value":"to"}},{"kind":"Field","name":{"kind":"Name","value":"organization"}},{"kind":"Field","name":{"kind":"Name","value":"role"}}]}},{"kind":"Field","name":{"kind":"Name","value":"familyMembers"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"relation"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"organization"}},{"kind":"Field","name":{"kind":"Name","value":"mobile"}}]}},{"kind":"Field","name":{"kind":"Name","value":"guardian"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"relation"}},{"kind":"Field","name":{"kind":"Name","value":"mobile"}}]}},{"kind":"Field","name":{"kind":"Name","value":"school"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}},{"kind":"Field","name":{"kind":"Name","value":"schoolClass"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"name"}}]}},{"kind":"Field","name":{"kind":"Name","value":"application"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"stepKey"}},{"kind":"Field","name":{"kind":"Name","value":"stepName"}},{"kind":"Field","name":{"kind":"Name","value":"round"}},{"kind":"Field","name":{"kind":"Name","value":"lastReason"}},{"kind":"Field","name":{"kind":"Name","value":"history"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"round"}},{"kind":"Field","name":{"kind":"Name","value":"action"}},{"kind":"Field","name":{"kind":"Name","value":"stepName"}},{"kind":"Field","name":{"kind":"Name","value":"reason"}},{"kind":"Field","name":{"kind":"Name","value":"occurredAt"}},{"kind":"Field","name":{"kind":"Name","value":"resultStatus"}},{"kind":"Field","name":{"kind":"Name","value":"actorRole"}}]}}]}}]}}]} as unknown as DocumentNode<MyPreRegistrationFieldsFragment, unknown>;
export const BureauOverviewDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"BureauOverview"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"myJurisdiction"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"kind"}},{"kind":"Field","name":{"kind":"Name","value":"parentId"}}]}},{"kind":"Field","name":{"kind":"Name","value":"registrationProgress"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"totals"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"underReview"}},{"kind":"Field","name":{"kind":"Name","value":"returned"}},{"kind":"Field","name":{"kind":"Name","value":"awaitingCollection"}},{"kind":"Field","name":{"kind":"Name","value":"registered"}}]}},{"kind":"Field","name":{"kind":"Name","value":"rows"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"organization"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}}]}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"countyName"}},{"kind":"Field","name":{"kind":"Name","value":"social"}},{"kind":"Field","name":{"kind":"Name","value":"counts"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"underReview"}},{"kind":"Field","name":{"kind":"Name","value":"returned"}},{"kind":"Field","name":{"kind":"Name","value":"awaitingCollection"}},{"kind":"Field","name":{"kind":"Name","value":"registered"}}]}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"certificationCases"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"originProvinceCode"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"submittedAt"}},{"kind":"Field","name":{"kind":"Name","value":"candidate"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"displayName"}}]}}]}}]}}]} as unknown as DocumentNode<BureauOverviewQuery, BureauOverviewQueryVariables>;
export const CertificationReviewQueueDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"CertificationReviewQueue"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"first"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"after"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"certificationReviewQueue"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"Variable","name":{"kind":"Name","value":"first"}}},{"kind":"Argument","name":{"kind":"Name","value":"after"},"value":{"kind":"Variable","name":{"kind":"Name","value":"after"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"items"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"kind"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"originProvinceCode"}},{"kind":"Field","name":{"kind":"Name","value":"submittedAt"}},{"kind":"Field","name":{"kind":"Name","value":"candidate"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"displayName"}}]}},{"kind":"Field","name":{"kind":"Name","value":"evidence"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}}]}},{"kind":"Field","name":{"kind":"Name","value":"application"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"kindName"}},{"kind":"Field","name":{"kind":"Name","value":"stepName"}},{"kind":"Field","name":{"kind":"Name","value":"dueAt"}},{"kind":"Field","name":{"kind":"Name","value":"warnAt"}},{"kind":"Field","name":{"kind":"Name","value":"round"}},{"kind":"Field","name":{"kind":"Name","value":"version"}},{"kind":"Field","name":{"kind":"Name","value":"canDecide"}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"nextCursor"}}]}}]}}]} as unknown as DocumentNode<CertificationReviewQueueQuery, CertificationReviewQueueQueryVariables>;
export const CertificationReviewCaseDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"CertificationReviewCase"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"certificationCase"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"kind"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"originProvinceCode"}},{"kind":"Field","name":{"kind":"Name","value":"certifyingProvinceCode"}},{"kind":"Field","name":{"kind":"Name","value":"submittedAt"}},{"kind":"Field","name":{"kind":"Name","value":"candidate"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"displayName"}}]}},{"kind":"Field","name":{"kind":"Name","value":"requiredEvidence"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"slot"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"file"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"fileName"}},{"kind":"Field","name":{"kind":"Name","value":"mimeType"}},{"kind":"Field","name":{"kind":"Name","value":"uploadedAt"}},{"kind":"Field","name":{"kind":"Name","value":"downloadUrl"}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"subjects"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"subjectCode"}},{"kind":"Field","name":{"kind":"Name","value":"subjectName"}},{"kind":"Field","name":{"kind":"Name","value":"grade"}},{"kind":"Field","name":{"kind":"Name","value":"score"}},{"kind":"Field","name":{"kind":"Name","value":"fullScore"}},{"kind":"Field","name":{"kind":"Name","value":"passed"}},{"kind":"Field","name":{"kind":"Name","value":"explanation"}},{"kind":"Field","name":{"kind":"Name","value":"parts"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"subjectCode"}},{"kind":"Field","name":{"kind":"Name","value":"subjectName"}},{"kind":"Field","name":{"kind":"Name","value":"grade"}},{"kind":"Field","name":{"kind":"Name","value":"score"}},{"kind":"Field","name":{"kind":"Name","value":"fullScore"}},{"kind":"Field","name":{"kind":"Name","value":"passed"}},{"kind":"Field","name":{"kind":"Name","value":"explanation"}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"application"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"kindName"}},{"kind":"Field","name":{"kind":"Name","value":"stepName"}},{"kind":"Field","name":{"kind":"Name","value":"dueAt"}},{"kind":"Field","name":{"kind":"Name","value":"round"}},{"kind":"Field","name":{"kind":"Name","value":"version"}},{"kind":"Field","name":{"kind":"Name","value":"canDecide"}},{"kind":"Field","name":{"kind":"Name","value":"allowedDecisions"}},{"kind":"Field","name":{"kind":"Name","value":"lastReason"}},{"kind":"Field","name":{"kind":"Name","value":"history"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"round"}},{"kind":"Field","name":{"kind":"Name","value":"action"}},{"kind":"Field","name":{"kind":"Name","value":"stepName"}},{"kind":"Field","name":{"kind":"Name","value":"reason"}},{"kind":"Field","name":{"kind":"Name","value":"occurredAt"}}]}}]}}]}}]}}]} as unknown as DocumentNode<CertificationReviewCaseQuery, CertificationReviewCaseQueryVariables>;
export const CertificationReviewSourceRulesDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"CertificationReviewSourceRules"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"sourceProvinceCode"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"certifyingProvinceCode"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"certificationSourceRules"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"sourceProvinceCode"},"value":{"kind":"Variable","name":{"kind":"Name","value":"sourceProvinceCode"}}},{"kind":"Argument","name":{"kind":"Name","value":"certifyingProvinceCode"},"value":{"kind":"Variable","name":{"kind":"Name","value":"certifyingProvinceCode"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"sourceProvinceCode"}},{"kind":"Field","name":{"kind":"Name","value":"grades"}},{"kind":"Field","name":{"kind":"Name","value":"passGrade"}},{"kind":"Field","name":{"kind":"Name","value":"artAsMusicAndFineArt"}},{"kind":"Field","name":{"kind":"Name","value":"fullScores"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"subjectCode"}},{"kind":"Field","name":{"kind":"Name","value":"fullScore"}}]}}]}}]}}]} as unknown as DocumentNode<CertificationReviewSourceRulesQuery, CertificationReviewSourceRulesQueryVariables>;
export const SaveCertificationSubjectsDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"SaveCertificationSubjects"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"caseId"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"subjects"}},"type":{"kind":"NonNullType","type":{"kind":"ListType","type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"CertificationSubjectInput"}}}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"saveCertificationSubjects"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"ObjectValue","fields":[{"kind":"ObjectField","name":{"kind":"Name","value":"caseId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"caseId"}}},{"kind":"ObjectField","name":{"kind":"Name","value":"subjects"},"value":{"kind":"Variable","name":{"kind":"Name","value":"subjects"}}}]}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"subjects"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"subjectCode"}},{"kind":"Field","name":{"kind":"Name","value":"passed"}},{"kind":"Field","name":{"kind":"Name","value":"explanation"}}]}},{"kind":"Field","name":{"kind":"Name","value":"application"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"version"}}]}}]}}]}}]} as unknown as DocumentNode<SaveCertificationSubjectsMutation, SaveCertificationSubjectsMutationVariables>;
export const DecideCertificationCaseDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"DecideCertificationCase"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"DecideCertificationCaseInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"decideCertificationCase"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"application"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"stepName"}},{"kind":"Field","name":{"kind":"Name","value":"version"}}]}}]}}]}}]} as unknown as DocumentNode<DecideCertificationCaseMutation, DecideCertificationCaseMutationVariables>;
export const CertificationSettingsDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"CertificationSettings"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"provinceCode"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"certificationWindows"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"provinceCode"},"value":{"kind":"Variable","name":{"kind":"Name","value":"provinceCode"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"kind"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"opensAt"}},{"kind":"Field","name":{"kind":"Name","value":"closesAt"}},{"kind":"Field","name":{"kind":"Name","value":"viewableUntil"}},{"kind":"Field","name":{"kind":"Name","value":"open"}}]}},{"kind":"Field","name":{"kind":"Name","value":"certificationSourceRules"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"certifyingProvinceCode"},"value":{"kind":"Variable","name":{"kind":"Name","value":"provinceCode"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"sourceProvinceCode"}},{"kind":"Field","name":{"kind":"Name","value":"grades"}},{"kind":"Field","name":{"kind":"Name","value":"passGrade"}},{"kind":"Field","name":{"kind":"Name","value":"fullScores"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"subjectCode"}},{"kind":"Field","name":{"kind":"Name","value":"fullScore"}}]}},{"kind":"Field","name":{"kind":"Name","value":"artAsMusicAndFineArt"}},{"kind":"Field","name":{"kind":"Name","value":"updatedAt"}}]}}]}}]} as unknown as DocumentNode<CertificationSettingsQuery, CertificationSettingsQueryVariables>;
export const SaveCertificationWindowDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"SaveCertificationWindow"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"SaveCertificationWindowInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"saveCertificationWindow"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}}]}}]} as unknown as DocumentNode<SaveCertificationWindowMutation, SaveCertificationWindowMutationVariables>;
export const SaveCertificationSourceRulesDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"SaveCertificationSourceRules"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"SaveCertificationSourceRulesInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"saveCertificationSourceRules"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"sourceProvinceCode"}}]}}]}}]} as unknown as DocumentNode<SaveCertificationSourceRulesMutation, SaveCertificationSourceRulesMutationVariables>;
export const BureauExamSessionsDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"BureauExamSessions"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"provinceCode"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"examSessions"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"provinceCode"}},{"kind":"Field","name":{"kind":"Name","value":"registrationOpensAt"}},{"kind":"Field","name":{"kind":"Name","value":"registrationClosesAt"}},{"kind":"Field","name":{"kind":"Name","value":"scoresPublishedAt"}},{"kind":"Field","name":{"kind":"Name","value":"registrationOpen"}},{"kind":"Field","name":{"kind":"Name","value":"subjects"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"examSubjects"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"provinceCode"},"value":{"kind":"Variable","name":{"kind":"Name","value":"provinceCode"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"runBy"}}]}}]}}]} as unknown as DocumentNode<BureauExamSessionsQuery, BureauExamSessionsQueryVariables>;
export const BureauCreateExamSessionDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"BureauCreateExamSession"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"CreateExamSessionInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"createExamSession"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}}]}}]} as unknown as DocumentNode<BureauCreateExamSessionMutation, BureauCreateExamSessionMutationVariables>;
export const BureauOrganizationAdminDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"BureauOrganizationAdmin"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"me"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"roles"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"role"}},{"kind":"Field","name":{"kind":"Name","value":"organization"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"kind"}}]}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"organizations"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"kind"}},{"kind":"Field","name":{"kind":"Name","value":"parentId"}}]}}]}}]} as unknown as DocumentNode<BureauOrganizationAdminQuery, BureauOrganizationAdminQueryVariables>;
export const BureauCreateOrganizationDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"BureauCreateOrganization"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"CreateOrganizationInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"createOrganization"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"kind"}}]}}]}}]} as unknown as DocumentNode<BureauCreateOrganizationMutation, BureauCreateOrganizationMutationVariables>;
export const BureauCreateStaffAccountDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"BureauCreateStaffAccount"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"CreateStaffAccountInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"createStaffAccount"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"username"}},{"kind":"Field","name":{"kind":"Name","value":"displayName"}}]}}]}}]} as unknown as DocumentNode<BureauCreateStaffAccountMutation, BureauCreateStaffAccountMutationVariables>;
export const BureauPreRegistrationQueueDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"BureauPreRegistrationQueue"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"first"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"after"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"filter"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"PreRegistrationQueueFilter"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"preRegistrationQueue"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"Variable","name":{"kind":"Name","value":"first"}}},{"kind":"Argument","name":{"kind":"Name","value":"after"},"value":{"kind":"Variable","name":{"kind":"Name","value":"after"}}},{"kind":"Argument","name":{"kind":"Name","value":"filter"},"value":{"kind":"Variable","name":{"kind":"Name","value":"filter"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"items"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"candidateKind"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"idNumber"}},{"kind":"Field","name":{"kind":"Name","value":"gender"}},{"kind":"Field","name":{"kind":"Name","value":"birthDate"}},{"kind":"Field","name":{"kind":"Name","value":"ethnicityCode"}},{"kind":"Field","name":{"kind":"Name","value":"studentNumber"}},{"kind":"Field","name":{"kind":"Name","value":"householdLocation"}},{"kind":"Field","name":{"kind":"Name","value":"mobile"}},{"kind":"Field","name":{"kind":"Name","value":"stepKey"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"submittedAt"}},{"kind":"Field","name":{"kind":"Name","value":"schoolClass"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"name"}}]}},{"kind":"Field","name":{"kind":"Name","value":"school"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"name"}}]}},{"kind":"Field","name":{"kind":"Name","value":"application"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"version"}},{"kind":"Field","name":{"kind":"Name","value":"round"}},{"kind":"Field","name":{"kind":"Name","value":"stepName"}},{"kind":"Field","name":{"kind":"Name","value":"canDecide"}},{"kind":"Field","name":{"kind":"Name","value":"allowedDecisions"}},{"kind":"Field","name":{"kind":"Name","value":"lastReason"}},{"kind":"Field","name":{"kind":"Name","value":"history"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"round"}},{"kind":"Field","name":{"kind":"Name","value":"action"}},{"kind":"Field","name":{"kind":"Name","value":"stepName"}},{"kind":"Field","name":{"kind":"Name","value":"reason"}},{"kind":"Field","name":{"kind":"Name","value":"occurredAt"}},{"kind":"Field","name":{"kind":"Name","value":"actorRole"}}]}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"nextCursor"}}]}}]}}]} as unknown as DocumentNode<BureauPreRegistrationQueueQuery, BureauPreRegistrationQueueQueryVariables>;
export const BureauReviewPreRegistrationDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"BureauReviewPreRegistration"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ReviewPreRegistrationInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"reviewPreRegistration"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"status"}}]}}]}}]} as unknown as DocumentNode<BureauReviewPreRegistrationMutation, BureauReviewPreRegistrationMutationVariables>;
export const RevealPreRegistrationIdNumberDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"RevealPreRegistrationIdNumber"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"preRegistrationId"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"revealPreRegistrationIdNumber"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"preRegistrationId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"preRegistrationId"}}}]}]}}]} as unknown as DocumentNode<RevealPreRegistrationIdNumberMutation, RevealPreRegistrationIdNumberMutationVariables>;
export const RequestRegistrationPhotoUploadDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"RequestRegistrationPhotoUpload"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"preRegistrationId"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"fileName"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"requestRegistrationPhotoUpload"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"preRegistrationId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"preRegistrationId"}}},{"kind":"Argument","name":{"kind":"Name","value":"fileName"},"value":{"kind":"Variable","name":{"kind":"Name","value":"fileName"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"fileId"}},{"kind":"Field","name":{"kind":"Name","value":"uploadUrl"}},{"kind":"Field","name":{"kind":"Name","value":"maxBytes"}},{"kind":"Field","name":{"kind":"Name","value":"allowedTypes"}}]}}]}}]} as unknown as DocumentNode<RequestRegistrationPhotoUploadMutation, RequestRegistrationPhotoUploadMutationVariables>;
export const CollectPreRegistrationDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"CollectPreRegistration"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"CollectPreRegistrationInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"collectPreRegistration"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"recordNumber"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}}]}}]} as unknown as DocumentNode<CollectPreRegistrationMutation, CollectPreRegistrationMutationVariables>;
export const BureauMyRolesDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"BureauMyRoles"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"me"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"roles"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"role"}}]}}]}}]}}]} as unknown as DocumentNode<BureauMyRolesQuery, BureauMyRolesQueryVariables>;
export const BureauResultsImportSessionsDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"BureauResultsImportSessions"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"examSessions"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"registrationClosesAt"}},{"kind":"Field","name":{"kind":"Name","value":"scoresPublishedAt"}},{"kind":"Field","name":{"kind":"Name","value":"scoresPublished"}}]}}]}}]} as unknown as DocumentNode<BureauResultsImportSessionsQuery, BureauResultsImportSessionsQueryVariables>;
export const BureauResultImportTemplateDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"BureauResultImportTemplate"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"resultImportTemplate"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"fileName"}},{"kind":"Field","name":{"kind":"Name","value":"contentBase64"}}]}}]}}]} as unknown as DocumentNode<BureauResultImportTemplateQuery, BureauResultImportTemplateQueryVariables>;
export const BureauOpenResultImportDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"BureauOpenResultImport"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"sessionId"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"fileName"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"openResultImport"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"sessionId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"sessionId"}}},{"kind":"Argument","name":{"kind":"Name","value":"fileName"},"value":{"kind":"Variable","name":{"kind":"Name","value":"fileName"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"import"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}}]}},{"kind":"Field","name":{"kind":"Name","value":"upload"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"uploadUrl"}}]}}]}}]}}]} as unknown as DocumentNode<BureauOpenResultImportMutation, BureauOpenResultImportMutationVariables>;
export const BureauCheckResultImportDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"BureauCheckResultImport"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"checkResultImport"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"status"}}]}}]}}]} as unknown as DocumentNode<BureauCheckResultImportMutation, BureauCheckResultImportMutationVariables>;
export const BureauCommitResultImportDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"BureauCommitResultImport"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"commitResultImport"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"status"}}]}}]}}]} as unknown as DocumentNode<BureauCommitResultImportMutation, BureauCommitResultImportMutationVariables>;
export const BureauResultImportDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"BureauResultImport"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"resultImport"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"fileName"}},{"kind":"Field","name":{"kind":"Name","value":"totalRows"}},{"kind":"Field","name":{"kind":"Name","value":"processedRows"}},{"kind":"Field","name":{"kind":"Name","value":"problemCount"}},{"kind":"Field","name":{"kind":"Name","value":"updatedCount"}},{"kind":"Field","name":{"kind":"Name","value":"failureMessage"}},{"kind":"Field","name":{"kind":"Name","value":"problems"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"row"}},{"kind":"Field","name":{"kind":"Name","value":"column"}},{"kind":"Field","name":{"kind":"Name","value":"message"}}]}}]}}]}}]} as unknown as DocumentNode<BureauResultImportQuery, BureauResultImportQueryVariables>;
export const BureauSmsDeliveriesDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"BureauSmsDeliveries"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"filter"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"SmsDeliveryFilter"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"limit"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"offset"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"smsDeliveries"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"filter"},"value":{"kind":"Variable","name":{"kind":"Name","value":"filter"}}},{"kind":"Argument","name":{"kind":"Name","value":"limit"},"value":{"kind":"Variable","name":{"kind":"Name","value":"limit"}}},{"kind":"Argument","name":{"kind":"Name","value":"offset"},"value":{"kind":"Variable","name":{"kind":"Name","value":"offset"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"total"}},{"kind":"Field","name":{"kind":"Name","value":"items"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"mobile"}},{"kind":"Field","name":{"kind":"Name","value":"text"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"canRetry"}},{"kind":"Field","name":{"kind":"Name","value":"attempts"}},{"kind":"Field","name":{"kind":"Name","value":"nextAttemptAt"}},{"kind":"Field","name":{"kind":"Name","value":"lastError"}},{"kind":"Field","name":{"kind":"Name","value":"template"}},{"kind":"Field","name":{"kind":"Name","value":"templateDescription"}},{"kind":"Field","name":{"kind":"Name","value":"createdAt"}},{"kind":"Field","name":{"kind":"Name","value":"sentAt"}},{"kind":"Field","name":{"kind":"Name","value":"recipient"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"displayName"}}]}}]}}]}}]}}]} as unknown as DocumentNode<BureauSmsDeliveriesQuery, BureauSmsDeliveriesQueryVariables>;
export const BureauRetrySmsDeliveryDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"BureauRetrySmsDelivery"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"retrySmsDelivery"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"canRetry"}},{"kind":"Field","name":{"kind":"Name","value":"attempts"}},{"kind":"Field","name":{"kind":"Name","value":"nextAttemptAt"}},{"kind":"Field","name":{"kind":"Name","value":"lastError"}},{"kind":"Field","name":{"kind":"Name","value":"sentAt"}}]}}]}}]} as unknown as DocumentNode<BureauRetrySmsDeliveryMutation, BureauRetrySmsDeliveryMutationVariables>;
export const WorkflowDefinitionsDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"WorkflowDefinitions"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"provinceCode"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"registryWorkflowDefinitions"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"provinceCode"},"value":{"kind":"Variable","name":{"kind":"Name","value":"provinceCode"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"WorkflowDefinitionFields"}}]}},{"kind":"Field","name":{"kind":"Name","value":"certificationWorkflowDefinitions"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"provinceCode"},"value":{"kind":"Variable","name":{"kind":"Name","value":"provinceCode"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"WorkflowDefinitionFields"}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"WorkflowDefinitionFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"WorkflowDefinition"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"kind"}},{"kind":"Field","name":{"kind":"Name","value":"kindName"}},{"kind":"Field","name":{"kind":"Name","value":"version"}},{"kind":"Field","name":{"kind":"Name","value":"createdAt"}},{"kind":"Field","name":{"kind":"Name","value":"steps"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"key"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"actorRole"}},{"kind":"Field","name":{"kind":"Name","value":"level"}},{"kind":"Field","name":{"kind":"Name","value":"decisions"}},{"kind":"Field","name":{"kind":"Name","value":"slaHours"}},{"kind":"Field","name":{"kind":"Name","value":"warnAtHours"}}]}}]}}]} as unknown as DocumentNode<WorkflowDefinitionsQuery, WorkflowDefinitionsQueryVariables>;
export const UpdateRegistryWorkflowDefinitionDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"UpdateRegistryWorkflowDefinition"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"UpdateWorkflowDefinitionInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"updateRegistryWorkflowDefinition"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"version"}}]}}]}}]} as unknown as DocumentNode<UpdateRegistryWorkflowDefinitionMutation, UpdateRegistryWorkflowDefinitionMutationVariables>;
export const UpdateCertificationWorkflowDefinitionDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"UpdateCertificationWorkflowDefinition"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"UpdateWorkflowDefinitionInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"updateCertificationWorkflowDefinition"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"version"}}]}}]}}]} as unknown as DocumentNode<UpdateCertificationWorkflowDefinitionMutation, UpdateCertificationWorkflowDefinitionMutationVariables>;
export const InstituteProvinceDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"InstituteProvince"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"me"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"roles"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"role"}},{"kind":"Field","name":{"kind":"Name","value":"organization"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"kind"}}]}}]}}]}}]}}]} as unknown as DocumentNode<InstituteProvinceQuery, InstituteProvinceQueryVariables>;
export const CandidateCertificationDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"CandidateCertification"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"originProvinceCode"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"certificationEligibility"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"originProvinceCode"},"value":{"kind":"Variable","name":{"kind":"Name","value":"originProvinceCode"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"eligible"}},{"kind":"Field","name":{"kind":"Name","value":"kind"}},{"kind":"Field","name":{"kind":"Name","value":"reasonCode"}},{"kind":"Field","name":{"kind":"Name","value":"reason"}},{"kind":"Field","name":{"kind":"Name","value":"window"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"opensAt"}},{"kind":"Field","name":{"kind":"Name","value":"closesAt"}},{"kind":"Field","name":{"kind":"Name","value":"viewableUntil"}},{"kind":"Field","name":{"kind":"Name","value":"open"}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"myCertificationCases"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"kind"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"originProvinceCode"}},{"kind":"Field","name":{"kind":"Name","value":"certifyingProvinceCode"}},{"kind":"Field","name":{"kind":"Name","value":"createdAt"}},{"kind":"Field","name":{"kind":"Name","value":"submittedAt"}},{"kind":"Field","name":{"kind":"Name","value":"closedAt"}},{"kind":"Field","name":{"kind":"Name","value":"resultViewableUntil"}},{"kind":"Field","name":{"kind":"Name","value":"requiredEvidence"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"slot"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"maxBytes"}},{"kind":"Field","name":{"kind":"Name","value":"allowedTypes"}},{"kind":"Field","name":{"kind":"Name","value":"file"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"fileName"}},{"kind":"Field","name":{"kind":"Name","value":"uploadedAt"}},{"kind":"Field","name":{"kind":"Name","value":"mimeType"}},{"kind":"Field","name":{"kind":"Name","value":"downloadUrl"}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"subjects"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"subjectCode"}},{"kind":"Field","name":{"kind":"Name","value":"subjectName"}},{"kind":"Field","name":{"kind":"Name","value":"grade"}},{"kind":"Field","name":{"kind":"Name","value":"score"}},{"kind":"Field","name":{"kind":"Name","value":"fullScore"}},{"kind":"Field","name":{"kind":"Name","value":"passed"}},{"kind":"Field","name":{"kind":"Name","value":"explanation"}},{"kind":"Field","name":{"kind":"Name","value":"parts"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"subjectCode"}},{"kind":"Field","name":{"kind":"Name","value":"subjectName"}},{"kind":"Field","name":{"kind":"Name","value":"grade"}},{"kind":"Field","name":{"kind":"Name","value":"score"}},{"kind":"Field","name":{"kind":"Name","value":"fullScore"}},{"kind":"Field","name":{"kind":"Name","value":"passed"}},{"kind":"Field","name":{"kind":"Name","value":"explanation"}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"certificate"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"issuedAt"}},{"kind":"Field","name":{"kind":"Name","value":"revokedAt"}},{"kind":"Field","name":{"kind":"Name","value":"downloadUrl"}}]}},{"kind":"Field","name":{"kind":"Name","value":"application"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"kindName"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"stepName"}},{"kind":"Field","name":{"kind":"Name","value":"round"}},{"kind":"Field","name":{"kind":"Name","value":"lastReason"}},{"kind":"Field","name":{"kind":"Name","value":"history"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"round"}},{"kind":"Field","name":{"kind":"Name","value":"action"}},{"kind":"Field","name":{"kind":"Name","value":"stepName"}},{"kind":"Field","name":{"kind":"Name","value":"reason"}},{"kind":"Field","name":{"kind":"Name","value":"occurredAt"}}]}}]}}]}}]}}]} as unknown as DocumentNode<CandidateCertificationQuery, CandidateCertificationQueryVariables>;
export const CandidateStartCertificationCaseDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"CandidateStartCertificationCase"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"originProvinceCode"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"startCertificationCase"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"ObjectValue","fields":[{"kind":"ObjectField","name":{"kind":"Name","value":"originProvinceCode"},"value":{"kind":"Variable","name":{"kind":"Name","value":"originProvinceCode"}}}]}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"status"}}]}}]}}]} as unknown as DocumentNode<CandidateStartCertificationCaseMutation, CandidateStartCertificationCaseMutationVariables>;
export const CandidateRequestCertificationEvidenceUploadDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"CandidateRequestCertificationEvidenceUpload"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"caseId"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"slot"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"CertificationEvidenceSlot"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"fileName"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"requestCertificationEvidenceUpload"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"caseId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"caseId"}}},{"kind":"Argument","name":{"kind":"Name","value":"slot"},"value":{"kind":"Variable","name":{"kind":"Name","value":"slot"}}},{"kind":"Argument","name":{"kind":"Name","value":"fileName"},"value":{"kind":"Variable","name":{"kind":"Name","value":"fileName"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"fileId"}},{"kind":"Field","name":{"kind":"Name","value":"uploadUrl"}},{"kind":"Field","name":{"kind":"Name","value":"maxBytes"}},{"kind":"Field","name":{"kind":"Name","value":"allowedTypes"}}]}}]}}]} as unknown as DocumentNode<CandidateRequestCertificationEvidenceUploadMutation, CandidateRequestCertificationEvidenceUploadMutationVariables>;
export const CandidateSubmitCertificationCaseDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"CandidateSubmitCertificationCase"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"caseId"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"idempotencyKey"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"submitCertificationCase"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"ObjectValue","fields":[{"kind":"ObjectField","name":{"kind":"Name","value":"caseId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"caseId"}}},{"kind":"ObjectField","name":{"kind":"Name","value":"idempotencyKey"},"value":{"kind":"Variable","name":{"kind":"Name","value":"idempotencyKey"}}}]}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"status"}}]}}]}}]} as unknown as DocumentNode<CandidateSubmitCertificationCaseMutation, CandidateSubmitCertificationCaseMutationVariables>;
export const CandidateExamSessionsDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"CandidateExamSessions"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"examSessions"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"registrationOpensAt"}},{"kind":"Field","name":{"kind":"Name","value":"registrationClosesAt"}}]}}]}}]} as unknown as DocumentNode<CandidateExamSessionsQuery, CandidateExamSessionsQueryVariables>;
export const MyPreRegistrationDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"MyPreRegistration"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"myPreRegistration"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"MyPreRegistrationFields"}}]}},{"kind":"Field","name":{"kind":"Name","value":"me"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"displayName"}},{"kind":"Field","name":{"kind":"Name","value":"roles"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"role"}},{"kind":"Field","name":{"kind":"Name","value":"organization"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"kind"}},{"kind":"Field","name":{"kind":"Name","value":"parentId"}}]}}]}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"MyPreRegistrationFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"PreRegistration"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"hasIdNumber"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"version"}},{"kind":"Field","name":{"kind":"Name","value":"candidateKind"}},{"kind":"Field","name":{"kind":"Name","value":"studentNumber"}},{"kind":"Field","name":{"kind":"Name","value":"recordNumber"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"gender"}},{"kind":"Field","name":{"kind":"Name","value":"ethnicityCode"}},{"kind":"Field","name":{"kind":"Name","value":"politicalStatus"}},{"kind":"Field","name":{"kind":"Name","value":"studentCategory"}},{"kind":"Field","name":{"kind":"Name","value":"householdLocation"}},{"kind":"Field","name":{"kind":"Name","value":"householdAuthority"}},{"kind":"Field","name":{"kind":"Name","value":"idNumber"}},{"kind":"Field","name":{"kind":"Name","value":"birthDate"}},{"kind":"Field","name":{"kind":"Name","value":"mobile"}},{"kind":"Field","name":{"kind":"Name","value":"address"}},{"kind":"Field","name":{"kind":"Name","value":"postcode"}},{"kind":"Field","name":{"kind":"Name","value":"foreignLanguage"}},{"kind":"Field","name":{"kind":"Name","value":"enrollmentYear"}},{"kind":"Field","name":{"kind":"Name","value":"submittedAt"}},{"kind":"Field","name":{"kind":"Name","value":"registeredAt"}},{"kind":"Field","name":{"kind":"Name","value":"resume"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"from"}},{"kind":"Field","name":{"kind":"Name","value":"to"}},{"kind":"Field","name":{"kind":"Name","value":"organization"}},{"kind":"Field","name":{"kind":"Name","value":"role"}}]}},{"kind":"Field","name":{"kind":"Name","value":"familyMembers"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"relation"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"organization"}},{"kind":"Field","name":{"kind":"Name","value":"mobile"}}]}},{"kind":"Field","name":{"kind":"Name","value":"guardian"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"relation"}},{"kind":"Field","name":{"kind":"Name","value":"mobile"}}]}},{"kind":"Field","name":{"kind":"Name","value":"school"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}},{"kind":"Field","name":{"kind":"Name","value":"schoolClass"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"name"}}]}},{"kind":"Field","name":{"kind":"Name","value":"application"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"stepKey"}},{"kind":"Field","name":{"kind":"Name","value":"stepName"}},{"kind":"Field","name":{"kind":"Name","value":"round"}},{"kind":"Field","name":{"kind":"Name","value":"lastReason"}},{"kind":"Field","name":{"kind":"Name","value":"history"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"round"}},{"kind":"Field","name":{"kind":"Name","value":"action"}},{"kind":"Field","name":{"kind":"Name","value":"stepName"}},{"kind":"Field","name":{"kind":"Name","value":"reason"}},{"kind":"Field","name":{"kind":"Name","value":"occurredAt"}},{"kind":"Field","name":{"kind":"Name","value":"resultStatus"}},{"kind":"Field","name":{"kind":"Name","value":"actorRole"}}]}}]}}]}}]} as unknown as DocumentNode<MyPreRegistrationQuery, MyPreRegistrationQueryVariables>;
export const CandidateProvinceSchoolsDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"CandidateProvinceSchools"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"search"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"first"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"registrySchools"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"search"},"value":{"kind":"Variable","name":{"kind":"Name","value":"search"}}},{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"Variable","name":{"kind":"Name","value":"first"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"items"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}}]}}]}}]} as unknown as DocumentNode<CandidateProvinceSchoolsQuery, CandidateProvinceSchoolsQueryVariables>;
export const SavePreRegistrationDraftDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"SavePreRegistrationDraft"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"SavePreRegistrationInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"savePreRegistrationDraft"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"MyPreRegistrationFields"}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"MyPreRegistrationFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"PreRegistration"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"hasIdNumber"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"version"}},{"kind":"Field","name":{"kind":"Name","value":"candidateKind"}},{"kind":"Field","name":{"kind":"Name","value":"studentNumber"}},{"kind":"Field","name":{"kind":"Name","value":"recordNumber"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"gender"}},{"kind":"Field","name":{"kind":"Name","value":"ethnicityCode"}},{"kind":"Field","name":{"kind":"Name","value":"politicalStatus"}},{"kind":"Field","name":{"kind":"Name","value":"studentCategory"}},{"kind":"Field","name":{"kind":"Name","value":"householdLocation"}},{"kind":"Field","name":{"kind":"Name","value":"householdAuthority"}},{"kind":"Field","name":{"kind":"Name","value":"idNumber"}},{"kind":"Field","name":{"kind":"Name","value":"birthDate"}},{"kind":"Field","name":{"kind":"Name","value":"mobile"}},{"kind":"Field","name":{"kind":"Name","value":"address"}},{"kind":"Field","name":{"kind":"Name","value":"postcode"}},{"kind":"Field","name":{"kind":"Name","value":"foreignLanguage"}},{"kind":"Field","name":{"kind":"Name","value":"enrollmentYear"}},{"kind":"Field","name":{"kind":"Name","value":"submittedAt"}},{"kind":"Field","name":{"kind":"Name","value":"registeredAt"}},{"kind":"Field","name":{"kind":"Name","value":"resume"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"from"}},{"kind":"Field","name":{"kind":"Name","value":"to"}},{"kind":"Field","name":{"kind":"Name","value":"organization"}},{"kind":"Field","name":{"kind":"Name","value":"role"}}]}},{"kind":"Field","name":{"kind":"Name","value":"familyMembers"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"relation"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"organization"}},{"kind":"Field","name":{"kind":"Name","value":"mobile"}}]}},{"kind":"Field","name":{"kind":"Name","value":"guardian"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"relation"}},{"kind":"Field","name":{"kind":"Name","value":"mobile"}}]}},{"kind":"Field","name":{"kind":"Name","value":"school"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}},{"kind":"Field","name":{"kind":"Name","value":"schoolClass"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"name"}}]}},{"kind":"Field","name":{"kind":"Name","value":"application"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"stepKey"}},{"kind":"Field","name":{"kind":"Name","value":"stepName"}},{"kind":"Field","name":{"kind":"Name","value":"round"}},{"kind":"Field","name":{"kind":"Name","value":"lastReason"}},{"kind":"Field","name":{"kind":"Name","value":"history"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"round"}},{"kind":"Field","name":{"kind":"Name","value":"action"}},{"kind":"Field","name":{"kind":"Name","value":"stepName"}},{"kind":"Field","name":{"kind":"Name","value":"reason"}},{"kind":"Field","name":{"kind":"Name","value":"occurredAt"}},{"kind":"Field","name":{"kind":"Name","value":"resultStatus"}},{"kind":"Field","name":{"kind":"Name","value":"actorRole"}}]}}]}}]}}]} as unknown as DocumentNode<SavePreRegistrationDraftMutation, SavePreRegistrationDraftMutationVariables>;
export const SubmitPreRegistrationDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"SubmitPreRegistration"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"SubmitPreRegistrationInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"submitPreRegistration"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"MyPreRegistrationFields"}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"MyPreRegistrationFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"PreRegistration"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"hasIdNumber"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"version"}},{"kind":"Field","name":{"kind":"Name","value":"candidateKind"}},{"kind":"Field","name":{"kind":"Name","value":"studentNumber"}},{"kind":"Field","name":{"kind":"Name","value":"recordNumber"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"gender"}},{"kind":"Field","name":{"kind":"Name","value":"ethnicityCode"}},{"kind":"Field","name":{"kind":"Name","value":"politicalStatus"}},{"kind":"Field","name":{"kind":"Name","value":"studentCategory"}},{"kind":"Field","name":{"kind":"Name","value":"householdLocation"}},{"kind":"Field","name":{"kind":"Name","value":"householdAuthority"}},{"kind":"Field","name":{"kind":"Name","value":"idNumber"}},{"kind":"Field","name":{"kind":"Name","value":"birthDate"}},{"kind":"Field","name":{"kind":"Name","value":"mobile"}},{"kind":"Field","name":{"kind":"Name","value":"address"}},{"kind":"Field","name":{"kind":"Name","value":"postcode"}},{"kind":"Field","name":{"kind":"Name","value":"foreignLanguage"}},{"kind":"Field","name":{"kind":"Name","value":"enrollmentYear"}},{"kind":"Field","name":{"kind":"Name","value":"submittedAt"}},{"kind":"Field","name":{"kind":"Name","value":"registeredAt"}},{"kind":"Field","name":{"kind":"Name","value":"resume"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"from"}},{"kind":"Field","name":{"kind":"Name","value":"to"}},{"kind":"Field","name":{"kind":"Name","value":"organization"}},{"kind":"Field","name":{"kind":"Name","value":"role"}}]}},{"kind":"Field","name":{"kind":"Name","value":"familyMembers"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"relation"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"organization"}},{"kind":"Field","name":{"kind":"Name","value":"mobile"}}]}},{"kind":"Field","name":{"kind":"Name","value":"guardian"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"relation"}},{"kind":"Field","name":{"kind":"Name","value":"mobile"}}]}},{"kind":"Field","name":{"kind":"Name","value":"school"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}},{"kind":"Field","name":{"kind":"Name","value":"schoolClass"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"name"}}]}},{"kind":"Field","name":{"kind":"Name","value":"application"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"stepKey"}},{"kind":"Field","name":{"kind":"Name","value":"stepName"}},{"kind":"Field","name":{"kind":"Name","value":"round"}},{"kind":"Field","name":{"kind":"Name","value":"lastReason"}},{"kind":"Field","name":{"kind":"Name","value":"history"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"round"}},{"kind":"Field","name":{"kind":"Name","value":"action"}},{"kind":"Field","name":{"kind":"Name","value":"stepName"}},{"kind":"Field","name":{"kind":"Name","value":"reason"}},{"kind":"Field","name":{"kind":"Name","value":"occurredAt"}},{"kind":"Field","name":{"kind":"Name","value":"resultStatus"}},{"kind":"Field","name":{"kind":"Name","value":"actorRole"}}]}}]}}]}}]} as unknown as DocumentNode<SubmitPreRegistrationMutation, SubmitPreRegistrationMutationVariables>;
export const CandidatePreRegistrationSummaryDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"CandidatePreRegistrationSummary"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"myPreRegistration"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"recordNumber"}}]}}]}}]} as unknown as DocumentNode<CandidatePreRegistrationSummaryQuery, CandidatePreRegistrationSummaryQueryVariables>;
export const CandidateSubjectRegistrationDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"CandidateSubjectRegistration"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"examSessions"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"registrationClosesAt"}},{"kind":"Field","name":{"kind":"Name","value":"registrationOpen"}},{"kind":"Field","name":{"kind":"Name","value":"subjects"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"subjectEntries"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"IntValue","value":"100"}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"items"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"sessionId"}},{"kind":"Field","name":{"kind":"Name","value":"subjectCode"}},{"kind":"Field","name":{"kind":"Name","value":"result"}}]}}]}}]}}]} as unknown as DocumentNode<CandidateSubjectRegistrationQuery, CandidateSubjectRegistrationQueryVariables>;
export const CandidateEnterSubjectsDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"CandidateEnterSubjects"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"EnterSubjectsInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"enterSubjects"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"subjectCode"}}]}}]}}]} as unknown as DocumentNode<CandidateEnterSubjectsMutation, CandidateEnterSubjectsMutationVariables>;
export const CandidateWithdrawSubjectEntryDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"CandidateWithdrawSubjectEntry"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"WithdrawSubjectEntryInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"withdrawSubjectEntry"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"subjectCode"}}]}}]}}]} as unknown as DocumentNode<CandidateWithdrawSubjectEntryMutation, CandidateWithdrawSubjectEntryMutationVariables>;
export const CandidateResultsDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"CandidateResults"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"subjectEntries"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"IntValue","value":"100"}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"items"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"subjectCode"}},{"kind":"Field","name":{"kind":"Name","value":"result"}},{"kind":"Field","name":{"kind":"Name","value":"score"}},{"kind":"Field","name":{"kind":"Name","value":"resultPublished"}},{"kind":"Field","name":{"kind":"Name","value":"subject"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"name"}}]}},{"kind":"Field","name":{"kind":"Name","value":"session"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"scoresPublishedAt"}}]}}]}}]}}]}}]} as unknown as DocumentNode<CandidateResultsQuery, CandidateResultsQueryVariables>;
export const SchoolCertificationCasesDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"SchoolCertificationCases"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"first"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"after"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"schoolCertificationCases"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"Variable","name":{"kind":"Name","value":"first"}}},{"kind":"Argument","name":{"kind":"Name","value":"after"},"value":{"kind":"Variable","name":{"kind":"Name","value":"after"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"items"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"originProvinceCode"}},{"kind":"Field","name":{"kind":"Name","value":"createdAt"}},{"kind":"Field","name":{"kind":"Name","value":"submittedAt"}},{"kind":"Field","name":{"kind":"Name","value":"candidate"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"displayName"}}]}},{"kind":"Field","name":{"kind":"Name","value":"requiredEvidence"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"slot"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"maxBytes"}},{"kind":"Field","name":{"kind":"Name","value":"allowedTypes"}},{"kind":"Field","name":{"kind":"Name","value":"file"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"fileName"}},{"kind":"Field","name":{"kind":"Name","value":"uploadedAt"}},{"kind":"Field","name":{"kind":"Name","value":"mimeType"}},{"kind":"Field","name":{"kind":"Name","value":"downloadUrl"}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"application"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"stepName"}},{"kind":"Field","name":{"kind":"Name","value":"lastReason"}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"nextCursor"}}]}}]}}]} as unknown as DocumentNode<SchoolCertificationCasesQuery, SchoolCertificationCasesQueryVariables>;
export const SchoolCertificationStudentsDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"SchoolCertificationStudents"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"first"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"after"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"examRecordPage"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"Variable","name":{"kind":"Name","value":"first"}}},{"kind":"Argument","name":{"kind":"Name","value":"after"},"value":{"kind":"Variable","name":{"kind":"Name","value":"after"}}},{"kind":"Argument","name":{"kind":"Name","value":"filter"},"value":{"kind":"ObjectValue","fields":[{"kind":"ObjectField","name":{"kind":"Name","value":"status"},"value":{"kind":"EnumValue","value":"REGISTERED"}}]}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"items"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"recordNumber"}},{"kind":"Field","name":{"kind":"Name","value":"candidate"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"displayName"}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"nextCursor"}}]}}]}}]} as unknown as DocumentNode<SchoolCertificationStudentsQuery, SchoolCertificationStudentsQueryVariables>;
export const SchoolStartCertificationCaseDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"SchoolStartCertificationCase"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"candidateId"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"originProvinceCode"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"startSchoolCertificationCase"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"ObjectValue","fields":[{"kind":"ObjectField","name":{"kind":"Name","value":"candidateId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"candidateId"}}},{"kind":"ObjectField","name":{"kind":"Name","value":"originProvinceCode"},"value":{"kind":"Variable","name":{"kind":"Name","value":"originProvinceCode"}}}]}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"status"}}]}}]}}]} as unknown as DocumentNode<SchoolStartCertificationCaseMutation, SchoolStartCertificationCaseMutationVariables>;
export const SchoolRequestCertificationEvidenceUploadDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"SchoolRequestCertificationEvidenceUpload"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"caseId"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"slot"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"CertificationEvidenceSlot"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"fileName"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"requestCertificationEvidenceUpload"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"caseId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"caseId"}}},{"kind":"Argument","name":{"kind":"Name","value":"slot"},"value":{"kind":"Variable","name":{"kind":"Name","value":"slot"}}},{"kind":"Argument","name":{"kind":"Name","value":"fileName"},"value":{"kind":"Variable","name":{"kind":"Name","value":"fileName"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"fileId"}},{"kind":"Field","name":{"kind":"Name","value":"uploadUrl"}},{"kind":"Field","name":{"kind":"Name","value":"maxBytes"}},{"kind":"Field","name":{"kind":"Name","value":"allowedTypes"}}]}}]}}]} as unknown as DocumentNode<SchoolRequestCertificationEvidenceUploadMutation, SchoolRequestCertificationEvidenceUploadMutationVariables>;
export const SchoolSubmitCertificationCaseDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"SchoolSubmitCertificationCase"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"caseId"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"idempotencyKey"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"submitCertificationCase"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"ObjectValue","fields":[{"kind":"ObjectField","name":{"kind":"Name","value":"caseId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"caseId"}}},{"kind":"ObjectField","name":{"kind":"Name","value":"idempotencyKey"},"value":{"kind":"Variable","name":{"kind":"Name","value":"idempotencyKey"}}}]}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"status"}}]}}]}}]} as unknown as DocumentNode<SchoolSubmitCertificationCaseMutation, SchoolSubmitCertificationCaseMutationVariables>;
export const SchoolExamRecordsDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"SchoolExamRecords"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"first"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"after"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"examRecordPage"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"Variable","name":{"kind":"Name","value":"first"}}},{"kind":"Argument","name":{"kind":"Name","value":"after"},"value":{"kind":"Variable","name":{"kind":"Name","value":"after"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"items"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"recordNumber"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"candidate"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"displayName"}}]}},{"kind":"Field","name":{"kind":"Name","value":"school"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"name"}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"nextCursor"}}]}}]}}]} as unknown as DocumentNode<SchoolExamRecordsQuery, SchoolExamRecordsQueryVariables>;
export const SchoolPreRegistrationQueueDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"SchoolPreRegistrationQueue"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"first"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"after"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"filter"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"PreRegistrationQueueFilter"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"preRegistrationQueue"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"Variable","name":{"kind":"Name","value":"first"}}},{"kind":"Argument","name":{"kind":"Name","value":"after"},"value":{"kind":"Variable","name":{"kind":"Name","value":"after"}}},{"kind":"Argument","name":{"kind":"Name","value":"filter"},"value":{"kind":"Variable","name":{"kind":"Name","value":"filter"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"items"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"idNumber"}},{"kind":"Field","name":{"kind":"Name","value":"studentNumber"}},{"kind":"Field","name":{"kind":"Name","value":"gender"}},{"kind":"Field","name":{"kind":"Name","value":"birthDate"}},{"kind":"Field","name":{"kind":"Name","value":"stepKey"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"submittedAt"}},{"kind":"Field","name":{"kind":"Name","value":"schoolClass"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}},{"kind":"Field","name":{"kind":"Name","value":"school"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"name"}}]}},{"kind":"Field","name":{"kind":"Name","value":"application"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"version"}},{"kind":"Field","name":{"kind":"Name","value":"round"}},{"kind":"Field","name":{"kind":"Name","value":"stepName"}},{"kind":"Field","name":{"kind":"Name","value":"canDecide"}},{"kind":"Field","name":{"kind":"Name","value":"allowedDecisions"}},{"kind":"Field","name":{"kind":"Name","value":"lastReason"}},{"kind":"Field","name":{"kind":"Name","value":"history"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"round"}},{"kind":"Field","name":{"kind":"Name","value":"action"}},{"kind":"Field","name":{"kind":"Name","value":"stepName"}},{"kind":"Field","name":{"kind":"Name","value":"reason"}},{"kind":"Field","name":{"kind":"Name","value":"occurredAt"}},{"kind":"Field","name":{"kind":"Name","value":"actorRole"}}]}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"nextCursor"}}]}},{"kind":"Field","name":{"kind":"Name","value":"me"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"roles"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"role"}},{"kind":"Field","name":{"kind":"Name","value":"organization"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"kind"}}]}}]}}]}}]}}]} as unknown as DocumentNode<SchoolPreRegistrationQueueQuery, SchoolPreRegistrationQueueQueryVariables>;
export const SchoolReviewPreRegistrationDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"SchoolReviewPreRegistration"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ReviewPreRegistrationInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"reviewPreRegistration"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"status"}}]}}]}}]} as unknown as DocumentNode<SchoolReviewPreRegistrationMutation, SchoolReviewPreRegistrationMutationVariables>;
export const SchoolApprovePreRegistrationsDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"SchoolApprovePreRegistrations"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"BulkApprovePreRegistrationsInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"approvePreRegistrations"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"preRegistrationId"}},{"kind":"Field","name":{"kind":"Name","value":"ok"}},{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"message"}}]}}]}}]} as unknown as DocumentNode<SchoolApprovePreRegistrationsMutation, SchoolApprovePreRegistrationsMutationVariables>;
export const SchoolRosterScopeDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"SchoolRosterScope"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"me"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"roles"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"role"}},{"kind":"Field","name":{"kind":"Name","value":"organization"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"kind"}},{"kind":"Field","name":{"kind":"Name","value":"parentId"}}]}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"organizations"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"kind"},"value":{"kind":"EnumValue","value":"CLASS"}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"parentId"}}]}}]}}]} as unknown as DocumentNode<SchoolRosterScopeQuery, SchoolRosterScopeQueryVariables>;
export const SchoolRosterEntriesDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"SchoolRosterEntries"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"schoolId"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"classId"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"first"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"after"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"rosterEntries"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"schoolId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"schoolId"}}},{"kind":"Argument","name":{"kind":"Name","value":"classId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"classId"}}},{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"Variable","name":{"kind":"Name","value":"first"}}},{"kind":"Argument","name":{"kind":"Name","value":"after"},"value":{"kind":"Variable","name":{"kind":"Name","value":"after"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"items"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"maskedStudentNumber"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"maskedIdNumber"}},{"kind":"Field","name":{"kind":"Name","value":"className"}}]}},{"kind":"Field","name":{"kind":"Name","value":"nextCursor"}}]}}]}}]} as unknown as DocumentNode<SchoolRosterEntriesQuery, SchoolRosterEntriesQueryVariables>;
export const SchoolRosterImportTemplateDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"SchoolRosterImportTemplate"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"rosterImportTemplate"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"fileName"}},{"kind":"Field","name":{"kind":"Name","value":"contentType"}},{"kind":"Field","name":{"kind":"Name","value":"contentBase64"}}]}}]}}]} as unknown as DocumentNode<SchoolRosterImportTemplateQuery, SchoolRosterImportTemplateQueryVariables>;
export const SchoolStartRosterImportDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"SchoolStartRosterImport"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"schoolId"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"fileName"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"startRosterImport"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"schoolId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"schoolId"}}},{"kind":"Argument","name":{"kind":"Name","value":"fileName"},"value":{"kind":"Variable","name":{"kind":"Name","value":"fileName"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"import"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"status"}}]}},{"kind":"Field","name":{"kind":"Name","value":"upload"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"uploadUrl"}}]}}]}}]}}]} as unknown as DocumentNode<SchoolStartRosterImportMutation, SchoolStartRosterImportMutationVariables>;
export const SchoolCheckRosterImportDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"SchoolCheckRosterImport"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"importId"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"checkRosterImport"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"importId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"importId"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"status"}}]}}]}}]} as unknown as DocumentNode<SchoolCheckRosterImportMutation, SchoolCheckRosterImportMutationVariables>;
export const SchoolCommitRosterImportDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"SchoolCommitRosterImport"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"importId"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"commitRosterImport"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"importId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"importId"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"status"}}]}}]}}]} as unknown as DocumentNode<SchoolCommitRosterImportMutation, SchoolCommitRosterImportMutationVariables>;
export const SchoolRosterImportDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"SchoolRosterImport"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"rosterImport"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"totalRows"}},{"kind":"Field","name":{"kind":"Name","value":"processedRows"}},{"kind":"Field","name":{"kind":"Name","value":"problemCount"}},{"kind":"Field","name":{"kind":"Name","value":"problems"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"row"}},{"kind":"Field","name":{"kind":"Name","value":"column"}},{"kind":"Field","name":{"kind":"Name","value":"message"}}]}},{"kind":"Field","name":{"kind":"Name","value":"createdCount"}},{"kind":"Field","name":{"kind":"Name","value":"updatedCount"}},{"kind":"Field","name":{"kind":"Name","value":"failureMessage"}}]}}]}}]} as unknown as DocumentNode<SchoolRosterImportQuery, SchoolRosterImportQueryVariables>;
export const SchoolScopeDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"SchoolScope"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"me"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"roles"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"role"}},{"kind":"Field","name":{"kind":"Name","value":"organization"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"kind"}}]}}]}}]}}]}}]} as unknown as DocumentNode<SchoolScopeQuery, SchoolScopeQueryVariables>;
export const SchoolResultSessionsDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"SchoolResultSessions"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"examSessions"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"scoresPublishedAt"}},{"kind":"Field","name":{"kind":"Name","value":"scoresPublished"}}]}}]}}]} as unknown as DocumentNode<SchoolResultSessionsQuery, SchoolResultSessionsQueryVariables>;
export const SchoolSessionResultsDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"SchoolSessionResults"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"sessionId"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"after"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"subjectEntries"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"sessionId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"sessionId"}}},{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"IntValue","value":"100"}},{"kind":"Argument","name":{"kind":"Name","value":"after"},"value":{"kind":"Variable","name":{"kind":"Name","value":"after"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"items"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"recordNumber"}},{"kind":"Field","name":{"kind":"Name","value":"result"}},{"kind":"Field","name":{"kind":"Name","value":"score"}},{"kind":"Field","name":{"kind":"Name","value":"resultPublished"}},{"kind":"Field","name":{"kind":"Name","value":"subject"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"name"}}]}},{"kind":"Field","name":{"kind":"Name","value":"candidate"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"displayName"}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"nextCursor"}}]}}]}}]} as unknown as DocumentNode<SchoolSessionResultsQuery, SchoolSessionResultsQueryVariables>;
export const SchoolStaffOverviewDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"SchoolStaffOverview"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"limit"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"me"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"roles"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"role"}},{"kind":"Field","name":{"kind":"Name","value":"organization"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"kind"}}]}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"organizations"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"kind"},"value":{"kind":"EnumValue","value":"CLASS"}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"parentId"}}]}},{"kind":"Field","name":{"kind":"Name","value":"users"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"limit"},"value":{"kind":"Variable","name":{"kind":"Name","value":"limit"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"username"}},{"kind":"Field","name":{"kind":"Name","value":"displayName"}},{"kind":"Field","name":{"kind":"Name","value":"roles"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"role"}},{"kind":"Field","name":{"kind":"Name","value":"organization"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}}]}}]}}]}}]} as unknown as DocumentNode<SchoolStaffOverviewQuery, SchoolStaffOverviewQueryVariables>;
export const SchoolCreateClassDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"SchoolCreateClass"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"CreateOrganizationInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"createOrganization"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}}]}}]} as unknown as DocumentNode<SchoolCreateClassMutation, SchoolCreateClassMutationVariables>;
export const SchoolCreateStaffAccountDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"SchoolCreateStaffAccount"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"CreateStaffAccountInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"createStaffAccount"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"username"}},{"kind":"Field","name":{"kind":"Name","value":"displayName"}}]}}]}}]} as unknown as DocumentNode<SchoolCreateStaffAccountMutation, SchoolCreateStaffAccountMutationVariables>;
export const SchoolBindRoleDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"SchoolBindRole"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"BindRoleInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"bindRole"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"role"}}]}}]}}]} as unknown as DocumentNode<SchoolBindRoleMutation, SchoolBindRoleMutationVariables>;
export const SchoolSummaryDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"SchoolSummary"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"registrationProgress"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"totals"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"underReview"}},{"kind":"Field","name":{"kind":"Name","value":"awaitingCollection"}},{"kind":"Field","name":{"kind":"Name","value":"registered"}}]}}]}}]}}]} as unknown as DocumentNode<SchoolSummaryQuery, SchoolSummaryQueryVariables>;
export const ShellRequestSmsCodeDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"ShellRequestSmsCode"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"RequestSmsCodeInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"requestSmsCode"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"mobile"}},{"kind":"Field","name":{"kind":"Name","value":"expiresAt"}},{"kind":"Field","name":{"kind":"Name","value":"resendAvailableAt"}}]}}]}}]} as unknown as DocumentNode<ShellRequestSmsCodeMutation, ShellRequestSmsCodeMutationVariables>;
export const ShellRegisterCandidateDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"ShellRegisterCandidate"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"RegisterCandidateInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"registerCandidate"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"accessToken"}},{"kind":"Field","name":{"kind":"Name","value":"refreshToken"}},{"kind":"Field","name":{"kind":"Name","value":"expiresAt"}}]}}]}}]} as unknown as DocumentNode<ShellRegisterCandidateMutation, ShellRegisterCandidateMutationVariables>;
export const ShellCountiesDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"ShellCounties"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"organizations"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"kind"},"value":{"kind":"EnumValue","value":"COUNTY"}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"code"}}]}}]}}]} as unknown as DocumentNode<ShellCountiesQuery, ShellCountiesQueryVariables>;
export const ShellChangePasswordDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"ShellChangePassword"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ChangePasswordInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"changePassword"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}]}]}}]} as unknown as DocumentNode<ShellChangePasswordMutation, ShellChangePasswordMutationVariables>;
export const ShellChangeMobileDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"ShellChangeMobile"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ChangeMobileInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"changeMobile"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}}]}}]}}]} as unknown as DocumentNode<ShellChangeMobileMutation, ShellChangeMobileMutationVariables>;
export const ShellLoginDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"ShellLogin"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"LoginInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"login"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"accessToken"}},{"kind":"Field","name":{"kind":"Name","value":"refreshToken"}},{"kind":"Field","name":{"kind":"Name","value":"expiresAt"}}]}}]}}]} as unknown as DocumentNode<ShellLoginMutation, ShellLoginMutationVariables>;
export const ShellRefreshSessionDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"ShellRefreshSession"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"refreshToken"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"refreshSession"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"refreshToken"},"value":{"kind":"Variable","name":{"kind":"Name","value":"refreshToken"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"accessToken"}},{"kind":"Field","name":{"kind":"Name","value":"refreshToken"}},{"kind":"Field","name":{"kind":"Name","value":"expiresAt"}}]}}]}}]} as unknown as DocumentNode<ShellRefreshSessionMutation, ShellRefreshSessionMutationVariables>;
export const ShellLogoutDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"ShellLogout"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"refreshToken"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"logout"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"refreshToken"},"value":{"kind":"Variable","name":{"kind":"Name","value":"refreshToken"}}}]}]}}]} as unknown as DocumentNode<ShellLogoutMutation, ShellLogoutMutationVariables>;
export const ShellMeDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"ShellMe"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"me"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"username"}},{"kind":"Field","name":{"kind":"Name","value":"displayName"}},{"kind":"Field","name":{"kind":"Name","value":"passwordChangeRequired"}},{"kind":"Field","name":{"kind":"Name","value":"roles"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"role"}},{"kind":"Field","name":{"kind":"Name","value":"organization"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"kind"}}]}}]}}]}}]}}]} as unknown as DocumentNode<ShellMeQuery, ShellMeQueryVariables>;
export const ShellInboxCountDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"ShellInboxCount"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"me"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"unreadNotificationCount"}}]}}]}}]} as unknown as DocumentNode<ShellInboxCountQuery, ShellInboxCountQueryVariables>;
export const ShellInboxDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"ShellInbox"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"me"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"unreadNotificationCount"}},{"kind":"Field","name":{"kind":"Name","value":"notifications"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"title"}},{"kind":"Field","name":{"kind":"Name","value":"body"}},{"kind":"Field","name":{"kind":"Name","value":"readAt"}},{"kind":"Field","name":{"kind":"Name","value":"createdAt"}}]}}]}}]}}]} as unknown as DocumentNode<ShellInboxQuery, ShellInboxQueryVariables>;
export const ShellMarkNotificationReadDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"ShellMarkNotificationRead"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"markNotificationRead"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"readAt"}}]}}]}}]} as unknown as DocumentNode<ShellMarkNotificationReadMutation, ShellMarkNotificationReadMutationVariables>;
export const ShellVerifyCertificateDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"ShellVerifyCertificate"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"code"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"verifyCertificate"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"code"},"value":{"kind":"Variable","name":{"kind":"Name","value":"code"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"found"}},{"kind":"Field","name":{"kind":"Name","value":"signatureValid"}},{"kind":"Field","name":{"kind":"Name","value":"revoked"}},{"kind":"Field","name":{"kind":"Name","value":"revokedAt"}},{"kind":"Field","name":{"kind":"Name","value":"revocationReason"}},{"kind":"Field","name":{"kind":"Name","value":"fields"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"kind"}},{"kind":"Field","name":{"kind":"Name","value":"title"}},{"kind":"Field","name":{"kind":"Name","value":"issuerName"}},{"kind":"Field","name":{"kind":"Name","value":"provinceCode"}},{"kind":"Field","name":{"kind":"Name","value":"holderName"}},{"kind":"Field","name":{"kind":"Name","value":"idNumberMasked"}},{"kind":"Field","name":{"kind":"Name","value":"recordNumber"}},{"kind":"Field","name":{"kind":"Name","value":"originProvinceName"}},{"kind":"Field","name":{"kind":"Name","value":"issuedAt"}},{"kind":"Field","name":{"kind":"Name","value":"subjects"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"result"}},{"kind":"Field","name":{"kind":"Name","value":"detail"}}]}}]}}]}}]}}]} as unknown as DocumentNode<ShellVerifyCertificateQuery, ShellVerifyCertificateQueryVariables>;