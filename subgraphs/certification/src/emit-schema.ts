import { fileURLToPath } from "node:url";
import { emitSubgraphSchema } from "@xuekao/subgraph-kit";
import { certificationSubgraph } from "./subgraph.js";

await emitSubgraphSchema(certificationSubgraph, fileURLToPath(new URL("../schema.graphql", import.meta.url)));
