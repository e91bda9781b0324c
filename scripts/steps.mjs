// Small helpers shared by the README's two commands.

/** Node 20.19+ (docs/architecture.md "Stack and versions"); say so plainly instead of failing later inside a dependency. */
export function checkNode() {
  const [major, minor] = process.versions.node.split(".").map(Number);
  if (major < 20 || (major === 20 && minor < 19)) {
    console.error(`xuekao needs Node.js 20.19 or newer; this is ${process.versions.node}.`);
    process.exit(1);
  }
}

export function step(message) {
  console.log(`\n▶ ${message}`);
}
