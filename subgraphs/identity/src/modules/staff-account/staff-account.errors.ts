import { defineErrors } from "@xuekao/subgraph-kit";

export const StaffAccountErrors = defineErrors("staff-account", {
  ROLE_NOT_GRANTABLE: { category: "BAD_USER_INPUT", field: "role", message: "考生和第三方系统的账号不能由工作人员创建" },
  /** `kindLabel`: where the role must sit, in Chinese (学校, 班级, …). */
  ROLE_ORGANIZATION_MISMATCH: { category: "BAD_USER_INPUT", field: "organizationId", message: (params: { kindLabel: string }) => `该角色须设在${params.kindLabel}` },
  ORGANIZATION_NOT_FOUND: { category: "BAD_USER_INPUT", field: "organizationId", message: "组织不存在" },
  /** Also for someone outside the caller's scope: no probing of other schools' accounts. */
  USER_NOT_FOUND: { category: "BAD_USER_INPUT", field: "userId", message: "用户不存在" },
  ROLE_ALREADY_BOUND: { category: "CONFLICT", message: "该用户在此组织已有该角色" },
  ROLE_NOT_FOR_CANDIDATE: { category: "BAD_USER_INPUT", field: "userId", message: "考生账号不能被授予工作人员角色，请为工作人员另建账号" },
});
