import { defineErrors } from "@xuekao/subgraph-kit";

export const OrganizationErrors = defineErrors("organization", {
  ORGANIZATION_CODE_TAKEN: { category: "CONFLICT", field: "code", message: (params: { code: string }) => `组织代码 ${params.code} 已被使用` },
  ORGANIZATION_CODE_INVALID: { category: "BAD_USER_INPUT", field: "code", message: "组织代码须为 2 至 32 位数字" },
  ORGANIZATION_NAME_INVALID: { category: "BAD_USER_INPUT", field: "name", message: "组织名称须为 2 至 100 个字符" },
  /** Raise with `{ parentId }` in the details. */
  ORGANIZATION_PARENT_NOT_FOUND: { category: "BAD_USER_INPUT", field: "parentId", message: "上级组织不存在" },
  /** Raise with `{ kind, allowed }` in the details. */
  ORGANIZATION_PARENT_KIND_INVALID: {
    category: "BAD_USER_INPUT",
    field: "parentId",
    message: (params: { allowed: readonly string[] }) => (params.allowed.length === 0 ? "省级考试院不能有上级组织" : `该类组织的上级须为：${params.allowed.join("、")}`),
  },
  /** Provinces are set up by the platform's operators (seeded configuration), never through the API. */
  FORBIDDEN: { category: "FORBIDDEN", message: "省级考试院由平台运维设立，不能在此新建" },
});
