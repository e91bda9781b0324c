import type { RequestContext } from "@xuekao/subgraph-kit";
import type { SmsDeliveryWorker } from "./modules/sms-delivery/sms-delivery.worker.js";

/** notification's long-lived services, built once at boot (`setupNotification`). */
export interface NotificationServices {
  /** The SMS delivery engine (with its provider), run by the `sms-delivery` job. */
  smsWorker: SmsDeliveryWorker;
  smsWorkerIntervalMs: number;
}

/**
 * What every notification resolver and event handler receives (see the kit's RequestContext).
 * The module services need nothing of `ctx.services` and take the kit's `RequestContext`, so a
 * system context (demo data, tests) serves them as well as a request's or a consumer's.
 */
export type NotificationContext = RequestContext<NotificationServices>;
