import { CertificationCaseSubmitted, ReviewSlaEscalated, ReviewSlaWarning } from "@xuekao/certification/events";
import { RegistrationWindowClosing, RegistrationWindowOpening } from "@xuekao/registry/events";
import { SmsCodeRequested, UserContactChanged } from "@xuekao/identity/events";
import { EntityLoaders, on, type ConsumerContext, type EventConsumer } from "@xuekao/subgraph-kit";
import type { DomainEvent, EventOf } from "@xuekao/events";
import { formatBeijingMessageTime } from "@xuekao/rules";
import type { Recipient } from "../recipient/recipient.entity.js";
import { InboxService } from "../inbox/inbox.service.js";
import { RecipientService } from "../recipient/recipient.service.js";
import { SmsDeliveryService } from "../sms-delivery/sms-delivery.service.js";
import { renderTemplate } from "../templates/render-template.js";
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
  handlers: [
    on(SmsCodeRequested, smsCode),
    on(UserContactChanged, contactChanged),
    on(CertificationCaseSubmitted, caseSubmitted),
    on(ReviewSlaWarning, slaWarning),
    on(ReviewSlaEscalated, slaEscalated),
    on(RegistrationWindowOpening, windowOpening),
    on(RegistrationWindowClosing, windowClosing),
  ],
};

const CANDIDATES = ["CANDIDATE_IN_SCHOOL", "CANDIDATE_SOCIAL"];
const REVIEWERS = ["CERTIFICATION_REVIEWER"];
const CERTIFICATION_CASE_KIND = "成绩认定";

async function slaWarning(event: EventOf<typeof ReviewSlaWarning>, context: ConsumerContext): Promise<void> {
  const { certifyingProvinceCode, caseCount, elapsedHours, deadline } = event.payload;
  const reviewers = await new RecipientService(context.em).withRolesInProvince(REVIEWERS, certifyingProvinceCode);
  await notify(context, event, reviewers, "review.sla-warning", {
    caseCount: String(caseCount),
    caseKind: CERTIFICATION_CASE_KIND,
    elapsedHours: String(elapsedHours),
    deadline: formatBeijingMessageTime(new Date(deadline)),
  });
}

/** Escalation goes to the province institute (督办) and to the reviewers who hold the case. */
async function slaEscalated(event: EventOf<typeof ReviewSlaEscalated>, context: ConsumerContext): Promise<void> {
  const { caseId, certifyingProvinceCode, elapsedHours, reviewerOrganization } = event.payload;
  const people = await new RecipientService(context.em).withRolesInProvince([...REVIEWERS, "PROVINCE_INSTITUTE"], certifyingProvinceCode);
  await notify(context, event, people, "review.sla-escalation", {
    caseKind: CERTIFICATION_CASE_KIND,
    caseNumber: caseId,
    elapsedHours: String(elapsedHours),
    reviewerOrganization,
  });
}

async function windowOpening(event: EventOf<typeof RegistrationWindowOpening>, context: ConsumerContext): Promise<void> {
  const { sessionName, provinceCode, opensAt, closesAt } = event.payload;
  const candidates = await new RecipientService(context.em).withRolesInProvince(CANDIDATES, provinceCode);
  await notify(context, event, candidates, "exam-session.registration-opening", {
    sessionName,
    opensAt: formatBeijingMessageTime(new Date(opensAt)),
    closesAt: formatBeijingMessageTime(new Date(closesAt)),
  });
}

async function windowClosing(event: EventOf<typeof RegistrationWindowClosing>, context: ConsumerContext): Promise<void> {
  const { sessionName, provinceCode, closesAt } = event.payload;
  const candidates = await new RecipientService(context.em).withRolesInProvince(CANDIDATES, provinceCode);
  await notify(context, event, candidates, "exam-session.registration-closing", { sessionName, deadline: formatBeijingMessageTime(new Date(closesAt)) });
}

const CODE_TEMPLATES: Record<"register" | "change-mobile", TemplateKey> = {
  register: "sms-code.register",
  "change-mobile": "sms-code.change-mobile",
};

async function smsCode(event: EventOf<typeof SmsCodeRequested>, { em }: ConsumerContext): Promise<void> {
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

async function contactChanged(event: EventOf<typeof UserContactChanged>, { em }: ConsumerContext): Promise<void> {
  await new RecipientService(em).apply({ ...event.payload, asOf: new Date(event.occurredAt) });
}

async function caseSubmitted(event: EventOf<typeof CertificationCaseSubmitted>, context: ConsumerContext): Promise<void> {
  const { candidateId, submittedAt } = event.payload;
  // Told in the inbox even when this subgraph knows no contact for the candidate yet.
  const candidate = (await new RecipientService(context.em).find(candidateId)) ?? { userId: candidateId, mobile: null };
  await notify(context, event, [candidate], "certification.submitted", { submittedAt: formatBeijingMessageTime(new Date(submittedAt)) });
}

/**
 * One message to each person, on the template's channels: rendered once, an inbox entry for
 * everyone (when the template has it), an SMS for those whose mobile is known here.
 */
async function notify(
  { em, logger }: ConsumerContext,
  event: DomainEvent,
  people: ReadonlyArray<Pick<Recipient, "userId" | "mobile"> & { rolesList?: Recipient["rolesList"] }>,
  template: TemplateKey,
  variables: Record<string, string>,
): Promise<void> {
  const { channels } = TEMPLATES[template];
  const rendered = renderTemplate(template, variables);
  const inbox = new InboxService(em, new EntityLoaders(em));
  const sms = new SmsDeliveryService(em);
  for (const person of people) {
    if (channels.includes("inbox")) inbox.add({ recipientId: person.userId, title: rendered.inboxTitle, body: rendered.inboxBody });
    if (!channels.includes("sms")) continue;
    if (!person.mobile) {
      logger.info({ eventId: event.id, userId: person.userId, template }, "no mobile known for the user: inbox only");
      continue;
    }
    sms.enqueue({
      template,
      variables,
      mobile: person.mobile,
      recipientId: person.userId,
      // Events about a whole province (a window) carry no path: the person's own place then
      // decides which institute sees the message in its delivery log.
      organizationPath: event.organizationPath.length > 0 ? event.organizationPath : (person.rolesList?.()[0]?.organizationPath ?? []),
      eventId: event.id,
    });
  }
}
