import { defineErrors } from "@xuekao/subgraph-kit";

export const InboxErrors = defineErrors("inbox", {
  NOTIFICATION_TITLE_INVALID: { category: "BAD_USER_INPUT", field: "title", message: "消息标题须为 1 至 100 个字符" },
  NOTIFICATION_BODY_INVALID: { category: "BAD_USER_INPUT", field: "body", message: "消息正文须为 1 至 2000 个字符" },
  /** Also another person's message: whether it exists is not theirs to know. */
  NOTIFICATION_NOT_FOUND: { category: "NOT_FOUND", message: "消息不存在或已被删除" },
});
