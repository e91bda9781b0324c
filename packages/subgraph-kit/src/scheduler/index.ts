export * from "./job-lease.entity.js";
export * from "./scheduler.js";
