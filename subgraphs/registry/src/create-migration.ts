import { fileURLToPath } from "node:url";
import { createMigrations } from "@xuekao/subgraph-kit";
import { registrySubgraph } from "./subgraph.js";

const written = await createMigrations(registrySubgraph, fileURLToPath(new URL("../src/migrations", import.meta.url)));
console.log(written.length ? `written: ${written.join(", ")}` : "entities and migrations agree: nothing to write");
