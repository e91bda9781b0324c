import { defineErrors } from "@xuekao/subgraph-kit";

/** Letter first, then 4–32 letters, digits or underscores (never all digits: those are mobiles). */
export const USERNAME_PATTERN = /^[A-Za-z][A-Za-z0-9_]{3,31}$/;

export const RegistrationErrors = defineErrors("registration", {
  USERNAME_INVALID: { category: "BAD_USER_INPUT", field: "username", message: "用户名须以字母开头，由 4 至 32 位字母、数字或下划线组成" },
  USERNAME_TAKEN: { category: "CONFLICT", field: "username", message: "该用户名已被注册" },
  DISPLAY_NAME_INVALID: { category: "BAD_USER_INPUT", field: "displayName", message: "姓名须为 2 至 30 个字符" },
  COUNTY_INVALID: { category: "BAD_USER_INPUT", field: "householdCountyId", message: "请选择户籍所在的旗县（市、区）" },
});
