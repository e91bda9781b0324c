import "reflect-metadata";

export * from "./auth/index.js";
export * from "./config.js";
export * from "./context.js";
export * from "./auth/caller.js";
export * from "./auth/token.js";
export * from "./database.js";
export * from "./errors.js";
export * from "./event-wiring.js";
export * from "./federation.js";
export * from "./files/index.js";
export * from "./http.js";
export * from "./input.js";
export * from "./loaders.js";
export * from "./logger.js";
export * from "./migrations.js";
export * from "./scheduler/index.js";
export * from "./subgraph.js";
