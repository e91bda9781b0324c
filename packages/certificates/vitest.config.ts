export { default } from "../../vitest.node.js";
