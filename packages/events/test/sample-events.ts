import { z } from "zod";
import { defineEvent } from "../src/event.js";

// The only concrete events this package knows: real ones belong to the subgraphs producing them.

export const scoreRecorded = defineEvent({
  type: "testing.score-recorded",
  version: 1,
  description: "测试用：考生某科成绩已登记",
  payload: z.object({
    candidateId: z.uuid(),
    subject: z.string().min(1),
    score: z.number().int().min(0).max(100),
  }),
});

export const candidateRenamed = defineEvent({
  type: "testing.candidate-renamed",
  version: 1,
  description: "测试用：考生姓名已更正",
  payload: z.object({ candidateId: z.uuid(), name: z.string().min(1) }),
});
