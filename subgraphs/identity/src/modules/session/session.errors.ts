import { formatBeijingMessageTime } from "@xuekao/rules";
import { DomainError } from "@xuekao/subgraph-kit";

export const SessionErrors = {
  /** The same words whether or not the user exists: nothing to learn by guessing names. */
  invalidCredentials: () => new DomainError("UNAUTHENTICATED", "UNAUTHENTICATED", "用户名或密码错误"),
  accountLocked: (unlockAt: Date) =>
    new DomainError(
      "ACCOUNT_LOCKED",
      "UNAUTHENTICATED",
      `密码错误次数过多，账号已暂时锁定，请于${formatBeijingMessageTime(unlockAt)}（北京时间）后再试`,
      { unlockAt: unlockAt.toISOString() },
    ),
  refreshInvalid: () => new DomainError("REFRESH_TOKEN_INVALID", "UNAUTHENTICATED", "登录已失效，请重新登录"),
  refreshReused: () =>
    new DomainError("REFRESH_TOKEN_REUSED", "UNAUTHENTICATED", "检测到登录凭证被重复使用，为保护账号安全已退出所有登录，请重新登录"),
  notSignedIn: () => new DomainError("UNAUTHENTICATED", "UNAUTHENTICATED", "请先登录"),
};
