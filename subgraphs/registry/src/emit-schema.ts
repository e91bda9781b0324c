import { fileURLToPath } from "node:url";
import { emitSubgraphSchema } from "@xuekao/subgraph-kit";
import { registrySubgraph } from "./subgraph.js";

await emitSubgraphSchema(registrySubgraph, fileURLToPath(new URL("../schema.graphql", import.meta.url)));
