import { isExamSessionCode, isProvinceCode } from "@xuekao/rules";
import { accessRule, authorize, flushUnique, provinceScope, Role, textLength } from "@xuekao/subgraph-kit";
import type { RegistryContext } from "../../registry-context.js";
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

export class ExamSessionService {
  /** Newest first: the session a person is looking for is almost always the current one. */
  list(ctx: RegistryContext): Promise<ExamSession[]> {
    return ctx.em.find(ExamSession, {}, { orderBy: { registrationOpensAt: "desc" } });
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
    if (await ctx.em.count(ExamSession, { provinceCode: input.provinceCode, code })) throw ExamSessionErrors.EXAM_SESSION_CODE_TAKEN({ code });

    return ctx.transaction(async (tx) => {
      const session = tx.em.create(ExamSession, {
        code,
        name,
        provinceCode: input.provinceCode,
        registrationOpensAt: input.registrationOpensAt,
        registrationClosesAt: input.registrationClosesAt,
        scoresPublishedAt: input.scoresPublishedAt ?? null,
        createdAt: tx.clock.now(),
      });
      await tx.audit.record({
        action: "exam-session.created",
        subject: { type: "ExamSession", id: session.id },
        organizationPath: scope.organizationPath,
        after: { code, name, provinceCode: input.provinceCode, registrationOpensAt: input.registrationOpensAt, registrationClosesAt: input.registrationClosesAt, scoresPublishedAt: input.scoresPublishedAt ?? null },
      });
      await flushUnique(tx.em, () => ExamSessionErrors.EXAM_SESSION_CODE_TAKEN({ code }));
      return session;
    });
  }
}
