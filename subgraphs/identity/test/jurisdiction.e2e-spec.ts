import { DEMO_PASSWORD } from "@xuekao/demo-data";
import { signedInAs, startTestSubgraph, testDrivers, type TestSubgraph } from "@xuekao/subgraph-kit/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { identitySubgraph } from "../src/subgraph.js";

const drivers = await testDrivers();
const JURISDICTION = `{ myJurisdiction { code name kind } }`;

describe.each(drivers)("myJurisdiction on %s", (driver) => {
  let identity: TestSubgraph;
  const as = signedInAs(() => identity.url, DEMO_PASSWORD);
  const codes = async (username: string) => {
    const result = await identity.graphql<{ myJurisdiction: { code: string }[] }>(JURISDICTION, {}, await as(username));
    expect(result.errors).toBeUndefined();
    return result.data!.myJurisdiction.map((organization) => organization.code);
  };

  beforeAll(async () => {
    identity = await startTestSubgraph(identitySubgraph, driver, { seedDemo: true });
  });
  afterAll(async () => {
    await identity?.stop();
  });

  it("gives a county agency its county and what lies under it, nothing above or beside it", async () => {
    expect(await codes("county1")).toEqual(["150102", "1501020001", "150102000101", "150102000102"]);
  });

  it("gives the province institute its whole province and no other", async () => {
    const region = await codes("region1");
    expect(region).toContain("15");
    expect(region).toContain("150102000102");
    expect(region.every((code) => code.startsWith("15"))).toBe(true);
  });

  it("gives a class teacher the class, and a candidate nothing", async () => {
    expect(await codes("teacher1")).toEqual(["150102000101"]);
    expect(await codes("candidate1")).toEqual([]);
  });

  it("asks an anonymous caller to log in", async () => {
    const result = await identity.graphql(JURISDICTION);
    expect(result.errors?.[0]?.extensions?.code).toBe("UNAUTHENTICATED");
  });
});
