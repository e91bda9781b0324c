import { defineErrors } from "@xuekao/subgraph-kit";

export const RosterErrors = defineErrors("roster", {
  ROSTER_SCHOOL_NOT_FOUND: { category: "BAD_USER_INPUT", field: "schoolId", message: "学校不存在" },
});
