import { bootOrExit } from "@xuekao/subgraph-kit";
import { runCommand } from "./commands.js";

void bootOrExit(async () => {
  const code = await runCommand(process.argv.slice(2), process.env, { write: (line) => process.stdout.write(`${line}\n`) });
  process.exit(code);
});
