import { fileURLToPath } from "node:url";
import { emitSubgraphSchema } from "@xuekao/subgraph-kit";
import { identitySubgraph } from "./subgraph.js";

await emitSubgraphSchema(identitySubgraph, fileURLToPath(new URL("../schema.graphql", import.meta.url)));
