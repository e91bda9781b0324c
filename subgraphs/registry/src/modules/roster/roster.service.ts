import type { FilterQuery } from "@mikro-orm/core";
import {
  accessRule,
  authorize,
  checkSpreadsheetImport,
  clampPageSize,
  commitSpreadsheetImport,
  decodeCursor,
  findSpreadsheetImport,
  isUuid,
  keysetAfter,
  keysetOrder,
  openSpreadsheetImport,
  pageFrom,
  Role,
  scopeFilter,
  scopeWhere,
  splitPath,
  spreadsheetTemplate,
  XLSX_MIME_TYPE,
  type FileUploadTicket,
  type KeysetField,
  type Page,
  type SpreadsheetImport,
} from "@xuekao/subgraph-kit";
import type { RegistryContext } from "../../registry-context.js";
import { DirectoryOrganizationKind } from "../organization-directory/directory-organization.entity.js";
import { OrganizationDirectoryService } from "../organization-directory/organization-directory.service.js";
import { RosterEntry } from "./roster.entity.js";
import { RosterErrors } from "./roster.errors.js";
import { RosterImport } from "./roster.import.js";
import type { SpreadsheetTemplateFile } from "./roster.inputs.js";

/** The school keeps its roster: the school admin and the designated staff (docs/domain.md "Organisations and who sees what"). */
export const MANAGE_ROSTER = accessRule("MANAGE_ROSTER", { roles: [Role.SCHOOL_ADMIN, Role.SCHOOL_STAFF] });

/** Who reads a roster: the school, a class teacher their classes, the agencies above the school. */
export const READ_ROSTER = accessRule("READ_ROSTER", {
  roles: [Role.SCHOOL_ADMIN, Role.SCHOOL_STAFF, Role.CLASS_TEACHER, Role.COUNTY_AGENCY, Role.LEAGUE_AGENCY, Role.PROVINCE_INSTITUTE],
});

const ROSTER_ORDER: KeysetField[] = [{ field: "studentNumber", direction: "asc" }];

const directory = new OrganizationDirectoryService();

export class RosterService {
  /**
   * The entry of the person with this ID number on this school's roster, or null: what
   * pre-registration checks ("a school may register only students on its own roster"). By the
   * lookup column (the ID number itself is encrypted). No authorisation here: the caller's
   * service has decided who may ask.
   */
  async match(ctx: RegistryContext, query: { schoolId: string; idNumber: string }): Promise<RosterEntry | null> {
    const idNumber = query.idNumber.trim().toUpperCase();
    if (!idNumber || !isUuid(query.schoolId)) return null;
    return ctx.em.findOne(RosterEntry, { schoolId: query.schoolId, idNumberLookup: ctx.personalData.lookup("id-number", idNumber) });
  }

  /** The roster rows inside the caller's scope, by 学籍号, a page at a time; of one school or class when asked. */
  async list(ctx: RegistryContext, query: { schoolId?: string | null; classId?: string | null; first?: number | null; after?: string | null }): Promise<Page<RosterEntry>> {
    const filter = scopeFilter(ctx.caller, READ_ROSTER);
    if (!filter) return { items: [], nextCursor: null };
    const size = clampPageSize(query.first);
    const where: FilterQuery<RosterEntry>[] = [scopeWhere(filter, { path: "organizationPath" }) as FilterQuery<RosterEntry>];
    if (query.schoolId) where.push({ schoolId: isUuid(query.schoolId) ? query.schoolId : { $in: [] } });
    if (query.classId) where.push({ classId: isUuid(query.classId) ? query.classId : { $in: [] } });
    if (query.after) where.push(keysetAfter(ROSTER_ORDER, decodeCursor(query.after, ["string"])) as FilterQuery<RosterEntry>);
    const rows = await ctx.em.find(RosterEntry, { $and: where }, { orderBy: keysetOrder(ROSTER_ORDER), limit: size + 1 });
    return pageFrom(rows, size, (row) => [row.studentNumber]);
  }

  /** The 学籍号 masked like the ID number it carries (`G1501**********1012`). */
  maskedStudentNumber(ctx: RegistryContext, entry: RosterEntry): string {
    return `${entry.studentNumber.slice(0, 1)}${ctx.personalData.mask("idNumber", entry.studentNumber.slice(1))}`;
  }

  /** The masked ID number everyone with the row in scope sees. */
  maskedIdNumber(ctx: RegistryContext, entry: RosterEntry): string {
    return ctx.personalData.mask("idNumber", entry.idNumber);
  }

  /** The school's admin or staff opens an import of its roster and gets the upload link for the .xlsx. */
  async startImport(ctx: RegistryContext, schoolId: string, fileName: string): Promise<{ import: SpreadsheetImport; upload: FileUploadTicket }> {
    const school = isUuid(schoolId) ? await directory.get(ctx, schoolId) : null;
    if (!school || school.kind !== DirectoryOrganizationKind.SCHOOL) throw RosterErrors.ROSTER_SCHOOL_NOT_FOUND();
    authorize(ctx.caller, MANAGE_ROSTER, { organizationPath: splitPath(school.path) });
    const { job, upload } = await openSpreadsheetImport(ctx, RosterImport, { scopeId: school.id, organizationPath: splitPath(school.path), fileName });
    return { import: job, upload };
  }

  /** An import of a roster the caller keeps (FORBIDDEN for another school's). */
  async importOf(ctx: RegistryContext, importId: string): Promise<SpreadsheetImport> {
    const job = await findSpreadsheetImport(ctx, RosterImport, importId);
    authorize(ctx.caller, MANAGE_ROSTER, { organizationPath: splitPath(job.organizationPath) });
    return job;
  }

  /** The dry run: checks every row and reports, writes no row. */
  async check(ctx: RegistryContext, importId: string): Promise<SpreadsheetImport> {
    return checkSpreadsheetImport(ctx, RosterImport, await this.importOf(ctx, importId));
  }

  /** Writes every row or none (the file is checked again inside the transaction). */
  async commit(ctx: RegistryContext, importId: string): Promise<SpreadsheetImport> {
    return commitSpreadsheetImport(ctx, RosterImport, await this.importOf(ctx, importId));
  }

  /** The template: the four headers and one fictional example row. */
  async template(): Promise<SpreadsheetTemplateFile> {
    const bytes = await spreadsheetTemplate(RosterImport.spreadsheet);
    return { fileName: "学籍名单模板.xlsx", contentType: XLSX_MIME_TYPE, contentBase64: bytes.toString("base64") };
  }
}
