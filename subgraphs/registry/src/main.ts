import { runSubgraph } from "@xuekao/subgraph-kit";
import { registrySubgraph } from "./subgraph.js";

runSubgraph(registrySubgraph);
