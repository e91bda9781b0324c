import type { EntityManager } from "@mikro-orm/core";
import { recordEvent } from "@xuekao/events";
import type { ScheduledJob } from "@xuekao/subgraph-kit";
import { RegistrationWindowClosing, RegistrationWindowOpening } from "../../events.js";
import { ExamSession } from "../exam-session/exam-session.entity.js";

/** How long before a window opens, and before it closes, candidates are told. */
export const REMINDER_LEAD_MS = 48 * 60 * 60_000;

/**
 * Tells candidates of a province that a session's registration window opens soon and, later,
 * that it closes soon. Each notice is sent once: the session row is marked in the same
 * transaction as the outbox event, so a repeated run (another replica, a restart after a crash)
 * finds nothing left to do. A window that has already opened gets no "opens soon" notice.
 */
export async function sendWindowReminders(em: EntityManager, now: Date): Promise<{ opening: number; closing: number }> {
  const horizon = new Date(now.getTime() + REMINDER_LEAD_MS);
  return em.transactional(async (tx) => {
    const opening = await tx.find(ExamSession, { openingNoticeSentAt: null, registrationOpensAt: { $gt: now, $lte: horizon } });
    // One conditional UPDATE per session: should two runs overlap, only one marks (and tells).
    const claim = async (id: string, mark: "openingNoticeSentAt" | "closingReminderSentAt") =>
      (await tx.nativeUpdate(ExamSession, { id, [mark]: null }, { [mark]: now })) === 1;
    let openingCount = 0;
    for (const session of opening) {
      if (!(await claim(session.id, "openingNoticeSentAt"))) continue;
      openingCount += 1;
      recordEvent(
        tx,
        RegistrationWindowOpening.create(
          {
            sessionId: session.id,
            sessionName: session.name,
            provinceCode: session.provinceCode,
            opensAt: session.registrationOpensAt.toISOString(),
            closesAt: session.registrationClosesAt.toISOString(),
          },
          { producer: "registry", organizationPath: [], now },
        ),
      );
    }
    const closing = await tx.find(ExamSession, {
      closingReminderSentAt: null,
      registrationOpensAt: { $lte: now },
      registrationClosesAt: { $gt: now, $lte: horizon },
    });
    let closingCount = 0;
    for (const session of closing) {
      if (!(await claim(session.id, "closingReminderSentAt"))) continue;
      closingCount += 1;
      recordEvent(
        tx,
        RegistrationWindowClosing.create(
          {
            sessionId: session.id,
            sessionName: session.name,
            provinceCode: session.provinceCode,
            closesAt: session.registrationClosesAt.toISOString(),
          },
          { producer: "registry", organizationPath: [], now },
        ),
      );
    }
    return { opening: openingCount, closing: closingCount };
  });
}

export const windowRemindersJob: ScheduledJob = {
  name: "registration-window-reminders",
  everyMs: 10 * 60_000,
  run: async ({ em, now }) => {
    await sendWindowReminders(em, now);
  },
};
