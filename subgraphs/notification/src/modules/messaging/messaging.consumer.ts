import { CertificationCaseSubmitted } from "@xuekao/certification/events";
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
  events: [SmsCodeRequested, UserContactChanged, CertificationCaseSubmitted],
  async handle(event, context) {
    if (SmsCodeRequested.matches(event)) return smsCode(SmsCodeRequested.parse(event), context);
    if (UserContactChanged.matches(event)) return contactChanged(UserContactChanged.parse(event), context);
    if (CertificationCaseSubmitted.matches(event)) return caseSubmitted(CertificationCaseSubmitted.parse(event), context);
  },
};

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
        organizationPath: event.organizationPath,
        eventId: event.id,
      });
    } else {
      logger.info({ eventId: event.id, userId, template }, "no mobile known for the user: inbox only");
    }
  }
}
