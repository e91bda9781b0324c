import { DomainError } from "@xuekao/subgraph-kit";

export const InboxErrors = {
  titleInvalid: () => new DomainError("NOTIFICATION_TITLE_INVALID", "BAD_USER_INPUT", "消息标题须为 1 至 100 个字符", { field: "title" }),
  bodyInvalid: () => new DomainError("NOTIFICATION_BODY_INVALID", "BAD_USER_INPUT", "消息正文须为 1 至 2000 个字符", { field: "body" }),
  notFound: (id: string) => new DomainError("NOTIFICATION_NOT_FOUND", "NOT_FOUND", "消息不存在或已被删除", { id }),
};
