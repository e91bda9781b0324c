import type { EntityManager } from "@mikro-orm/core";
import { recordEvent } from "@xuekao/events";
import { provinceName } from "@xuekao/rules";
import { PATH_SEPARATOR, type ScheduledJob } from "@xuekao/subgraph-kit";
import { ReviewSlaEscalated, ReviewSlaWarning } from "../../events.js";
import { CertificationCase, CertificationCaseStatus } from "../certification-case/certification-case.entity.js";

const HOUR_MS = 60 * 60_000;
/** Review normally within 72 hours (BJEEA notice): warn at 48, escalate at 72. */
export const SLA_WARNING_HOURS = 48;
export const SLA_ESCALATION_HOURS = 72;

/**
 * One pass of the review-SLA check. Cases are marked (slaWarnedAt, slaEscalatedAt) in the same
 * transaction as the events, so each case is warned about and escalated once, whichever replica
 * runs the job and however often. Warnings are grouped per province: a reviewer gets one
 * message for the batch, not one per case.
 */
export async function checkReviewSla(em: EntityManager, now: Date): Promise<{ warned: number; escalated: number }> {
  return em.transactional(async (tx) => {
    const pending = CertificationCaseStatus.PENDING_REVIEW;
    const toWarn = await tx.find(
      CertificationCase,
      {
        status: pending,
        slaWarnedAt: null,
        // Past 72 h a case is escalated instead: a warning then would only repeat it.
        submittedAt: { $lte: new Date(now.getTime() - SLA_WARNING_HOURS * HOUR_MS), $gt: new Date(now.getTime() - SLA_ESCALATION_HOURS * HOUR_MS) },
      },
      { orderBy: { submittedAt: "asc" } },
    );
    const byProvince = new Map<string, CertificationCase[]>();
    for (const item of await claim(tx, toWarn, "slaWarnedAt", now)) {
      byProvince.set(item.certifyingProvinceCode, [...(byProvince.get(item.certifyingProvinceCode) ?? []), item]);
    }
    for (const [province, cases] of byProvince) {
      recordEvent(
        tx,
        ReviewSlaWarning.create(
          {
            certifyingProvinceCode: province,
            caseCount: cases.length,
            elapsedHours: SLA_WARNING_HOURS,
            deadline: new Date(cases[0]!.submittedAt.getTime() + SLA_ESCALATION_HOURS * HOUR_MS).toISOString(),
          },
          { producer: "certification", organizationPath: provincePath(cases[0]!), now },
        ),
      );
    }

    const toEscalate = await tx.find(CertificationCase, {
      status: pending,
      slaEscalatedAt: null,
      submittedAt: { $lte: new Date(now.getTime() - SLA_ESCALATION_HOURS * HOUR_MS) },
    });
    const escalated = await claim(tx, toEscalate, "slaEscalatedAt", now);
    for (const item of escalated) {
      recordEvent(
        tx,
        ReviewSlaEscalated.create(
          {
            caseId: item.id,
            certifyingProvinceCode: item.certifyingProvinceCode,
            elapsedHours: SLA_ESCALATION_HOURS,
            reviewerOrganization: `${provinceName(item.certifyingProvinceCode)}教育考试院`,
          },
          { producer: "certification", organizationPath: provincePath(item), now },
        ),
      );
    }
    return { warned: [...byProvince.values()].flat().length, escalated: escalated.length };
  });
}

/**
 * Marks each case with one conditional UPDATE and keeps those this run marked. Should two runs
 * ever overlap (the scheduler's lease makes that rare), the second UPDATE finds the mark set —
 * on PostgreSQL it waits for the first transaction and re-checks — so no case is told twice.
 */
async function claim(
  tx: EntityManager,
  cases: CertificationCase[],
  mark: "slaWarnedAt" | "slaEscalatedAt",
  now: Date,
): Promise<CertificationCase[]> {
  const claimed: CertificationCase[] = [];
  for (const item of cases) {
    if ((await tx.nativeUpdate(CertificationCase, { id: item.id, [mark]: null }, { [mark]: now })) === 1) claimed.push(item);
  }
  return claimed;
}

/** The certifying province's organisation id, the head of the candidate's path ([] for rows without one). */
const provincePath = (item: CertificationCase) => item.organizationPath.split(PATH_SEPARATOR).filter(Boolean).slice(0, 1);

export const reviewSlaJob: ScheduledJob = {
  name: "review-sla",
  everyMs: 10 * 60_000,
  run: async ({ em, now }) => {
    await checkReviewSla(em, now);
  },
};
