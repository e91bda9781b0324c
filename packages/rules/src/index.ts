// @xuekao/rules: the domain rules the subgraphs and the browser both apply, in one place so a
// form and the server that checks it again never disagree. No Node-only imports (Vite bundles it).
export * from "./beijing-time.js";
export * from "./codes.js";
export * from "./ethnic-groups.js";
export * from "./id-number.js";
export * from "./masking.js";
export * from "./mobile.js";
export * from "./organization-levels.js";
export * from "./provinces.js";
export * from "./recognition.js";
export * from "./registration-form.js";
export * from "./school-year.js";
