export * from "./storage.js";
export * from "./local-disk-storage.js";
export * from "./s3-storage.js";
export * from "./file-config.js";
export * from "./signed-url.js";
export * from "./file-errors.js";
export * from "./receive-upload.js";
export * from "./file-routes.js";
