// @xuekao/certificates: what a certificate says, its Ed25519 signature, its verification code, the
// signing key and the PDF. Node only (pdfkit, node:crypto); the browser only shows what the
// certification subgraph answers.
export * from "./fields.js";
export * from "./keys.js";
export * from "./pdf.js";
export * from "./signing.js";
export * from "./verification-code.js";
export * from "./test-fields.js";
