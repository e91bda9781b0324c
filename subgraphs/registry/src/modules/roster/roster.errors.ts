import { defineErrors } from "@xuekao/subgraph-kit";

export const RosterErrors = defineErrors("roster", {
  ROSTER_SCHOOL_NOT_FOUND: { category: "BAD_USER_INPUT", field: "schoolId", message: "学校不存在" },
  ROSTER_CLASS_NOT_FOUND: { category: "BAD_USER_INPUT", field: "classId", message: "班级不存在或不属于该学校" },
});
