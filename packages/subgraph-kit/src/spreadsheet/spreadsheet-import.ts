/**
 * A spreadsheet import as a module runs it: the person uploads an .xlsx, a dry run checks every
 * row and reports the problems while writing nothing, and a commit writes every row in one
 * transaction or none. The work runs after the mutation has answered (a 5,000-row file takes
 * seconds), on the import record a page polls: status, processedRows of totalRows, problems.
 *
 * The module authorises the caller on the import (its organisation path) before each call here.
 */
import { PATH_SEPARATOR } from "../auth/scope-query.js";
import type { RequestContext } from "../context.js";
import type { FileSlotSpec, FileUploadTicket } from "../files/file-slots.js";
import { StoredFile } from "../files/stored-file.entity.js";
import { isUuid } from "../input.js";
import { readSpreadsheet, SheetUnreadable, XLSX_MIME_TYPE, type RowOf, type SheetRow, type SpreadsheetColumns, type SpreadsheetProblem, type SpreadsheetSpec } from "./spreadsheet.js";
import { MAX_REPORTED_PROBLEMS, SpreadsheetImport, SpreadsheetImportStatus } from "./spreadsheet-import.entity.js";
import { SHEET_FAILURE_MESSAGES, SpreadsheetErrors } from "./spreadsheet.errors.js";

/** The upload slot of every spreadsheet import: an .xlsx (judged by its bytes) of at most 10 MB. */
export const SPREADSHEET_UPLOAD: FileSlotSpec = {
  purpose: "spreadsheet-import",
  maxBytes: 10 * 1024 * 1024,
  allowedTypes: [XLSX_MIME_TYPE],
  uploadValidMinutes: 30,
};

/** Progress is written every this many rows (a poll a second then moves visibly on 5,000 rows). */
export const PROGRESS_EVERY_ROWS = 250;

/**
 * Work running longer than this was interrupted (the process stopped): the import is then shown
 * as failed, with nothing written (a commit is one transaction), and may be checked again.
 */
export const INTERRUPTED_AFTER_MINUTES = 30;

/** Reports how many rows are done (throttled by the kit). */
export type ImportProgress = (done: number) => Promise<void>;

/** What a module imports: its sheet, how its rows are checked together, and how they are written. */
export interface SpreadsheetImportKind<Columns extends SpreadsheetColumns, Context extends RequestContext<object> = RequestContext> {
  /** e.g. `registry.roster`. */
  kind: string;
  spreadsheet: SpreadsheetSpec<Columns>;
  /**
   * The problems of rows that parsed, taken together and against stored data (duplicates inside
   * the file, references that do not exist, conflicts with other rows). Reads only. A problem
   * names its row and column and never repeats another row's value (say "与第 3 行重复").
   */
  check(ctx: Context, rows: readonly SheetRow<RowOf<Columns>>[], job: SpreadsheetImport, progress: ImportProgress): Promise<SpreadsheetProblem[]>;
  /** Writes every row inside the import's transaction (with its audit entry); the counts go on the import. */
  commit(tx: Context, rows: readonly SheetRow<RowOf<Columns>>[], job: SpreadsheetImport, progress: ImportProgress): Promise<{ created: number; updated: number }>;
}

export const defineSpreadsheetImport = <Columns extends SpreadsheetColumns, Context extends RequestContext<object> = RequestContext>(
  kind: SpreadsheetImportKind<Columns, Context>,
): SpreadsheetImportKind<Columns, Context> => kind;

/** Work started by this process and not finished yet, by import id (tests and benches wait on it). */
const running = new Map<string, Promise<void>>();
/** Rows done by a commit in this process: its transaction hides them from other connections until it ends. */
const committing = new Map<string, number>();

/** Resolves when this process has finished the import's current check or commit (at once when none runs). */
export const spreadsheetImportSettled = (id: string): Promise<void> => running.get(id) ?? Promise.resolve();

/** Opens an import for `scopeId` and issues the caller's upload link for its file. */
export async function openSpreadsheetImport(
  ctx: RequestContext<object>,
  kind: { kind: string },
  request: { scopeId: string; organizationPath: readonly string[]; fileName: string },
): Promise<{ job: SpreadsheetImport; upload: FileUploadTicket }> {
  const job = new SpreadsheetImport();
  const upload = await ctx.files.issueUpload(ctx, SPREADSHEET_UPLOAD, { subject: { type: "SpreadsheetImport", id: job.id }, organizationPath: request.organizationPath, fileName: request.fileName });
  Object.assign(job, {
    kind: kind.kind,
    scopeId: request.scopeId,
    organizationPath: request.organizationPath.join(PATH_SEPARATOR),
    createdBy: ctx.caller?.subject ?? "",
    fileId: upload.fileId,
    fileName: [...request.fileName.trim()].slice(0, 100).join("") || "import.xlsx",
    createdAt: ctx.clock.now(),
  });
  ctx.em.persist(job);
  await ctx.em.flush();
  return { job, upload };
}

/** The import of this kind, or SPREADSHEET_IMPORT_NOT_FOUND; the progress of a commit running here is shown as it goes. */
export async function findSpreadsheetImport(ctx: RequestContext<object>, kind: { kind: string }, id: string): Promise<SpreadsheetImport> {
  const job = isUuid(id) ? await ctx.em.findOne(SpreadsheetImport, { id, kind: kind.kind }, { refresh: true }) : null;
  if (!job) throw SpreadsheetErrors.SPREADSHEET_IMPORT_NOT_FOUND();
  const live = committing.get(job.id);
  if (live !== undefined && job.status === SpreadsheetImportStatus.COMMITTING) job.processedRows = live;
  const busy = job.status === SpreadsheetImportStatus.CHECKING || job.status === SpreadsheetImportStatus.COMMITTING;
  const limit = ctx.clock.now().getTime() - INTERRUPTED_AFTER_MINUTES * 60_000;
  if (busy && !running.has(job.id) && (job.workStartedAt?.getTime() ?? 0) < limit) {
    const changed = await ctx.em.fork().nativeUpdate(
      SpreadsheetImport,
      { id: job.id, status: job.status },
      { status: SpreadsheetImportStatus.FAILED, failureMessage: SHEET_FAILURE_MESSAGES.INTERRUPTED },
    );
    if (changed === 1) Object.assign(job, { status: SpreadsheetImportStatus.FAILED, failureMessage: SHEET_FAILURE_MESSAGES.INTERRUPTED });
  }
  return job;
}

/** Moves the import from one of `from` to `to`, or refuses: of two clicks racing, one wins. */
async function claim(ctx: RequestContext<object>, job: SpreadsheetImport, from: SpreadsheetImportStatus[], to: SpreadsheetImportStatus): Promise<void> {
  const changed = await ctx.em.fork().nativeUpdate(SpreadsheetImport, { id: job.id, status: { $in: from } }, { status: to, processedRows: 0, workStartedAt: ctx.clock.now() });
  if (changed !== 1) {
    const now = await ctx.em.fork().findOneOrFail(SpreadsheetImport, { id: job.id });
    if (now.status === SpreadsheetImportStatus.COMMITTED) throw SpreadsheetErrors.SPREADSHEET_IMPORT_DONE();
    if (now.status === SpreadsheetImportStatus.CHECKING || now.status === SpreadsheetImportStatus.COMMITTING) throw SpreadsheetErrors.SPREADSHEET_IMPORT_BUSY();
    throw SpreadsheetErrors.SPREADSHEET_IMPORT_NOT_READY();
  }
}

function sortProblems(problems: SpreadsheetProblem[], headers: string[]): SpreadsheetProblem[] {
  const order = (column: string | null) => (column === null ? -1 : headers.indexOf(column));
  return [...problems].sort((a, b) => a.row - b.row || order(a.column) - order(b.column));
}

function failureMessage(error: unknown): string {
  if (!(error instanceof SheetUnreadable)) return SHEET_FAILURE_MESSAGES.INTERNAL;
  if (error.reason === "HEADER_MISSING") return SHEET_FAILURE_MESSAGES.HEADER_MISSING(error.detail);
  if (error.reason === "TOO_MANY_ROWS") return SHEET_FAILURE_MESSAGES.TOO_MANY_ROWS(error.detail[0] ?? "");
  return SHEET_FAILURE_MESSAGES[error.reason];
}

/** Reads and checks the file: the rows that parsed, and every problem (cells, then the module's). */
async function readAndCheck<Columns extends SpreadsheetColumns, Context extends RequestContext<object>>(
  ctx: Context,
  kind: SpreadsheetImportKind<Columns, Context>,
  job: SpreadsheetImport,
  progress: ImportProgress,
  parsedRows: (total: number) => Promise<void> = async () => {},
): Promise<{ rows: SheetRow<RowOf<Columns>>[]; problems: SpreadsheetProblem[]; totalRows: number }> {
  const file = await ctx.em.findOne(StoredFile, { id: job.fileId });
  const bytes = file ? await ctx.files.read(file) : null;
  if (!bytes) throw new SheetUnreadable("UNREADABLE");
  const parsed = await readSpreadsheet(kind.spreadsheet, bytes);
  await parsedRows(parsed.totalRows);
  const domain = await kind.check(ctx, parsed.rows, job, progress);
  const headers = Object.values(kind.spreadsheet.columns).map((column) => column.header);
  return { rows: parsed.rows, problems: sortProblems([...parsed.problems, ...domain], headers), totalRows: parsed.totalRows };
}

/** Throttled progress: written every PROGRESS_EVERY_ROWS rows, through `write`. */
function throttled(write: (done: number) => Promise<void>): ImportProgress {
  let written = 0;
  return async (done) => {
    if (done - written < PROGRESS_EVERY_ROWS) return;
    written = done;
    await write(done);
  };
}

function track(id: string, work: Promise<void>): void {
  const settled = work.finally(() => {
    running.delete(id);
    committing.delete(id);
  });
  running.set(id, settled);
}

/**
 * The dry run: checks the uploaded file and stores the report, writing none of the rows. Starts
 * the work and answers at once with the import (CHECKING); the page polls it until CHECKED or
 * FAILED. A checked or failed import may be checked again (after fixing the data it depends on).
 */
export async function checkSpreadsheetImport<Columns extends SpreadsheetColumns, Context extends RequestContext<object>>(
  ctx: Context,
  kind: SpreadsheetImportKind<Columns, Context>,
  job: SpreadsheetImport,
): Promise<SpreadsheetImport> {
  const file = await ctx.em.findOne(StoredFile, { id: job.fileId });
  if (!file?.uploadedAt) throw SpreadsheetErrors.SPREADSHEET_NOT_UPLOADED();
  await claim(ctx, job, [SpreadsheetImportStatus.AWAITING_UPLOAD, SpreadsheetImportStatus.CHECKED, SpreadsheetImportStatus.FAILED], SpreadsheetImportStatus.CHECKING);
  const work = ctx.detached() as Context;
  const update = (fields: Partial<SpreadsheetImport>) => work.em.fork().nativeUpdate(SpreadsheetImport, { id: job.id }, fields);
  track(
    job.id,
    (async () => {
      try {
        const result = await readAndCheck(
          work,
          kind,
          job,
          throttled(async (done) => void (await update({ processedRows: done }))),
          // Known once the file is read, so that the page can show how far the check is.
          async (totalRows) => void (await update({ totalRows })),
        );
        await update({
          status: SpreadsheetImportStatus.CHECKED,
          totalRows: result.totalRows,
          processedRows: result.totalRows,
          problemCount: result.problems.length,
          problemsJson: JSON.stringify(result.problems.slice(0, MAX_REPORTED_PROBLEMS)),
          failureMessage: null,
          checkedAt: work.clock.now(),
        });
      } catch (error) {
        // Never the error itself in the log: a database error may quote a row.
        if (!(error instanceof SheetUnreadable)) work.logger.error({ importId: job.id, kind: kind.kind, error: (error as Error)?.name }, "spreadsheet check failed");
        await update({ status: SpreadsheetImportStatus.FAILED, failureMessage: failureMessage(error), problemCount: 0, problemsJson: "[]" });
      }
    })(),
  );
  return findSpreadsheetImport(ctx, kind, job.id);
}

/** Thrown inside the commit's transaction to roll it back when the rows no longer pass. */
class ProblemsFound extends Error {
  constructor(readonly problems: SpreadsheetProblem[], readonly totalRows: number) {
    super("spreadsheet rows no longer pass their checks");
  }
}

/**
 * Writes every row, in one transaction, or none: the file is read and checked again inside it
 * (the data it depends on may have changed since the dry run); with any problem nothing is
 * written and the import goes back to CHECKED with the new report. Only a checked import without
 * problems may be committed, once.
 */
export async function commitSpreadsheetImport<Columns extends SpreadsheetColumns, Context extends RequestContext<object>>(
  ctx: Context,
  kind: SpreadsheetImportKind<Columns, Context>,
  job: SpreadsheetImport,
): Promise<SpreadsheetImport> {
  if (job.status === SpreadsheetImportStatus.CHECKED && job.problemCount > 0) throw SpreadsheetErrors.SPREADSHEET_IMPORT_NOT_READY();
  await claim(ctx, job, [SpreadsheetImportStatus.CHECKED], SpreadsheetImportStatus.COMMITTING);
  const work = ctx.detached() as Context;
  const update = (fields: Partial<SpreadsheetImport>) => work.em.fork().nativeUpdate(SpreadsheetImport, { id: job.id }, fields);
  committing.set(job.id, 0);
  const progress = throttled(async (done) => void committing.set(job.id, done));
  track(
    job.id,
    (async () => {
      try {
        const counts = await work.transaction(async (tx) => {
          const result = await readAndCheck(tx as Context, kind, job, async () => {});
          if (result.problems.length > 0) throw new ProblemsFound(result.problems, result.totalRows);
          const written = await kind.commit(tx as Context, result.rows, job, progress);
          await tx.em.flush();
          await tx.em.nativeUpdate(SpreadsheetImport, { id: job.id }, {
            status: SpreadsheetImportStatus.COMMITTED,
            totalRows: result.totalRows,
            processedRows: result.totalRows,
            createdCount: written.created,
            updatedCount: written.updated,
            committedAt: tx.clock.now(),
          });
          return written;
        });
        work.logger.info({ importId: job.id, kind: kind.kind, ...counts }, "spreadsheet imported");
      } catch (error) {
        if (error instanceof ProblemsFound) {
          await update({
            status: SpreadsheetImportStatus.CHECKED,
            totalRows: error.totalRows,
            processedRows: error.totalRows,
            problemCount: error.problems.length,
            problemsJson: JSON.stringify(error.problems.slice(0, MAX_REPORTED_PROBLEMS)),
            checkedAt: work.clock.now(),
          });
          return;
        }
        if (!(error instanceof SheetUnreadable)) work.logger.error({ importId: job.id, kind: kind.kind, error: (error as Error)?.name }, "spreadsheet commit failed");
        await update({ status: SpreadsheetImportStatus.FAILED, failureMessage: failureMessage(error) });
      }
    })(),
  );
  return findSpreadsheetImport(ctx, kind, job.id);
}
