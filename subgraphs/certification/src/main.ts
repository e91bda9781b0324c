import { runSubgraph } from "@xuekao/subgraph-kit";
import { certificationSubgraph } from "./subgraph.js";

runSubgraph(certificationSubgraph);
