/**
 * The events registry publishes, imported by their consumers through `@xuekao/registry/events`
 * (this file pulls in nothing but the event contract).
 */
import { defineEvent } from "@xuekao/events";
import { z } from "zod";

const session = {
  sessionId: z.uuid(),
  sessionName: z.string().min(1),
  /** Official code of the province that runs the session (15, 11, …): its candidates are told. */
  provinceCode: z.string().regex(/^\d{2}$/),
};
const instant = z.iso.datetime({ offset: true });

/** A session's registration window opens soon (sent once, up to 48 h before it opens). */
export const RegistrationWindowOpening = defineEvent({
  type: "registry.registration-window-opening",
  version: 1,
  description: "考次选课报名即将开始",
  payload: z.object({ ...session, opensAt: instant, closesAt: instant }),
});

/** A session's registration window closes soon (sent once, up to 48 h before it closes). */
export const RegistrationWindowClosing = defineEvent({
  type: "registry.registration-window-closing",
  version: 1,
  description: "考次选课报名即将截止",
  payload: z.object({ ...session, closesAt: instant }),
});

/**
 * A candidate is registered: the record (考籍) exists with its number, for life. The candidate is
 * told the number (notification); later subgraphs learn who took the exam in which province
 * (certification's eligibility) without reading registry's tables.
 */
export const RecordRegistered = defineEvent({
  type: "registry.record-registered",
  version: 1,
  description: "考生完成考籍注册（考籍号已生成）",
  payload: z.object({
    candidateId: z.uuid(),
    recordNumber: z.string().regex(/^[A-Z0-9]{4,32}$/),
    provinceCode: session.provinceCode,
    candidateKind: z.enum(["IN_SCHOOL", "SOCIAL"]),
    registeredAt: instant,
  }),
});

/**
 * The province issued a score certificate (成绩证明) from a record's published results: the signed
 * token travels with it, so certification can answer the public verification of both kinds of
 * certificate from one table. The token holds only what the certificate prints (ID masked).
 */
export const CertificateIssued = defineEvent({
  type: "registry.certificate-issued",
  version: 1,
  description: "签发合格性考试成绩证明",
  payload: z.object({
    code: z.string().regex(/^[0-9A-HJKMNP-TV-Z]{5}-[0-9A-HJKMNP-TV-Z]{5}$/),
    token: z.string().min(1).max(20_000),
    candidateId: z.uuid(),
    provinceCode: session.provinceCode,
    issuedAt: instant,
  }),
});

/** The candidate sat the qualification exam in this province: sent once per candidate when a session's results import is committed. */
export const ExamResultsRecorded = defineEvent({
  type: "registry.exam-results-recorded",
  version: 1,
  description: "考生在本省参加合格性考试的成绩已录入",
  payload: z.object({ candidateId: z.uuid(), provinceCode: session.provinceCode, sessionId: z.uuid(), recordedAt: instant }),
});

/** A record arrived from another province (Registry II's inter-province transfer intake emits it). */
export const RecordTransferredIn = defineEvent({
  type: "registry.record-transferred-in",
  version: 1,
  description: "考籍由外省转入",
  payload: z.object({ candidateId: z.uuid(), provinceCode: session.provinceCode, fromProvinceCode: session.provinceCode, transferredAt: instant }),
});
