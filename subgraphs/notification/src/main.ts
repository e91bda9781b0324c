import { runSubgraph } from "@xuekao/subgraph-kit";
import { notificationSubgraph } from "./subgraph.js";

runSubgraph(notificationSubgraph);
