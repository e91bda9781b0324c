/** One row of a bulk approval's answer, as the registry gives it. */
export interface BulkApproveRow {
  preRegistrationId: string;
  ok: boolean;
  code?: string | null;
  message?: string | null;
}

/**
 * A bulk approval's answer for the reviewer: how many went through, and each one that did not,
 * named by the candidate (the answer carries only ids) with the server's reason.
 */
export function bulkOutcome(
  rows: readonly BulkApproveRow[],
  sent: readonly { id: string; name: string }[],
): { approved: number; failures: { name: string; message: string }[] } {
  const nameOf = new Map(sent.map((item) => [item.id, item.name]));
  const failures = rows
    .filter((row) => !row.ok)
    .map((row) => ({ name: nameOf.get(row.preRegistrationId) ?? row.preRegistrationId, message: row.message || row.code || "未办理" }));
  return { approved: rows.filter((row) => row.ok).length, failures };
}
