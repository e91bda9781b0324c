import { writeFileSync } from "node:fs";
import { API_SCHEMA_FILE, composeSupergraph, SUPERGRAPH_FILE } from "./composition.js";

// `turbo run compose`: each subgraph has just emitted its schema.graphql; compose them.
const { supergraphSdl, apiSdl } = composeSupergraph();
writeFileSync(SUPERGRAPH_FILE, supergraphSdl);
writeFileSync(API_SCHEMA_FILE, apiSdl);
console.log(`composed ${SUPERGRAPH_FILE} and ${API_SCHEMA_FILE}`);
