import { defineErrors } from "@xuekao/subgraph-kit";

export const ApiClientErrors = defineErrors("api-client", {
  /** The same words for an unknown client, a disabled one and a wrong secret. */
  UNAUTHENTICATED: { category: "UNAUTHENTICATED", message: "客户端编号或密钥错误" },
});
