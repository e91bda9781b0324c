import type { EntityManager } from "@mikro-orm/core";
import { ExamRecord } from "./exam-record.entity.js";

export const MAX_RECORDS_PAGE = 200;

export class ExamRecordService {
  constructor(private readonly em: EntityManager) {}

  list(limit: number): Promise<ExamRecord[]> {
    return this.em.find(
      ExamRecord,
      {},
      { orderBy: { recordNumber: "asc" }, limit: Math.min(Math.max(limit, 1), MAX_RECORDS_PAGE) },
    );
  }
}
