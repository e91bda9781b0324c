// Who is calling (verified from the access token) and the one authorisation decision on it.
export * from "./caller.js";
export * from "./authorization.js";
export * from "./scope-query.js";
export * from "./rules.js";
