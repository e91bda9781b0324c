export { startBackend, SUBGRAPHS, type Backend } from "./backend.js";
export { runCommand, type CommandOutput } from "./commands.js";
export { formatRuleTable, operationRuleTable, type OperationRuleRow } from "./operation-rules.js";
