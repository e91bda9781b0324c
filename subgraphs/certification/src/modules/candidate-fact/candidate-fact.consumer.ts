import type { EventOf } from "@xuekao/events";
import { UserContactChanged } from "@xuekao/identity/events";
import { ExamResultsRecorded, RecordRegistered, RecordTransferredIn } from "@xuekao/registry/events";
import { CANDIDATE_ROLES, on, PATH_SEPARATOR, type EventConsumer } from "@xuekao/subgraph-kit";
import type { CertificationContext, CertificationServices } from "../../certification-context.js";
import { CandidateFact, CandidateFactKind, CandidateName } from "./candidate-fact.entity.js";

/** Writes (or refreshes) the fact of this kind for the candidate in the province. */
async function remember(
  ctx: CertificationContext,
  key: { candidateId: string; kind: CandidateFactKind; provinceCode: string },
  values: { organizationPath: readonly string[]; occurredAt: string; recordNumber?: string; candidateKind?: string; fromProvinceCode?: string },
): Promise<void> {
  const fact = (await ctx.em.findOne(CandidateFact, key)) ?? ctx.em.create(CandidateFact, { ...key, occurredAt: new Date(values.occurredAt) });
  fact.organizationPath = values.organizationPath.join(PATH_SEPARATOR);
  fact.occurredAt = new Date(values.occurredAt);
  if (values.recordNumber !== undefined) fact.recordNumber = values.recordNumber;
  if (values.candidateKind !== undefined) fact.candidateKind = values.candidateKind;
  if (values.fromProvinceCode !== undefined) fact.fromProvinceCode = values.fromProvinceCode;
  await ctx.em.flush();
}

async function recordRegistered(event: EventOf<typeof RecordRegistered>, ctx: CertificationContext): Promise<void> {
  const { candidateId, provinceCode, recordNumber, candidateKind, registeredAt } = event.payload;
  await remember(ctx, { candidateId, kind: CandidateFactKind.RECORD_REGISTERED, provinceCode }, { organizationPath: event.organizationPath, occurredAt: registeredAt, recordNumber, candidateKind });
}

async function examResultsRecorded(event: EventOf<typeof ExamResultsRecorded>, ctx: CertificationContext): Promise<void> {
  const { candidateId, provinceCode, recordedAt } = event.payload;
  await remember(ctx, { candidateId, kind: CandidateFactKind.EXAM_RESULTS_RECORDED, provinceCode }, { organizationPath: event.organizationPath, occurredAt: recordedAt });
}

async function recordTransferredIn(event: EventOf<typeof RecordTransferredIn>, ctx: CertificationContext): Promise<void> {
  const { candidateId, provinceCode, fromProvinceCode, transferredAt } = event.payload;
  await remember(
    ctx,
    { candidateId, kind: CandidateFactKind.RECORD_TRANSFERRED_IN, provinceCode },
    { organizationPath: event.organizationPath, occurredAt: transferredAt, fromProvinceCode },
  );
}

/** Candidates' names only (the certificate's holder); staff accounts are none of certification's business. */
async function contactChanged(event: EventOf<typeof UserContactChanged>, ctx: CertificationContext): Promise<void> {
  const { userId, displayName, roles } = event.payload;
  if (!roles.some((binding) => (CANDIDATE_ROLES as readonly string[]).includes(binding.role))) return;
  const changedAt = new Date(event.occurredAt);
  const row = await ctx.em.findOne(CandidateName, { candidateId: userId });
  if (row && row.changedAt > changedAt) return;
  if (row) Object.assign(row, { displayName: displayName.slice(0, 100), changedAt });
  else ctx.em.create(CandidateName, { candidateId: userId, displayName: displayName.slice(0, 100), changedAt });
  await ctx.em.flush();
}

/**
 * What certification knows of candidates, from events only: registry's records, exam results and
 * transfers (eligibility, the school flow) and identity's names (the certificate's holder).
 */
export const candidateFactConsumer: EventConsumer<CertificationServices> = {
  name: "candidate-fact",
  handlers: [
    on(RecordRegistered, recordRegistered),
    on(ExamResultsRecorded, examResultsRecorded),
    on(RecordTransferredIn, recordTransferredIn),
    on(UserContactChanged, contactChanged),
  ],
};
