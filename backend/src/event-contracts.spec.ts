import { SubjectsCertified } from "@xuekao/certification/events";
import { registrySubgraph } from "@xuekao/registry";
import { describe, expect, it } from "vitest";

/**
 * A contract a consumer keeps its own copy of, because importing the producer's would make a
 * build cycle (certification depends on registry): the copy must stay the producer's contract.
 */
describe("event contracts copied between subgraphs", () => {
  it("registry consumes certification.subjects-certified exactly as certification defines it", () => {
    const copy = registrySubgraph.consumers?.flatMap((consumer) => consumer.handlers).find((handler) => handler.event.type === SubjectsCertified.type)?.event;
    expect(copy).toBeDefined();
    expect(copy!.version).toBe(SubjectsCertified.version);
    expect(copy!.payload.toJSONSchema()).toEqual(SubjectsCertified.payload.toJSONSchema());
  });
});
