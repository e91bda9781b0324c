import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { composeServices } from "@apollo/composition";
import { parse, printSchema } from "graphql";
import { SUBGRAPHS } from "./config.js";

export const SUPERGRAPH_FILE = fileURLToPath(new URL("../supergraph.graphql", import.meta.url));
export const API_SCHEMA_FILE = fileURLToPath(new URL("../api.graphql", import.meta.url));

const subgraphSchemaFile = (name: string) => fileURLToPath(new URL(`../../subgraphs/${name}/schema.graphql`, import.meta.url));

export interface Composed {
  supergraphSdl: string;
  /** The schema clients see (no federation internals): input of the frontends' code generation. */
  apiSdl: string;
}

/**
 * Offline composition of the committed `schema.graphql` of every subgraph. The URLs written
 * into the supergraph are the development defaults; the gateway overrides them from its config.
 */
export function composeSupergraph(readSdl: (name: string) => string = (name) => readFileSync(subgraphSchemaFile(name), "utf8")): Composed {
  const result = composeServices(
    SUBGRAPHS.map(({ name, defaultPort }) => ({
      name,
      url: `http://127.0.0.1:${defaultPort}/graphql`,
      typeDefs: parse(readSdl(name)),
    })),
  );
  if (result.errors) {
    throw new Error(`Composition failed:\n${result.errors.map((error) => `  - ${error.message}`).join("\n")}`);
  }
  return {
    supergraphSdl: `${result.supergraphSdl.trim()}\n`,
    apiSdl: `${printSchema(result.schema.toAPISchema().toGraphQLJSSchema()).trim()}\n`,
  };
}
