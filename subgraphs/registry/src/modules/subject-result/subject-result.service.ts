import {
  accessRule,
  AuthErrors,
  authorize,
  checkSpreadsheetImport,
  commitSpreadsheetImport,
  findSpreadsheetImport,
  isUuid,
  openSpreadsheetImport,
  PATH_SEPARATOR,
  requireCaller,
  Role,
  spreadsheetTemplate,
  type RoleBinding,
  type SpreadsheetImport,
} from "@xuekao/subgraph-kit";
import type { RegistryContext } from "../../registry-context.js";
import { ExamSession } from "../exam-session/exam-session.entity.js";
import { ExamSessionErrors } from "../exam-session/exam-session.errors.js";
import { SubjectResultErrors } from "./subject-result.errors.js";
import { RESULT_SHEET, SubjectResultsImport } from "./subject-result.import.js";
import type { OpenedResultImport, ResultImportTemplate } from "./subject-result.inputs.js";

/**
 * Who enters results (docs/domain.md "Results"): the province institute for the subjects the
 * province runs, a league/city agency for the subjects the leagues run, for its own candidates.
 */
export const IMPORT_RESULTS = accessRule("IMPORT_RESULTS", { roles: [Role.PROVINCE_INSTITUTE, Role.LEAGUE_AGENCY] });

const IMPORTER_ROLES: ReadonlySet<Role> = new Set([Role.PROVINCE_INSTITUTE, Role.LEAGUE_AGENCY]);

/** The import runs on the kit's spreadsheet imports: open (upload link), check (dry run), commit (all rows or none). */
export class SubjectResultService {
  async template(ctx: RegistryContext): Promise<ResultImportTemplate> {
    requireCaller(ctx.caller);
    return { fileName: "成绩导入模板.xlsx", contentBase64: (await spreadsheetTemplate(RESULT_SHEET)).toString("base64") };
  }

  async open(ctx: RegistryContext, sessionId: string, fileName: string): Promise<OpenedResultImport> {
    const session = isUuid(sessionId) ? await ctx.em.findOne(ExamSession, { id: sessionId }) : null;
    if (!session) throw ExamSessionErrors.EXAM_SESSION_NOT_FOUND();
    const binding = this.importerBinding(ctx, session);
    this.assertImportable(ctx, session);
    const { job, upload } = await openSpreadsheetImport(ctx, SubjectResultsImport, { scopeId: session.id, organizationPath: binding.organizationPath, fileName });
    return { import: job, upload };
  }

  async get(ctx: RegistryContext, importId: string): Promise<SpreadsheetImport> {
    return (await this.authorizedImport(ctx, importId)).job;
  }

  async check(ctx: RegistryContext, importId: string): Promise<SpreadsheetImport> {
    const { job, session } = await this.authorizedImport(ctx, importId);
    this.assertImportable(ctx, session);
    return checkSpreadsheetImport(ctx, SubjectResultsImport, job);
  }

  async commit(ctx: RegistryContext, importId: string): Promise<SpreadsheetImport> {
    const { job, session } = await this.authorizedImport(ctx, importId);
    this.assertImportable(ctx, session);
    return commitSpreadsheetImport(ctx, SubjectResultsImport, job);
  }

  /** From the window's closing (entries final) until the publication instant (results final). */
  private assertImportable(ctx: RegistryContext, session: ExamSession): void {
    const now = ctx.clock.now();
    if (now < session.registrationClosesAt) throw SubjectResultErrors.RESULT_IMPORT_TOO_EARLY();
    if (session.scoresPublishedAtOrBefore(now)) throw SubjectResultErrors.RESULTS_ALREADY_PUBLISHED();
  }

  /** An import of this kind opened through the caller's own importing binding (same organisation), or as if it did not exist. */
  private async authorizedImport(ctx: RegistryContext, importId: string): Promise<{ job: SpreadsheetImport; session: ExamSession }> {
    const job = await findSpreadsheetImport(ctx, SubjectResultsImport, importId);
    const session = await ctx.em.findOneOrFail(ExamSession, { id: job.scopeId });
    const binding = this.importerBinding(ctx, session);
    if (binding.organizationPath.join(PATH_SEPARATOR) !== job.organizationPath) throw AuthErrors.FORBIDDEN("SCOPE");
    return { job, session };
  }

  /**
   * The binding the caller imports through: an institute or league binding in the session's
   * province. Anyone else is refused as `authorize` refuses (role, then scope); a session of
   * another province is refused like one outside the caller's scope.
   */
  private importerBinding(ctx: RegistryContext, session: ExamSession): RoleBinding {
    const caller = requireCaller(ctx.caller);
    const binding = caller.roles.find((role) => IMPORTER_ROLES.has(role.role) && role.provinceCode === session.provinceCode);
    authorize(caller, IMPORT_RESULTS, { organizationPath: binding ? binding.organizationPath : [`province:${session.provinceCode}`] });
    if (!binding) throw AuthErrors.FORBIDDEN("SCOPE");
    return binding;
  }
}
