import type { EntityManager } from "@mikro-orm/core";
import { authorize, flushUnique, provinceScope, Role, textLength, type AccessRule, type Caller } from "@xuekao/subgraph-kit";
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
export const CONFIGURE_SESSIONS: AccessRule = { roles: [Role.PROVINCE_INSTITUTE] };

export class ExamSessionService {
  constructor(private readonly em: EntityManager) {}

  /** Newest first: the session a person is looking for is almost always the current one. */
  list(): Promise<ExamSession[]> {
    return this.em.find(ExamSession, {}, { orderBy: { registrationOpensAt: "desc" } });
  }

  async create(caller: Caller | null, input: CreateExamSessionInput): Promise<ExamSession> {
    if (!/^\d{2}$/.test(input.provinceCode)) throw ExamSessionErrors.provinceInvalid();
    authorize(caller, CONFIGURE_SESSIONS, provinceScope(caller, input.provinceCode));
    const code = input.code.trim();
    const name = input.name.trim();
    if (!/^[A-Za-z0-9-]{1,32}$/.test(code)) throw ExamSessionErrors.codeInvalid();
    if (textLength(name) < 2 || textLength(name) > MAX_SESSION_NAME_LENGTH || !SESSION_NAME_CHARACTERS.test(name)) throw ExamSessionErrors.nameInvalid();
    if (input.registrationClosesAt <= input.registrationOpensAt) throw ExamSessionErrors.windowInvalid();
    if (input.scoresPublishedAt && input.scoresPublishedAt <= input.registrationClosesAt) {
      throw ExamSessionErrors.publicationBeforeRegistrationEnds();
    }
    if (await this.em.count(ExamSession, { provinceCode: input.provinceCode, code })) throw ExamSessionErrors.codeTaken(code);

    const session = this.em.create(ExamSession, {
      code,
      name,
      provinceCode: input.provinceCode,
      registrationOpensAt: input.registrationOpensAt,
      registrationClosesAt: input.registrationClosesAt,
      scoresPublishedAt: input.scoresPublishedAt ?? null,
      createdAt: new Date(),
    });
    await flushUnique(this.em, () => ExamSessionErrors.codeTaken(code));
    return session;
  }
}
