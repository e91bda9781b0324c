import type { DomainEvent } from "@xuekao/events";
import type { RequestContext } from "@xuekao/subgraph-kit";
import { InboxService } from "../inbox/inbox.service.js";
import type { MessageRecipient } from "../recipient/recipient.service.js";
import { SmsDeliveryService } from "../sms-delivery/sms-delivery.service.js";
import { renderTemplate } from "../templates/render-template.js";
import { TEMPLATES, type TemplateKey } from "../templates/template-catalog.js";

/**
 * One message to each person, on the template's channels: rendered once, an inbox entry for
 * everyone (when the template has it), an SMS for those whose mobile is known here. Written in
 * the consumer's transaction, with the event's dedupe mark: once per event or not at all.
 */
export class Messenger {
  private readonly inbox = new InboxService();
  private readonly sms = new SmsDeliveryService();

  async send(ctx: RequestContext, event: DomainEvent, people: readonly MessageRecipient[], template: TemplateKey, variables: Record<string, string>): Promise<void> {
    const { channels } = TEMPLATES[template];
    const rendered = renderTemplate(template, variables);
    for (const person of people) {
      if (channels.includes("inbox")) this.inbox.add(ctx, { recipientId: person.userId, title: rendered.inboxTitle, body: rendered.inboxBody });
      if (!channels.includes("sms")) continue;
      if (!person.mobile) {
        ctx.logger.info({ eventId: event.id, userId: person.userId, template }, "no mobile known for the user: inbox only");
        continue;
      }
      this.sms.enqueue(ctx, {
        template,
        variables: rendered.variables,
        mobile: person.mobile,
        recipientId: person.userId,
        // Events about a whole province (a window) carry no path: the person's own place then
        // decides which institute sees the message in its delivery log.
        organizationPath: event.organizationPath.length > 0 ? event.organizationPath : (person.organizationPath ?? []),
        eventId: event.id,
      });
    }
  }
}
