import { isExamSessionCode, isProvinceCode } from "@xuekao/rules";
import { accessRule, authorize, flushUnique, isUuid, provinceScope, Role, textLength } from "@xuekao/subgraph-kit";
import type { RegistryContext } from "../../registry-context.js";
import { ExamSubject } from "../exam-subject/exam-subject.entity.js";
import { ExamSession } from "./exam-session.entity.js";
import { ExamSessionErrors } from "./exam-session.errors.js";
import type { CreateExamSessionInput } from "./exam-session.inputs.js";

/**
 * The name goes into every window reminder (SMS and inbox), whose template takes at most 40
 * characters of plain text: a longer name, a 【】 (read as an SMS signature), a link or a line
 * break would make every reminder of the session fail. So the rule is applied here, at input.
 */
export const MAX_SESSION_NAME_LENGTH = 40;
const SESSION_NAME_CHARACTERS = /^(?![\s\S]*(https?:\/\/|www\.))[^【】\p{Cc}]+$/iu;

/** Sessions, windows and rules are the province institute's to configure (docs/domain.md "The exam"), each its own province's. */
export const CONFIGURE_SESSIONS = accessRule("CONFIGURE_SESSIONS", { roles: [Role.PROVINCE_INSTITUTE] });

/**
 * The provinces whose sessions a caller sees: those of their role bindings (a candidate's is the
 * province they are registered in). Anonymous callers and callers without a province see none
 * (docs/domain.md "Exam sessions": a visitor's province is unknown).
 */
export function callerProvinceCodes(ctx: RegistryContext): string[] {
  if (!ctx.caller || ctx.caller.passwordChangeRequired) return [];
  return [...new Set(ctx.caller.roles.flatMap((binding) => (binding.provinceCode && /^\d{2}$/.test(binding.provinceCode) ? [binding.provinceCode] : [])))];
}

export class ExamSessionService {
  /** The caller's provinces' sessions, newest first: the one a person is looking for is almost always the current one. */
  list(ctx: RegistryContext): Promise<ExamSession[]> {
    const provinces = callerProvinceCodes(ctx);
    if (provinces.length === 0) return Promise.resolve([]);
    return ctx.em.find(ExamSession, { provinceCode: { $in: provinces } }, { orderBy: { registrationOpensAt: "desc", id: "asc" } });
  }

  /** One session of the caller's provinces, or EXAM_SESSION_NOT_FOUND (another province's is answered as missing). */
  async get(ctx: RegistryContext, sessionId: string): Promise<ExamSession> {
    const session = isUuid(sessionId) ? await ctx.em.findOne(ExamSession, { id: sessionId }) : null;
    if (!session || !callerProvinceCodes(ctx).includes(session.provinceCode)) throw ExamSessionErrors.EXAM_SESSION_NOT_FOUND();
    return session;
  }

  /** The subjects a session offers, in catalogue order. */
  async subjectsOf(ctx: RegistryContext, session: ExamSession): Promise<ExamSubject[]> {
    const codes = session.subjectCodes();
    if (codes.length === 0) return [];
    return ctx.em.find(ExamSubject, { provinceCode: session.provinceCode, code: { $in: codes } }, { orderBy: { sortOrder: "asc", code: "asc" } });
  }

  async create(ctx: RegistryContext, input: CreateExamSessionInput): Promise<ExamSession> {
    if (!/^\d{2}$/.test(input.provinceCode)) throw ExamSessionErrors.EXAM_SESSION_PROVINCE_INVALID();
    const scope = provinceScope(ctx.caller, input.provinceCode);
    authorize(ctx.caller, CONFIGURE_SESSIONS, scope);
    if (!isProvinceCode(input.provinceCode)) throw ExamSessionErrors.EXAM_SESSION_PROVINCE_INVALID();
    const code = input.code.trim();
    const name = input.name.trim();
    if (!isExamSessionCode(code)) throw ExamSessionErrors.EXAM_SESSION_CODE_INVALID();
    if (textLength(name) < 2 || textLength(name) > MAX_SESSION_NAME_LENGTH || !SESSION_NAME_CHARACTERS.test(name)) {
      throw ExamSessionErrors.EXAM_SESSION_NAME_INVALID();
    }
    if (input.registrationClosesAt <= input.registrationOpensAt) throw ExamSessionErrors.EXAM_SESSION_WINDOW_INVALID();
    if (input.scoresPublishedAt && input.scoresPublishedAt <= input.registrationClosesAt) {
      throw ExamSessionErrors.EXAM_SESSION_PUBLICATION_INVALID();
    }
    const catalogue = await ctx.em.find(ExamSubject, { provinceCode: input.provinceCode }, { orderBy: { sortOrder: "asc", code: "asc" } });
    const asked = input.subjectCodes === undefined || input.subjectCodes === null ? null : new Set(input.subjectCodes.map((item) => item.trim()));
    const subjectCodes = catalogue.filter((subject) => asked === null || asked.has(subject.code)).map((subject) => subject.code);
    if (subjectCodes.length === 0 || (asked !== null && asked.size !== subjectCodes.length)) throw ExamSessionErrors.EXAM_SESSION_SUBJECTS_INVALID();
    if (await ctx.em.count(ExamSession, { provinceCode: input.provinceCode, code })) throw ExamSessionErrors.EXAM_SESSION_CODE_TAKEN({ code });

    return ctx.transaction(async (tx) => {
      const session = tx.em.create(ExamSession, {
        code,
        name,
        provinceCode: input.provinceCode,
        registrationOpensAt: input.registrationOpensAt,
        registrationClosesAt: input.registrationClosesAt,
        scoresPublishedAt: input.scoresPublishedAt ?? null,
        subjectCodesJson: JSON.stringify(subjectCodes),
        createdAt: tx.clock.now(),
      });
      await tx.audit.record({
        action: "exam-session.created",
        subject: { type: "ExamSession", id: session.id },
        organizationPath: scope.organizationPath,
        after: { code, name, provinceCode: input.provinceCode, registrationOpensAt: input.registrationOpensAt, registrationClosesAt: input.registrationClosesAt, scoresPublishedAt: input.scoresPublishedAt ?? null, subjectCodes },
      });
      await flushUnique(tx.em, () => ExamSessionErrors.EXAM_SESSION_CODE_TAKEN({ code }));
      return session;
    });
  }
}
