// "#ui/vite" is @xuekao/ui/vite (package.json "imports"): vite bundles a subpath import into the
// config, while a package import would go to Node unbundled, and Node cannot load TypeScript.
import { defineRemoteConfig } from "#ui/vite";

export default defineRemoteConfig({
  name: "school",
  portEnv: "SCHOOL_PORT",
  defaultPort: 5175,
  exposes: { "./routes": "./src/routes.ts", "./Summary": "./src/Summary.vue" },
});
