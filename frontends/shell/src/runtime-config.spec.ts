import { describe, expect, it } from "vitest";
import { runtimeConfigFrom } from "../runtime-config";

describe("runtime config served as /config.json", () => {
  it("defaults to the local development ports", () => {
    expect(runtimeConfigFrom({}).remotes).toEqual([
      { name: "candidate", prefix: "/candidate", entry: "http://localhost:5174/remoteEntry.js" },
      { name: "school", prefix: "/school", entry: "http://localhost:5175/remoteEntry.js" },
      { name: "bureau", prefix: "/bureau", entry: "http://localhost:5176/remoteEntry.js" },
    ]);
  });

  it("takes each remote's entry from the environment", () => {
    const config = runtimeConfigFrom({ SCHOOL_REMOTE_URL: "https://school.example.cn/remoteEntry.js" });
    expect(config.remotes.find((r) => r.name === "school")?.entry).toBe("https://school.example.cn/remoteEntry.js");
    expect(config.graphqlPath).toBe("/graphql");
  });
});
