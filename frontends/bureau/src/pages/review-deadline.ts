/**
 * How near a case is to its step's time limit, for the queue's markers: the warning point is the
 * one the province configured for the step (the server sends its warning then too), not a share
 * of the limit guessed here.
 */
export type DeadlineState = "none" | "normal" | "warning" | "overdue";

export function deadlineState(application: { warnAt?: string | null; dueAt?: string | null } | null | undefined, now: number = Date.now()): DeadlineState {
  const due = application?.dueAt ? Date.parse(application.dueAt) : NaN;
  if (Number.isNaN(due)) return "none";
  if (now >= due) return "overdue";
  const warn = application?.warnAt ? Date.parse(application.warnAt) : NaN;
  return !Number.isNaN(warn) && now >= warn ? "warning" : "normal";
}
