import { runSubgraph } from "@xuekao/subgraph-kit";
import { identitySubgraph } from "./subgraph.js";

runSubgraph(identitySubgraph);
