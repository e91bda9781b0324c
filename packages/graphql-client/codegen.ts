// Typed operations for the frontends, generated from the gateway's API schema.
// `compose` (turbo) re-runs this after the gateway composes its schema; the output is committed
// so that a frontend builds without a running gateway.
import type { CodegenConfig } from "@graphql-codegen/cli";

const config: CodegenConfig = {
  schema: "../../gateway/api.graphql",
  // Each frontend declares its operations next to the page that uses them, with `graphql()`.
  documents: ["../../frontends/*/src/**/*.{ts,vue}", "!../../frontends/*/src/**/*.spec.ts"],
  ignoreNoDocuments: true,
  // Relative imports with ".js" so the output also type-checks under NodeNext resolution.
  emitLegacyCommonJSImports: false,
  generates: {
    "src/generated/": {
      preset: "client",
      presetConfig: { fragmentMasking: false },
      config: {
        useTypeImports: true,
        enumsAsTypes: true,
        scalars: { DateTimeISO: "string" },
        skipTypename: true,
      },
    },
  },
};

export default config;
