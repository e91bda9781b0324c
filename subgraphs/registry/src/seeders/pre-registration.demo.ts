import { schoolYearOf, validateIdNumber } from "@xuekao/rules";
import { demoOrganizationPath, demoOrgId, demoProvinceCodeOf, demoUsers, type DemoUser } from "@xuekao/demo-data";
import { splitPath, WorkflowApplication, WorkflowDecision, type Caller, type Role } from "@xuekao/subgraph-kit";
import { PreRegistration } from "../modules/pre-registration/pre-registration.entity.js";
import type { PreRegistrationInput } from "../modules/pre-registration/pre-registration.inputs.js";
import { PreRegistrationService } from "../modules/pre-registration/pre-registration.service.js";
import type { RegistryContext } from "../registry-context.js";

/**
 * Where each demo candidate stands, so that every role finds work waiting: teacher1 (class 1)
 * has pre-registrations to review, county1 one to collect in each class and social1's to
 * approve, candidate14 a returned form to correct; candidate29 and candidate30 have not begun.
 * The others are registered (their records are seeded with the sessions).
 */
export const DEMO_PRE_REGISTRATION_STAGES = {
  underReview: ["candidate11", "candidate12", "candidate13", "candidate26", "candidate27"],
  returned: ["candidate14"],
  awaitingCollection: ["candidate15", "candidate28"],
  notStarted: ["candidate29", "candidate30"],
  socialUnderReview: ["social1"],
} as const;

const WAITING = new Set<string>([
  ...DEMO_PRE_REGISTRATION_STAGES.underReview,
  ...DEMO_PRE_REGISTRATION_STAGES.returned,
  ...DEMO_PRE_REGISTRATION_STAGES.awaitingCollection,
  ...DEMO_PRE_REGISTRATION_STAGES.notStarted,
]);

/** Whether the demo in-school candidate is registered (has a record) from the start. */
export const registeredFromStart = (user: DemoUser) => user.kind === "IN_SCHOOL_CANDIDATE" && !WAITING.has(user.username);

function callerOf(user: DemoUser): Caller {
  const path = splitPath(demoOrganizationPath(user.organizationId));
  const provinceCode = demoProvinceCodeOf(user.organizationId);
  return { kind: "user", subject: user.id, roles: [{ role: user.role as Role, organizationId: user.organizationId, organizationPath: path, provinceCode }], scopes: [] };
}

const userNamed = (username: string) => demoUsers.find((user) => user.username === username)!;

/** A complete, valid form for a demo candidate, from what the demo data says about them. */
export function demoForm(user: DemoUser, now: Date): PreRegistrationInput {
  const id = validateIdNumber(user.idNumber!);
  if (!id.ok) throw new Error(`demo ID number of ${user.username} is not valid`);
  const inSchool = user.kind === "IN_SCHOOL_CANDIDATE";
  // Second-year students on any day, like the registered demo candidates.
  const enrollmentYear = schoolYearOf(now) - 1;
  const surname = [...user.displayName][0]!;
  return {
    schoolId: inSchool ? demoOrgId("im-school") : null,
    name: user.displayName,
    gender: id.gender,
    ethnicityCode: Number(user.idNumber!.slice(-3, -1)) % 3 === 0 ? "02" : "01",
    politicalStatus: "中国共产主义青年团团员",
    studentCategory: inSchool ? "GENERAL_HIGH_SCHOOL" : "SOCIAL",
    householdLocation: "内蒙古自治区呼和浩特市新城区",
    householdAuthority: "呼和浩特市公安局新城区分局",
    idNumber: id.normalized,
    birthDate: id.birthDate,
    mobile: `139${user.idNumber!.slice(-8, -1).padStart(8, "0")}`.slice(0, 11),
    address: "内蒙古自治区呼和浩特市新城区新华大街1号",
    postcode: "010010",
    resume: [
      { from: `${Number(id.birthDate.slice(0, 4)) + 6}-09`, to: `${Number(id.birthDate.slice(0, 4)) + 12}-07`, organization: "呼和浩特市新城区第一小学", role: "学生" },
      { from: `${Number(id.birthDate.slice(0, 4)) + 12}-09`, to: "", organization: inSchool ? "呼和浩特市第一中学" : "呼和浩特市新城区第二中学", role: "学生" },
    ],
    familyMembers: [{ relation: "父亲", name: `${surname}建国`, organization: "呼和浩特市供电局", mobile: "13900000001" }],
    foreignLanguage: "英语",
    guardian: { name: `${surname}建国`, relation: "父亲", mobile: "13900000001" },
    enrollmentYear: inSchool ? enrollmentYear : null,
  };
}

/**
 * Puts the demo candidates at their stages through the real service (so applications, history,
 * audit entries and events are what a person's actions would have written). Idempotent: a
 * candidate who already has a pre-registration is left as it is.
 */
export async function seedPreRegistrationDemo(ctx: RegistryContext): Promise<void> {
  const service = new PreRegistrationService();
  const started = new Set((await ctx.em.find(PreRegistration, {}, { fields: ["candidateId"] })).map((row) => row.candidateId));
  const now = ctx.clock.now();
  const submit = async (username: string) => {
    const user = userNamed(username);
    if (started.has(user.id)) return null;
    return service.submit(ctx.actingAs(callerOf(user)), { form: demoForm(user, now), expectedVersion: null, idempotencyKey: `demo-submit-${username}` });
  };
  const decide = async (row: PreRegistration | null, decision: WorkflowDecision, reason: string | null = null) => {
    if (!row) return;
    const reviewer = callerOf(userNamed(row.classId === demoOrgId("im-class-1") ? "teacher1" : "teacher2"));
    const current = await ctx.em.findOneOrFail(PreRegistration, { id: row.id }, { refresh: true });
    const application = await ctx.em.findOneOrFail(WorkflowApplication, { id: current.applicationId! }, { refresh: true });
    await service.review(ctx.actingAs(reviewer), {
      preRegistrationId: row.id,
      decision,
      reason,
      expectedVersion: application.version,
      idempotencyKey: `demo-${decision.toLowerCase()}-${row.id}`,
    });
  };

  for (const username of DEMO_PRE_REGISTRATION_STAGES.underReview) await submit(username);
  for (const username of DEMO_PRE_REGISTRATION_STAGES.returned) {
    await decide(await submit(username), WorkflowDecision.RETURN, "通信地址请填写到门牌号，家庭成员请补充母亲的信息");
  }
  for (const username of DEMO_PRE_REGISTRATION_STAGES.awaitingCollection) await decide(await submit(username), WorkflowDecision.APPROVE);
  for (const username of DEMO_PRE_REGISTRATION_STAGES.socialUnderReview) await submit(username);
}
