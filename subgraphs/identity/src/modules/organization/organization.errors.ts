import { DomainError } from "@xuekao/subgraph-kit";
import type { OrganizationKind } from "./organization.entity.js";

export const OrganizationErrors = {
  codeTaken: (code: string) =>
    new DomainError("ORGANIZATION_CODE_TAKEN", "CONFLICT", `组织代码 ${code} 已被使用`, { field: "code" }),
  codeInvalid: () =>
    new DomainError("ORGANIZATION_CODE_INVALID", "BAD_USER_INPUT", "组织代码须为 2 至 32 位数字", { field: "code" }),
  nameInvalid: () =>
    new DomainError("ORGANIZATION_NAME_INVALID", "BAD_USER_INPUT", "组织名称须为 2 至 100 个字符", { field: "name" }),
  parentNotFound: (parentId: string) =>
    new DomainError("ORGANIZATION_PARENT_NOT_FOUND", "BAD_USER_INPUT", "上级组织不存在", { field: "parentId", parentId }),
  parentKindInvalid: (kind: OrganizationKind, allowed: readonly string[]) =>
    new DomainError(
      "ORGANIZATION_PARENT_KIND_INVALID",
      "BAD_USER_INPUT",
      allowed.length === 0 ? "省级考试院不能有上级组织" : `该类组织的上级须为：${allowed.join("、")}`,
      { field: "parentId", kind, allowed },
    ),
};
