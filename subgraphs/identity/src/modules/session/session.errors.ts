import { formatBeijingMessageTime } from "@xuekao/rules";
import { defineErrors } from "@xuekao/subgraph-kit";

/**
 * Sign-in and refresh refusals. "Please sign in" itself is the kit's `AuthErrors.UNAUTHENTICATED`
 * (请先登录), raised by the declared rules and `requireCaller`.
 */
export const SessionErrors = defineErrors("session", {
  /** The same words whether or not the user exists: nothing to learn by guessing names. */
  UNAUTHENTICATED: { category: "UNAUTHENTICATED", message: "用户名或密码错误" },
  /** Raise with `{ unlockAt }` in the details too (`extensions.unlockAt`, ISO): the page counts down to it. */
  ACCOUNT_LOCKED: {
    category: "UNAUTHENTICATED",
    message: (params: { unlockAt: Date }) => `密码错误次数过多，账号已暂时锁定，请于${formatBeijingMessageTime(params.unlockAt)}（北京时间）后再试`,
  },
  REFRESH_TOKEN_INVALID: { category: "UNAUTHENTICATED", message: "登录已失效，请重新登录" },
  REFRESH_TOKEN_REUSED: { category: "UNAUTHENTICATED", message: "检测到登录凭证被重复使用，为保护账号安全已退出所有登录，请重新登录" },
});

/** ACCOUNT_LOCKED with the instant it lifts, in the message (Beijing time) and in `extensions.unlockAt`. */
export const accountLocked = (unlockAt: Date) => SessionErrors.ACCOUNT_LOCKED({ unlockAt }, { unlockAt: unlockAt.toISOString() });
