import { catalogEntries, listedErrors } from "@xuekao/subgraph-kit";

/**
 * The codes the gateway answers with itself (before or beside any subgraph), listed for the
 * clients' typed list of codes (`@xuekao/graphql-client`), as each subgraph lists its own.
 */
export const GatewayErrors = listedErrors("gateway", [
  ["SUBGRAPH_UNAVAILABLE", "UNAVAILABLE", "服务暂时不可用，请稍后重试"],
  ["QUERY_TOO_COMPLEX", "BAD_USER_INPUT", "查询过于复杂，请缩小查询范围"],
  ["INTERNAL_SERVER_ERROR", "INTERNAL", "服务器内部错误，请稍后重试"],
  ["BAD_REQUEST", "BAD_USER_INPUT", "请求格式有误"],
  ["PAYLOAD_TOO_LARGE", "BAD_USER_INPUT", "请求体过大"],
  ["GRAPHQL_PARSE_FAILED", "BAD_USER_INPUT", "查询语句有误"],
  ["GRAPHQL_VALIDATION_FAILED", "BAD_USER_INPUT", "查询语句有误"],
  ["NOT_FOUND", "NOT_FOUND", "不存在"],
  ["METHOD_NOT_ALLOWED", "BAD_USER_INPUT", "不支持该请求方法"],
]);

export const gatewayErrorEntries = () => catalogEntries(GatewayErrors);
