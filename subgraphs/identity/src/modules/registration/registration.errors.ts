import { DomainError } from "@xuekao/subgraph-kit";

/** Letter first, then 4–32 letters, digits or underscores (never all digits: those are mobiles). */
export const USERNAME_PATTERN = /^[A-Za-z][A-Za-z0-9_]{3,31}$/;

export const RegistrationErrors = {
  usernameInvalid: () =>
    new DomainError("USERNAME_INVALID", "BAD_USER_INPUT", "用户名须以字母开头，由 4 至 32 位字母、数字或下划线组成", { field: "username" }),
  usernameTaken: () => new DomainError("USERNAME_TAKEN", "CONFLICT", "该用户名已被注册", { field: "username" }),
  displayNameInvalid: () =>
    new DomainError("DISPLAY_NAME_INVALID", "BAD_USER_INPUT", "姓名须为 2 至 30 个字符", { field: "displayName" }),
  countyInvalid: () =>
    new DomainError("COUNTY_INVALID", "BAD_USER_INPUT", "请选择户籍所在的旗县（市、区）", { field: "householdCountyId" }),
};
