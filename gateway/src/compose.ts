import { writeFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { API_SCHEMA_FILE, composeSupergraph, SUPERGRAPH_FILE } from "./composition.js";
import { gatewayErrorEntries } from "./errors.js";

// `turbo run compose`: each subgraph has just emitted its schema.graphql; compose them.
const { supergraphSdl, apiSdl } = composeSupergraph();
writeFileSync(SUPERGRAPH_FILE, supergraphSdl);
writeFileSync(API_SCHEMA_FILE, apiSdl);
console.log(`composed ${SUPERGRAPH_FILE} and ${API_SCHEMA_FILE}`);
// The gateway's own error codes, beside the subgraphs' errors.json (the client lists them all).
writeFileSync(fileURLToPath(new URL("../errors.json", import.meta.url)), `${JSON.stringify(gatewayErrorEntries(), null, 2)}\n`);
