export { startBackend, SUBGRAPHS, type Backend } from "./backend.js";
