// @vitest-environment node
import { fileURLToPath } from "node:url";
import { loadConfigFromFile } from "vite";
import { describe, expect, it } from "vitest";

const configFile = fileURLToPath(new URL("../vite.config.ts", import.meta.url));

describe("the shell's vite config (what `npm start` serves on :5173)", () => {
  it("proxies /graphql and /files/ to the gateway in the dev server and in `vite preview`", async () => {
    const previous = process.env.GATEWAY_URL;
    process.env.GATEWAY_URL = "http://127.0.0.1:4999";
    try {
      const loaded = await loadConfigFromFile({ command: "serve", mode: "development", isPreview: true }, configFile, undefined, "silent");
      const expected = { "/graphql": { target: "http://127.0.0.1:4999" }, "/files/": { target: "http://127.0.0.1:4999" } };
      expect(loaded?.config.server?.proxy).toMatchObject(expected);
      expect(loaded?.config.preview?.proxy).toMatchObject(expected);
    } finally {
      if (previous === undefined) delete process.env.GATEWAY_URL;
      else process.env.GATEWAY_URL = previous;
    }
  });
});
