import { readFileSync } from "node:fs";
import { API_SCHEMA_FILE, loadGatewayConfig, operationRefusals, QUERY_TOO_COMPLEX } from "@xuekao/gateway";
import { buildSchema, print, type DocumentNode } from "graphql";
import { describe, expect, it } from "vitest";
import * as generated from "./generated/graphql.js";

/** Every operation the frontends send: the typed documents generated from their `*.query.ts` files. */
const operations = Object.entries(generated as Record<string, unknown>)
  .filter((entry): entry is [string, DocumentNode] => entry[0].endsWith("Document") && (entry[1] as DocumentNode | undefined)?.kind === "Document")
  .map(([name, document]) => ({ name: name.replace(/Document$/, ""), source: print(document) }));

const schema = buildSchema(readFileSync(API_SCHEMA_FILE, "utf8"));
/** The limits a production gateway runs with when no GRAPHQL_MAX_* variable is set. */
const productionLimits = loadGatewayConfig({ NODE_ENV: "production" }).queryLimits;

describe("the gateway's query limits and the frontends' operations", () => {
  it("finds the generated operations", () => {
    expect(operations.length).toBeGreaterThan(10);
  });

  it.each(operations)("accepts $name under the default limits", ({ source }) => {
    expect(operationRefusals(schema, source, productionLimits).map((error) => error.message)).toEqual([]);
  });

  it("refuses some of them once a limit is tightened (the check is not vacuous)", () => {
    const tight = { ...productionLimits, maxDepth: 2 };
    const refused = operations.filter(({ source }) => operationRefusals(schema, source, tight).some((error) => error.extensions.code === QUERY_TOO_COMPLEX));
    expect(refused.length).toBeGreaterThan(0);
  });
});
