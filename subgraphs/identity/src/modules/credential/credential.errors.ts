import { defineErrors } from "@xuekao/subgraph-kit";

/** Which password rule was broken (see `checkPasswordStrength`). */
export type PasswordRule = "length" | "classes" | "username";

export const PASSWORD_MIN_LENGTH = 8;
export const PASSWORD_MAX_LENGTH = 64;

const RULE_MESSAGES: Record<PasswordRule, string> = {
  length: `密码长度须为 ${PASSWORD_MIN_LENGTH} 至 ${PASSWORD_MAX_LENGTH} 位`,
  classes: "密码须至少包含小写字母、大写字母、数字、符号中的三类",
  username: "密码不能包含用户名",
};

export const CredentialErrors = defineErrors("credential", {
  /** The message names the rule, in Chinese. */
  PASSWORD_TOO_WEAK: { category: "BAD_USER_INPUT", field: "password", message: (params: { rule: PasswordRule }) => RULE_MESSAGES[params.rule] },
});
