/**
 * The events identity publishes, imported by their consumers through `@xuekao/identity/events`
 * (this file pulls in nothing but the event contract, not the subgraph).
 */
import { defineEvent } from "@xuekao/events";
import { MOBILE_PATTERN } from "@xuekao/rules";
import { z } from "zod";

const mobile = z.string().regex(MOBILE_PATTERN);
const id = z.uuid();

/**
 * A verification code to text to a mobile. The code travels in the payload because the
 * notification subgraph sends it; identity keeps only its hash. Published outbox rows are
 * deleted after an hour (subgraph-kit event-wiring), so the code does not linger in identity's
 * database.
 */
export const SmsCodeRequested = defineEvent({
  type: "identity.sms-code-requested",
  version: 1,
  description: "需要向手机号发送验证码（注册、更换手机号）",
  payload: z.object({
    mobile,
    code: z.string().regex(/^\d{6}$/),
    purpose: z.enum(["register", "change-mobile"]),
    validMinutes: z.number().int().positive(),
    /** The account it is for; null for a registration (no account yet). */
    userId: id.nullable(),
  }),
});

/** A role as the notification subgraph needs it to address people (reviewers of a province, candidates of a district). */
const roleOfPerson = z.object({
  role: z.string().min(1),
  organizationPath: z.array(id).min(1),
  provinceCode: z.string().regex(/^\d{2}$/).nullable(),
});

/**
 * How to reach a person, and in which roles: sent when an account is created, its mobile
 * changes or it gains a role. Consumers keep the latest (by occurredAt) as their own copy.
 */
export const UserContactChanged = defineEvent({
  type: "identity.user-contact-changed",
  version: 1,
  description: "用户的联系方式或角色有变（新账号、换绑手机号、增加角色）",
  payload: z.object({
    userId: id,
    displayName: z.string().min(1),
    mobile: mobile.nullable(),
    roles: z.array(roleOfPerson),
  }),
});

/**
 * An organisation as it now is: sent when one is created (through the API or by the seeder) or
 * changed. Other subgraphs keep their own directory of organisations from it (registry resolves
 * a roster's class codes and a school's county with it) instead of reading identity's tables;
 * they keep the latest by occurredAt.
 */
export const OrganizationChanged = defineEvent({
  type: "identity.organization-changed",
  version: 1,
  description: "组织（省级考试院、盟市、旗县区、学校、班级）新建或有变",
  payload: z.object({
    id,
    parentId: id.nullable(),
    /** Ids from the province down to the organisation itself. */
    path: z.array(id).min(1),
    kind: z.enum(["PROVINCE", "LEAGUE", "COUNTY", "SCHOOL", "CLASS"]),
    code: z.string().min(1),
    name: z.string().min(1),
    /** Official code of the province it lies in (its own code for a province). */
    provinceCode: z.string().regex(/^\d{2}$/),
  }),
});
