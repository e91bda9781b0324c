import { fileURLToPath } from "node:url";
import { emitSubgraphSchema } from "@xuekao/subgraph-kit";
import { notificationSubgraph } from "./subgraph.js";

await emitSubgraphSchema(notificationSubgraph, fileURLToPath(new URL("../schema.graphql", import.meta.url)));
