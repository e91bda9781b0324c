import { randomUUID } from "node:crypto";
import { certificationSubgraph } from "@xuekao/certification";
import { registrySubgraph } from "@xuekao/registry";
import {
  WorkflowApplicationDecided,
  WorkflowApplicationSubmitted,
  WorkflowSlaEscalated,
  WorkflowSlaWarning,
  type OrganizationLevelName,
  type WorkflowDefinitionSeed,
} from "@xuekao/subgraph-kit";
import { describe, expect, it } from "vitest";
import { notificationSubgraph } from "../../subgraph.js";
import { renderTemplate } from "../templates/render-template.js";
import { TEMPLATES } from "../templates/template-catalog.js";
import {
  selectWorkflowRule,
  selectWorkflowTemplate,
  WORKFLOW_MESSAGE_RULES,
  workflowMessageRuleProblems,
  type WorkflowMessageRule,
  type WorkflowMoment,
} from "./workflow-message-rules.js";
import {
  decidedVariables,
  messageText,
  MOMENT_OF_DECISION,
  slaEscalatedVariables,
  slaWarningVariables,
  submittedVariables,
  variablesOf,
} from "./workflow-message-variables.js";

const PROVINCE = randomUUID();
const LEAGUE = randomUUID();
const COUNTY = randomUUID();
const SCHOOL = randomUUID();
const CLASS = randomUUID();
const PATH = [PROVINCE, LEAGUE, COUNTY, SCHOOL, CLASS];
const DEPTH = { PROVINCE: 1, LEAGUE: 2, COUNTY: 3, SCHOOL: 4, CLASS: 5 } as const;
const at = { producer: "test", organizationPath: PATH, now: new Date("2026-11-22T02:05:00Z") };

/** A step as the seeds and the tests below describe it. */
interface StepLike {
  key: string;
  name: string;
  level: `${OrganizationLevelName}`;
  actorRole: string;
}

const stepOf = (spec: StepLike) => ({
  key: spec.key,
  name: spec.name,
  level: spec.level,
  actorRole: spec.actorRole,
  actingOrganizationPath: PATH.slice(0, DEPTH[spec.level]),
});

const application = (kind: string, kindName: string) => ({
  applicationId: randomUUID(),
  kind,
  kindName,
  provinceCode: "15",
  subjectType: "Test",
  subjectId: randomUUID(),
  applicantId: randomUUID(),
  round: 1,
});

const submitted = (kind: string, kindName: string, step: StepLike) =>
  WorkflowApplicationSubmitted.create({ ...application(kind, kindName), resubmitted: false, step: stepOf(step), submittedAt: "2026-11-22T02:05:00.000Z" }, at);

const decided = (kind: string, kindName: string, step: StepLike, decision: "APPROVE" | "RETURN" | "REJECT", next: StepLike | null, reason: string | null = null) =>
  WorkflowApplicationDecided.create(
    {
      ...application(kind, kindName),
      step: stepOf(step),
      decision,
      reason,
      status: decision === "RETURN" ? "RETURNED" : decision === "REJECT" ? "REJECTED" : next ? "IN_PROGRESS" : "APPROVED",
      nextStep: next ? stepOf(next) : null,
      decidedAt: "2026-11-22T03:00:00.000Z",
    },
    at,
  );

const warning = (kind: string, kindName: string, step: StepLike) =>
  WorkflowSlaWarning.create({ kind, kindName, provinceCode: "15", step: stepOf(step), count: 3, warnAtHours: 48, earliestDueAt: "2026-11-25T02:05:00.000Z" }, at);

const escalated = (kind: string, kindName: string, step: StepLike) =>
  WorkflowSlaEscalated.create({ applicationId: randomUUID(), kind, kindName, provinceCode: "15", step: stepOf(step), slaHours: 72, dueAt: "2026-11-25T02:05:00.000Z" }, at);

/** The message a decision becomes, as the consumer renders it. */
function decisionMessage(event: ReturnType<typeof decided>) {
  const { kind, step, decision, status } = event.payload;
  const template = selectWorkflowTemplate({ kind, step: step.key, on: MOMENT_OF_DECISION[decision], final: status === "APPROVED" });
  return template ? renderTemplate(template, variablesOf(template, decidedVariables(event))) : null;
}

const SEEDS: WorkflowDefinitionSeed[] = [...certificationSubgraph.workflows!.seeds, ...registrySubgraph.workflows!.seeds];
const REASON = "成绩证明未加盖公章，请重新上传";

describe("the workflow message table", () => {
  it("is sound: every template fillable by its event, for the right audience, a generic row for every moment", () => {
    expect(workflowMessageRuleProblems(WORKFLOW_MESSAGE_RULES)).toEqual([]);
  });

  // Every seeded chain of every subgraph, every step, every decision it allows: a template is
  // chosen and renders with what the event carries (the table holds for the kinds that exist).
  describe.each(SEEDS.map((seed) => [`${seed.provinceCode} ${seed.kind.kind}`, seed] as const))("%s", (_label, seed) => {
    const { kind, name } = seed.kind;
    it("renders its submission, every step's decisions and both time limits", () => {
      const first = selectWorkflowTemplate({ kind, step: seed.steps[0]!.key, on: "SUBMITTED" })!;
      expect(renderTemplate(first, variablesOf(first, submittedVariables(submitted(kind, name, seed.steps[0]!)))).smsText).toContain("申请");
      seed.steps.forEach((step, index) => {
        for (const decision of step.decisions) {
          const rendered = decisionMessage(decided(kind, name, step, decision, seed.steps[index + 1] ?? null, decision === "APPROVE" ? null : REASON));
          // Only a completed pre-registration has no message of its own (the record number's event tells).
          if (!rendered) expect([kind, decision, index]).toEqual([expect.stringMatching(/pre-registration$/), "APPROVE", seed.steps.length - 1]);
          else if (decision !== "APPROVE") expect(rendered.smsText, `${step.key} ${decision}`).toContain(REASON);
        }
        for (const [on, event, variables] of [
          ["SLA_WARNING", warning(kind, name, step), slaWarningVariables] as const,
          ["SLA_ESCALATED", escalated(kind, name, step), slaEscalatedVariables] as const,
        ]) {
          const template = selectWorkflowTemplate({ kind, step: step.key, on })!;
          expect(TEMPLATES[template].audience).toBe("staff");
          // eslint-disable-next-line @typescript-eslint/no-explicit-any -- the pairs above match by construction
          expect(renderTemplate(template, variablesOf(template, (variables as (e: any) => Record<string, string>)(event))).smsText).toContain(name);
        }
      });
    });
  });

  const BJ_REVIEW = { key: "institute-review", name: "北京教育考试院审核认定", level: "PROVINCE", actorRole: "CERTIFICATION_REVIEWER" } as const;
  const IM_COUNTY = { key: "county-review", name: "旗县区审核", level: "COUNTY", actorRole: "COUNTY_AGENCY" } as const;
  const IM_LEAGUE = { key: "league-review", name: "盟市审核", level: "LEAGUE", actorRole: "LEAGUE_AGENCY" } as const;
  const IM_INSTITUTE = { key: "province-certification", name: "自治区教育考试院认定", level: "PROVINCE", actorRole: "PROVINCE_INSTITUTE" } as const;
  const CLASS_TEACHER = { key: "class-teacher-review", name: "班主任审核", level: "CLASS", actorRole: "CLASS_TEACHER" } as const;
  const COLLECTION = { key: "county-collection", name: "旗县区采集身份信息和照片", level: "COUNTY", actorRole: "COUNTY_AGENCY" } as const;
  const SOCIAL_COUNTY = { key: "county-review", name: "户籍所在地旗县区审核", level: "COUNTY", actorRole: "COUNTY_AGENCY" } as const;
  const SOCIAL_PROVINCE = { key: "province-review", name: "自治区教育考试院审核", level: "PROVINCE", actorRole: "PROVINCE_INSTITUTE" } as const;

  it.each<[string, string, StepLike, WorkflowMoment, boolean | undefined, string | null]>([
    ["certification.returning-candidate", "返京成绩认定", BJ_REVIEW, "SUBMITTED", undefined, "certification.submitted"],
    ["certification.transfer-in", "区外成绩转入认定", IM_COUNTY, "SUBMITTED", undefined, "certification.submitted"],
    ["certification.school-upload", "转入学生成绩认定", BJ_REVIEW, "SUBMITTED", undefined, "certification.submitted"],
    ["certification.returning-candidate", "返京成绩认定", BJ_REVIEW, "RETURNED", undefined, "certification.returned"],
    ["certification.returning-candidate", "返京成绩认定", BJ_REVIEW, "REJECTED", undefined, "certification.not-certified"],
    ["certification.returning-candidate", "返京成绩认定", BJ_REVIEW, "APPROVED", true, "certification.certified"],
    ["certification.school-upload", "转入学生成绩认定", BJ_REVIEW, "RETURNED", undefined, "certification.school-returned"],
    ["certification.school-upload", "转入学生成绩认定", BJ_REVIEW, "REJECTED", undefined, "certification.not-certified"],
    ["certification.school-upload", "转入学生成绩认定", BJ_REVIEW, "APPROVED", true, "certification.certified"],
    ["certification.transfer-in", "区外成绩转入认定", IM_COUNTY, "APPROVED", false, "workflow.step-approved"],
    ["certification.transfer-in", "区外成绩转入认定", IM_COUNTY, "RETURNED", undefined, "certification.returned"],
    ["certification.transfer-in", "区外成绩转入认定", IM_LEAGUE, "APPROVED", false, "workflow.step-approved"],
    ["certification.transfer-in", "区外成绩转入认定", IM_LEAGUE, "REJECTED", undefined, "certification.not-certified"],
    ["certification.transfer-in", "区外成绩转入认定", IM_INSTITUTE, "APPROVED", true, "certification.certified"],
    ["certification.returning-candidate", "返京成绩认定", BJ_REVIEW, "SLA_WARNING", undefined, "workflow.sla-warning"],
    ["certification.returning-candidate", "返京成绩认定", BJ_REVIEW, "SLA_ESCALATED", undefined, "workflow.sla-escalated"],
    ["registry.in-school-pre-registration", "在校生考籍预注册", CLASS_TEACHER, "SUBMITTED", undefined, "workflow.submitted"],
    ["registry.in-school-pre-registration", "在校生考籍预注册", CLASS_TEACHER, "RETURNED", undefined, "registration.returned"],
    ["registry.in-school-pre-registration", "在校生考籍预注册", CLASS_TEACHER, "APPROVED", false, "registration.collection-pending"],
    ["registry.in-school-pre-registration", "在校生考籍预注册", COLLECTION, "RETURNED", undefined, "registration.returned"],
    // Collection completes it: registration.completed comes from registry's record-registered event instead.
    ["registry.in-school-pre-registration", "在校生考籍预注册", COLLECTION, "APPROVED", true, null],
    ["registry.social-pre-registration", "社会考生考籍预注册", COLLECTION, "APPROVED", true, null],
    ["registry.social-pre-registration", "社会考生考籍预注册", SOCIAL_COUNTY, "APPROVED", false, "workflow.step-approved"],
    ["registry.social-pre-registration", "社会考生考籍预注册", SOCIAL_PROVINCE, "APPROVED", false, "registration.collection-pending"],
    ["registry.social-pre-registration", "社会考生考籍预注册", SOCIAL_PROVINCE, "RETURNED", undefined, "registration.returned"],
    ["registry.social-pre-registration", "社会考生考籍预注册", SOCIAL_PROVINCE, "REJECTED", undefined, "workflow.rejected"],
    ["registry.in-province-transfer", "区内转籍", IM_COUNTY, "RETURNED", undefined, "workflow.returned"],
    // A kind no row names (a subgraph that does not exist yet): the generic texts.
    ["archive.graduation-certificate", "毕业证明补办", IM_COUNTY, "SUBMITTED", undefined, "workflow.submitted"],
    ["archive.graduation-certificate", "毕业证明补办", IM_COUNTY, "APPROVED", false, "workflow.step-approved"],
    ["archive.graduation-certificate", "毕业证明补办", IM_COUNTY, "APPROVED", true, "workflow.approved"],
    ["archive.graduation-certificate", "毕业证明补办", IM_COUNTY, "RETURNED", undefined, "workflow.returned"],
    ["archive.graduation-certificate", "毕业证明补办", IM_COUNTY, "REJECTED", undefined, "workflow.rejected"],
    ["archive.graduation-certificate", "毕业证明补办", IM_COUNTY, "SLA_WARNING", undefined, "workflow.sla-warning"],
    ["archive.graduation-certificate", "毕业证明补办", IM_COUNTY, "SLA_ESCALATED", undefined, "workflow.sla-escalated"],
  ])("%s at %#: %s … picks the expected template", (kind, _name, step, on, final, template) => {
    expect(selectWorkflowTemplate({ kind, step: step.key, on, ...(final === undefined ? {} : { final }) })).toBe(template);
  });

  it("writes the texts from the event: kind name, level label, reason, Beijing time", () => {
    const BJ = "certification.returning-candidate";
    const returned = decisionMessage(decided(BJ, "返京成绩认定", BJ_REVIEW, "RETURN", null, REASON))!;
    expect(returned.smsText).toBe(`您的返京成绩认定申请经省级审核，结果：退回修改，原因：${REASON}。请登录考生门户按原因修改后重新提交。`);
    expect(returned.inboxTitle).toBe("返京成绩认定申请已退回修改");
    const refused = decisionMessage(decided(BJ, "返京成绩认定", BJ_REVIEW, "REJECT", null, REASON))!;
    expect(refused.smsText).toBe(`您的返京成绩认定申请经省级审核，结果：未予认定，原因：${REASON}。详情请登录考生门户查看。`);
    expect(refused.inboxTitle).toBe("返京成绩认定结果：未予认定");

    const county = decisionMessage(decided("certification.transfer-in", "区外成绩转入认定", IM_COUNTY, "APPROVE", IM_LEAGUE))!;
    expect(county.smsText).toBe("您提交的区外成绩转入认定申请已通过旗县区审核，待下一环节审核，请登录考生门户查看办理进度。");
    const certified = decisionMessage(decided("certification.transfer-in", "区外成绩转入认定", IM_INSTITUTE, "APPROVE", null))!;
    expect(certified.smsText).toBe("您的区外成绩转入认定申请审核结果：认定通过。请登录考生门户查看各科认定结果并下载认定证书。");
    expect(certified.inboxTitle).toBe("区外成绩转入认定结果：认定通过");

    const event = submitted(BJ, "返京成绩认定", BJ_REVIEW);
    const template = selectWorkflowTemplate({ kind: BJ, step: BJ_REVIEW.key, on: "SUBMITTED" })!;
    expect(renderTemplate(template, variablesOf(template, submittedVariables(event))).smsText).toBe(
      "您的成绩认定申请已于2026年11月22日 10:05提交，请耐心等待审核，审核结果将以短信通知。",
    );

    const other = decisionMessage(decided("archive.graduation-certificate", "毕业证明补办", IM_COUNTY, "REJECT", null, "材料不全"))!;
    expect(other.smsText).toBe("您提交的毕业证明补办申请未通过旗县区审核，原因：材料不全。详情请登录考生门户查看。");

    const sla = warning(BJ, "返京成绩认定", BJ_REVIEW);
    const slaText = renderTemplate("workflow.sla-warning", variablesOf("workflow.sla-warning", slaWarningVariables(sla))).smsText;
    expect(slaText).toBe("您有3件返京成绩认定事项已等待审核超过48小时，请于2026年11月25日 10:05前登录平台处理。");
  });

  // Every certification kind that is seeded (返京成绩认定, 转入学生成绩认定, 区外成绩转入认定): the
  // candidate hears the result of each decision once, by SMS and in the inbox, in the notices'
  // words; certification's own case-decided event is never a second message.
  describe.each(certificationSubgraph.workflows!.seeds.map((seed) => [`${seed.provinceCode} ${seed.kind.kind}`, seed] as const))("the result of %s", (_label, seed) => {
    const { kind, name } = seed.kind;
    const last = seed.steps.length - 1;

    it("is 认定通过 at the final approval only, 未予认定 or 退回修改 with the reason at any step", () => {
      seed.steps.forEach((step, index) => {
        const approved = decisionMessage(decided(kind, name, step, "APPROVE", seed.steps[index + 1] ?? null))!;
        if (index === last) {
          expect(approved.smsText).toContain("认定通过");
          expect(approved.inboxTitle).toBe(`${name}结果：认定通过`);
        } else {
          expect(approved.smsText).not.toContain("认定通过");
        }
        const rejected = decisionMessage(decided(kind, name, step, "REJECT", null, REASON))!;
        expect(rejected.smsText).toContain(`结果：未予认定，原因：${REASON}`);
        expect(rejected.inboxBody).toContain(`审核结果为：未予认定。原因：${REASON}`);
        const returned = decisionMessage(decided(kind, name, step, "RETURN", null, REASON))!;
        expect(returned.smsText).toContain(`结果：退回修改，原因：${REASON}`);
        expect(returned.inboxBody).toContain(`审核结果为：退回修改。原因：${REASON}`);
      });
    });

    it("goes by SMS and to the inbox", () => {
      for (const [on, final] of [["APPROVED", true], ["REJECTED", undefined], ["RETURNED", undefined]] as const) {
        const template = selectWorkflowTemplate({ kind, step: seed.steps[last]!.key, on, ...(final === undefined ? {} : { final }) })!;
        expect(TEMPLATES[template].channels, `${on}`).toEqual(["sms", "inbox"]);
        expect(TEMPLATES[template].audience).toBe("candidate");
      }
    });
  });

  it("turns no certification event of its own into a message (the workflow's decision is the one message)", () => {
    const consumed = notificationSubgraph.consumers!.flatMap((consumer) => consumer.handlers.map((handler) => handler.event.type));
    expect(consumed.filter((type) => type.startsWith("certification."))).toEqual([]);
    expect(consumed).toContain("workflow.application-decided");
  });

  it("carries a reviewer's reason fit for a message however it was written", () => {
    const messy = `第一行\n第二行【加急】详见 https://example.cn/x 。${"字".repeat(300)}`;
    const rendered = decisionMessage(decided("registry.in-province-transfer", "区内转籍", IM_COUNTY, "RETURN", null, messy))!;
    expect(rendered.smsText).toContain("第一行 第二行〔加急〕详见 （网址略） 。");
    expect(rendered.variables.reason).toHaveLength(200);
    expect(rendered.variables.reason!.endsWith("…")).toBe(true);
    expect(messageText("  正常的原因  ", 200)).toBe("正常的原因");
  });
});

describe("choosing a row", () => {
  const rows: WorkflowMessageRule[] = [
    { kind: "*", on: "RETURNED", template: "workflow.returned" },
    { kind: "registry.*", on: "RETURNED", template: "workflow.rejected" },
    { kind: "registry.*pre-registration", on: "RETURNED", template: "registration.returned" },
    { kind: "registry.social-pre-registration", on: "RETURNED", template: "workflow.step-approved" },
    { kind: "registry.*pre-registration", step: "county-review", on: "RETURNED", template: "workflow.approved" },
    { kind: "*", on: "APPROVED", template: "workflow.step-approved" },
    { kind: "*", on: "APPROVED", final: true, template: "workflow.approved" },
  ];
  const pick = (kind: string, step: string, on: WorkflowMoment, final?: boolean) => selectWorkflowRule({ kind, step, on, ...(final === undefined ? {} : { final }) }, rows)?.template;

  it("prefers an exact kind, then the longer pattern, then a named step, then a named final", () => {
    expect(pick("registry.social-pre-registration", "county-review", "RETURNED")).toBe("workflow.step-approved"); // exact kind beats a step on a pattern
    expect(pick("registry.in-school-pre-registration", "county-review", "RETURNED")).toBe("workflow.approved"); // same pattern, step named
    expect(pick("registry.in-school-pre-registration", "class-teacher-review", "RETURNED")).toBe("registration.returned");
    expect(pick("registry.information-change", "school-review", "RETURNED")).toBe("workflow.rejected");
    expect(pick("certification.transfer-in", "county-review", "RETURNED")).toBe("workflow.returned");
    expect(pick("x.y", "s", "APPROVED", true)).toBe("workflow.approved");
    expect(pick("x.y", "s", "APPROVED", false)).toBe("workflow.step-approved");
    expect(pick("x.y", "s", "REJECTED")).toBeUndefined();
  });

  it("treats * as any characters and nothing else as special", () => {
    const dotted: WorkflowMessageRule[] = [{ kind: "a.b", on: "SUBMITTED", template: "workflow.submitted" }];
    expect(selectWorkflowRule({ kind: "aXb", step: "s", on: "SUBMITTED" }, dotted)).toBeNull();
    expect(selectWorkflowRule({ kind: "a.b", step: "s", on: "SUBMITTED" }, dotted)?.template).toBe("workflow.submitted");
  });

  it("refuses a table that would choose a template its event cannot fill, or for the wrong audience", () => {
    const generic = WORKFLOW_MESSAGE_RULES.filter((rule) => rule.kind === "*");
    expect(workflowMessageRuleProblems([...generic, { kind: "certification.*", on: "APPROVED", final: true, template: "certification.approved" }])).toEqual([
      "row 8 (certification.* APPROVED final): certification.approved needs viewUntil, which the event does not carry",
    ]);
    expect(workflowMessageRuleProblems([...generic, { kind: "registry.*", on: "APPROVED", final: true, template: "registration.completed" }])).toEqual([
      "row 8 (registry.* APPROVED final): registration.completed needs recordNumber, which the event does not carry",
    ]);
    expect(workflowMessageRuleProblems([...generic, { kind: "x.y", on: "SLA_WARNING", template: "workflow.approved" }])).toEqual([
      "row 8 (x.y SLA_WARNING): workflow.approved is for candidate, this moment's message for staff",
    ]);
    expect(workflowMessageRuleProblems([...generic, { kind: "x.y", on: "APPROVED", template: "workflow.rejected" }])).toEqual([
      "row 8 (x.y APPROVED): workflow.rejected needs reason, which the event does not carry",
    ]);
    expect(workflowMessageRuleProblems(generic.filter((rule) => rule.on !== "SLA_ESCALATED"))).toEqual([
      "no generic row (kind *) for SLA_ESCALATED: some kind would get no message",
    ]);
  });
});
