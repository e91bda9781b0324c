import { DEMO_PASSWORD, demoOrgId } from "@xuekao/demo-data";
import { postGraphQL as gatewayQuery, signedInAs } from "@xuekao/subgraph-kit/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startPlatform, type Platform } from "../src/platform.js";

/**
 * Registry knows organisations from identity's `identity.organization-changed` events, not from
 * identity's tables: a school the province institute allocates in identity becomes choosable in
 * registry's school list, through the outbox, the relay and the bus of the embedded backend.
 */
describe("identity's organisations reach registry's directory through the platform", () => {
  let platform: Platform;
  beforeAll(async () => {
    platform = await startPlatform();
  });
  afterAll(async () => {
    await platform?.stop();
  });

  it("lists a school in registrySchools once identity has created it", async () => {
    const as = signedInAs(() => platform.gatewayUrl, DEMO_PASSWORD);
    const created = await gatewayQuery<{ createOrganization: { id: string } }>(
      platform.gatewayUrl,
      `mutation($input: CreateOrganizationInput!) { createOrganization(input: $input) { id } }`,
      { input: { code: "1501020099", name: "呼和浩特市第九十九中学", kind: "SCHOOL", parentId: demoOrgId("im-xincheng") } },
      await as("region1"),
    );
    expect(created.errors).toBeUndefined();
    const id = created.data!.createOrganization.id;
    const schoolIds = async () =>
      (
        await gatewayQuery<{ registrySchools: { items: Array<{ id: string }> } }>(
          platform.gatewayUrl,
          `query($search: String) { registrySchools(search: $search) { items { id } } }`,
          { search: "1501020099" },
          await as("school1"),
        )
      ).data?.registrySchools.items.map((school) => school.id) ?? [];
    const deadline = Date.now() + 20_000;
    while (!(await schoolIds()).includes(id)) {
      if (Date.now() > deadline) throw new Error(`the school never reached registry:\n${platform.logs("backend")}`);
      await new Promise((resolve) => setTimeout(resolve, 250));
    }
    // A Beijing account sees Beijing's schools, not this one.
    const fromBeijing = await gatewayQuery<{ registrySchools: { items: Array<{ id: string }> } }>(
      platform.gatewayUrl,
      `{ registrySchools { items { id } } }`,
      {},
      await as("bjreviewer1"),
    );
    expect(fromBeijing.data?.registrySchools.items.map((school) => school.id)).not.toContain(id);
  });
});
