import { isMobile } from "@xuekao/rules";
import type { RequestContext } from "@xuekao/subgraph-kit";
import { SmsCodeErrors } from "../sms-code/sms-code.errors.js";
import { MOBILE_LOOKUP } from "./user.entity.js";

/**
 * The lookup of a mobile (HMAC under the personal-data lookup key): what `User.mobileLookup` and
 * `SmsChallenge.mobileLookup` hold, and the only way to find either by number.
 */
export const mobileLookupOf = (ctx: RequestContext, mobile: string): string => ctx.personalData.lookup(MOBILE_LOOKUP, mobile);

/** `138-0000-0001` → `13800000001`, or MOBILE_INVALID on the form's `field`. */
export function normalizeMobile(raw: string, field = "mobile"): string {
  const mobile = raw.replace(/[\s-]/g, "");
  if (!isMobile(mobile)) throw SmsCodeErrors.MOBILE_INVALID(undefined, { field });
  return mobile;
}
