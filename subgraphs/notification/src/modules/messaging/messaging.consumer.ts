import { CertificationCaseSubmitted, ReviewSlaEscalated, ReviewSlaWarning } from "@xuekao/certification/events";
import { RegistrationWindowClosing, RegistrationWindowOpening } from "@xuekao/registry/events";
import { SmsCodeRequested, UserContactChanged } from "@xuekao/identity/events";
import { EntityLoaders, type ConsumerContext, type EventConsumer } from "@xuekao/subgraph-kit";
import type { DomainEvent } from "@xuekao/events";
import { InboxService } from "../inbox/inbox.service.js";
import { RecipientService } from "../recipient/recipient.service.js";
import { SmsDeliveryService } from "../sms-delivery/sms-delivery.service.js";
import { renderTemplate } from "../templates/render-template.js";
import { formatBeijingTime } from "../templates/beijing-time.js";
import type { TemplateKey } from "../templates/template-catalog.js";
import { TEMPLATES } from "../templates/template-catalog.js";

/**
 * Turns what happened elsewhere into messages: a rendered template, by SMS and/or in the inbox,
 * for the people the event concerns. Everything is written in the consumer's transaction (with
 * the event's dedupe mark), so a message exists once per event or not at all; the SMS worker
 * sends it afterwards.
 */
export const messagingConsumer: EventConsumer = {
  name: "messaging",
  events: [
    SmsCodeRequested,
    UserContactChanged,
    CertificationCaseSubmitted,
    ReviewSlaWarning,
    ReviewSlaEscalated,
    RegistrationWindowOpening,
    RegistrationWindowClosing,
  ],
  async handle(event, context) {
    if (SmsCodeRequested.matches(event)) return smsCode(SmsCodeRequested.parse(event), context);
    if (UserContactChanged.matches(event)) return contactChanged(UserContactChanged.parse(event), context);
    if (CertificationCaseSubmitted.matches(event)) return caseSubmitted(CertificationCaseSubmitted.parse(event), context);
    if (ReviewSlaWarning.matches(event)) return slaWarning(ReviewSlaWarning.parse(event), context);
    if (ReviewSlaEscalated.matches(event)) return slaEscalated(ReviewSlaEscalated.parse(event), context);
    if (RegistrationWindowOpening.matches(event)) return windowOpening(RegistrationWindowOpening.parse(event), context);
    if (RegistrationWindowClosing.matches(event)) return windowClosing(RegistrationWindowClosing.parse(event), context);
  },
};

const CANDIDATES = ["CANDIDATE_IN_SCHOOL", "CANDIDATE_SOCIAL"];
const REVIEWERS = ["CERTIFICATION_REVIEWER"];
const CERTIFICATION_CASE_KIND = "成绩认定";

async function slaWarning(event: ReturnType<typeof ReviewSlaWarning.parse>, context: ConsumerContext): Promise<void> {
  const { certifyingProvinceCode, caseCount, elapsedHours, deadline } = event.payload;
  for (const reviewer of await new RecipientService(context.em).withRolesInProvince(REVIEWERS, certifyingProvinceCode)) {
    await notifyUser(context, event, reviewer.userId, "review.sla-warning", {
      caseCount: String(caseCount),
      caseKind: CERTIFICATION_CASE_KIND,
      elapsedHours: String(elapsedHours),
      deadline: formatBeijingTime(new Date(deadline)),
    });
  }
}

/** Escalation goes to the province institute (督办) and to the reviewers who hold the case. */
async function slaEscalated(event: ReturnType<typeof ReviewSlaEscalated.parse>, context: ConsumerContext): Promise<void> {
  const { caseId, certifyingProvinceCode, elapsedHours, reviewerOrganization } = event.payload;
  const people = await new RecipientService(context.em).withRolesInProvince([...REVIEWERS, "PROVINCE_INSTITUTE"], certifyingProvinceCode);
  for (const person of people) {
    await notifyUser(context, event, person.userId, "review.sla-escalation", {
      caseKind: CERTIFICATION_CASE_KIND,
      caseNumber: caseId,
      elapsedHours: String(elapsedHours),
      reviewerOrganization,
    });
  }
}

async function windowOpening(event: ReturnType<typeof RegistrationWindowOpening.parse>, context: ConsumerContext): Promise<void> {
  const { sessionName, provinceCode, opensAt, closesAt } = event.payload;
  for (const candidate of await new RecipientService(context.em).withRolesInProvince(CANDIDATES, provinceCode)) {
    await notifyUser(context, event, candidate.userId, "exam-session.registration-opening", {
      sessionName,
      opensAt: formatBeijingTime(new Date(opensAt)),
      closesAt: formatBeijingTime(new Date(closesAt)),
    });
  }
}

async function windowClosing(event: ReturnType<typeof RegistrationWindowClosing.parse>, context: ConsumerContext): Promise<void> {
  const { sessionName, provinceCode, closesAt } = event.payload;
  for (const candidate of await new RecipientService(context.em).withRolesInProvince(CANDIDATES, provinceCode)) {
    await notifyUser(context, event, candidate.userId, "exam-session.registration-closing", {
      sessionName,
      deadline: formatBeijingTime(new Date(closesAt)),
    });
  }
}

const CODE_TEMPLATES: Record<"register" | "change-mobile", TemplateKey> = {
  register: "sms-code.register",
  "change-mobile": "sms-code.change-mobile",
};

async function smsCode(event: ReturnType<typeof SmsCodeRequested.parse>, { em }: ConsumerContext): Promise<void> {
  const { mobile, code, purpose, validMinutes, userId } = event.payload;
  new SmsDeliveryService(em).enqueue({
    template: CODE_TEMPLATES[purpose],
    variables: { code, validMinutes: String(validMinutes) },
    mobile,
    recipientId: userId,
    organizationPath: event.organizationPath,
    eventId: event.id,
  });
}

async function contactChanged(event: ReturnType<typeof UserContactChanged.parse>, { em }: ConsumerContext): Promise<void> {
  await new RecipientService(em).apply({ ...event.payload, asOf: new Date(event.occurredAt) });
}

async function caseSubmitted(event: ReturnType<typeof CertificationCaseSubmitted.parse>, context: ConsumerContext): Promise<void> {
  await notifyUser(context, event, event.payload.candidateId, "certification.submitted", {
    submittedAt: formatBeijingTime(new Date(event.payload.submittedAt)),
  });
}

/**
 * A message to one user, on the template's channels: the inbox always (when the template has
 * it), SMS when the template has it and the person's mobile is known here.
 */
async function notifyUser(
  { em, logger }: ConsumerContext,
  event: DomainEvent,
  userId: string,
  template: TemplateKey,
  variables: Record<string, string>,
): Promise<void> {
  const channels = TEMPLATES[template].channels;
  if (channels.includes("inbox")) {
    const rendered = renderTemplate(template, variables);
    new InboxService(em, new EntityLoaders(em)).add({ recipientId: userId, title: rendered.inboxTitle, body: rendered.inboxBody });
  }
  if (channels.includes("sms")) {
    const recipient = await new RecipientService(em).find(userId);
    if (recipient?.mobile) {
      new SmsDeliveryService(em).enqueue({
        template,
        variables,
        mobile: recipient.mobile,
        recipientId: userId,
        // Events about a whole province (a window) carry no path: the person's own place then
        // decides which institute sees the message in its delivery log.
        organizationPath: event.organizationPath.length > 0 ? event.organizationPath : (recipient.rolesList()[0]?.organizationPath ?? []),
        eventId: event.id,
      });
    } else {
      logger.info({ eventId: event.id, userId, template }, "no mobile known for the user: inbox only");
    }
  }
}
