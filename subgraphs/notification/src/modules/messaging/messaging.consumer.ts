import type { EventOf } from "@xuekao/events";
import { SmsCodeRequested, UserContactChanged } from "@xuekao/identity/events";
import { RecordRegistered, RegistrationWindowClosing, RegistrationWindowOpening } from "@xuekao/registry/events";
import { formatBeijingMessageTime } from "@xuekao/rules";
import { on, Role, type EventConsumer } from "@xuekao/subgraph-kit";
import type { NotificationContext, NotificationServices } from "../../notification-context.js";
import { RecipientService } from "../recipient/recipient.service.js";
import { SmsDeliveryService } from "../sms-delivery/sms-delivery.service.js";
import type { TemplateKey } from "../templates/template-catalog.js";
import { workflowMessageHandlers } from "../workflow-messages/workflow-messages.js";
import { Messenger } from "./messenger.js";

const CANDIDATES: readonly string[] = [Role.CANDIDATE_IN_SCHOOL, Role.CANDIDATE_SOCIAL];

const recipients = new RecipientService();
const deliveries = new SmsDeliveryService();
const messenger = new Messenger();

async function windowOpening(event: EventOf<typeof RegistrationWindowOpening>, ctx: NotificationContext): Promise<void> {
  const { sessionName, provinceCode, opensAt, closesAt } = event.payload;
  const candidates = await recipients.withRolesInProvince(ctx, CANDIDATES, provinceCode);
  await messenger.send(ctx, event, candidates, "exam-session.registration-opening", {
    sessionName,
    opensAt: formatBeijingMessageTime(opensAt),
    closesAt: formatBeijingMessageTime(closesAt),
  });
}

async function windowClosing(event: EventOf<typeof RegistrationWindowClosing>, ctx: NotificationContext): Promise<void> {
  const { sessionName, provinceCode, closesAt } = event.payload;
  const candidates = await recipients.withRolesInProvince(ctx, CANDIDATES, provinceCode);
  await messenger.send(ctx, event, candidates, "exam-session.registration-closing", { sessionName, deadline: formatBeijingMessageTime(closesAt) });
}

/** The candidate learns their record number (also the admission ticket number) once it exists. */
async function recordRegistered(event: EventOf<typeof RecordRegistered>, ctx: NotificationContext): Promise<void> {
  const { candidateId, recordNumber } = event.payload;
  await messenger.send(ctx, event, [await recipients.byId(ctx, candidateId)], "registration.completed", { recordNumber });
}

const CODE_TEMPLATES: Record<"register" | "change-mobile", TemplateKey> = {
  register: "sms-code.register",
  "change-mobile": "sms-code.change-mobile",
};

async function smsCode(event: EventOf<typeof SmsCodeRequested>, ctx: NotificationContext): Promise<void> {
  const { mobile, code, purpose, validMinutes, userId } = event.payload;
  deliveries.enqueue(ctx, {
    template: CODE_TEMPLATES[purpose],
    variables: { code, validMinutes: String(validMinutes) },
    mobile,
    recipientId: userId,
    organizationPath: event.organizationPath,
    eventId: event.id,
  });
}

async function contactChanged(event: EventOf<typeof UserContactChanged>, ctx: NotificationContext): Promise<void> {
  await recipients.apply(ctx, { ...event.payload, asOf: new Date(event.occurredAt) });
}

/**
 * Turns what happened elsewhere into messages: a rendered template, by SMS and/or in the inbox,
 * for the people the event concerns. Each handler gets a context without a caller whose `em` is
 * the consumer's transaction (with the event's dedupe mark), so a message exists once per event
 * or not at all; the SMS worker sends it afterwards. Approval chains of every kind arrive as the
 * kit's workflow events (see workflow-messages/).
 */
export const messagingConsumer: EventConsumer<NotificationServices> = {
  name: "messaging",
  handlers: [
    on(SmsCodeRequested, smsCode),
    on(UserContactChanged, contactChanged),
    on(RegistrationWindowOpening, windowOpening),
    on(RegistrationWindowClosing, windowClosing),
    on(RecordRegistered, recordRegistered),
    ...workflowMessageHandlers,
  ],
};
