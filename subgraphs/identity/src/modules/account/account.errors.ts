import { defineErrors } from "@xuekao/subgraph-kit";

export const AccountErrors = defineErrors("account", {
  CURRENT_PASSWORD_WRONG: { category: "BAD_USER_INPUT", field: "currentPassword", message: "当前密码不正确" },
});
