/**
 * How near a case is to its step's time limit, for the queue's markers. The step's warning point
 * is two thirds of its limit (Beijing: 48 h of 72 h; the same share for the other chains), the
 * same point at which the server sends its warning.
 */
export type DeadlineState = "none" | "normal" | "warning" | "overdue";

export function deadlineState(application: { stepEnteredAt?: string | null; dueAt?: string | null } | null | undefined, now: number = Date.now()): DeadlineState {
  const due = application?.dueAt ? Date.parse(application.dueAt) : NaN;
  if (Number.isNaN(due)) return "none";
  if (now >= due) return "overdue";
  const entered = application?.stepEnteredAt ? Date.parse(application.stepEnteredAt) : NaN;
  if (Number.isNaN(entered) || entered >= due) return "normal";
  return now - entered >= ((due - entered) * 2) / 3 ? "warning" : "normal";
}
