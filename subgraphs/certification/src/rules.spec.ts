import { buildFederatedSchema, declaredRules, ruleTable, subgraphResolvers } from "@xuekao/subgraph-kit";
import { describe, expect, it } from "vitest";
import { certificationSubgraph } from "./subgraph.js";

describe("certification's declared rules", () => {
  it("names a rule on every Query and Mutation field, as this table says", async () => {
    const resolvers = subgraphResolvers(certificationSubgraph);
    const schema = await buildFederatedSchema({ ...certificationSubgraph, resolvers });
    const table = Object.fromEntries(ruleTable(schema, declaredRules(resolvers)).map((row) => [row.field, row.rule]));
    expect(table).toEqual({
      "Query.certificationAuditTrail": "in-scope READ_AUDIT_TRAIL",
      "Query.certificationCase": "in-scope READ_CASES",
      "Query.certificationCases": "in-scope READ_CASES",
      "Query.certificationEligibility": "role START_CASES",
      "Query.certificationReviewQueue": "in-scope REVIEW_CASES",
      "Query.certificationSourceRules": "signed-in",
      "Query.certificationWindows": "signed-in",
      "Query.certificationWorkflowDefinitions": "in-scope READ_WORKFLOWS",
      "Query.myCertificates": "signed-in",
      "Query.myCertificationCases": "signed-in",
      "Query.schoolCertificationCases": "role SCHOOL_CASES",
      "Query.verifyCertificate": "public",
      "Mutation.decideCertificationCase": "role REVIEW_CASES",
      "Mutation.requestCertificationEvidenceUpload": "role FILE_CASES",
      "Mutation.revokeCertificate": "role REVOKE_CERTIFICATES",
      "Mutation.saveCertificationSubjects": "role REVIEW_CASES",
      "Mutation.saveCertificationSourceRules": "role CONFIGURE_CERTIFICATION",
      "Mutation.saveCertificationWindow": "role CONFIGURE_CERTIFICATION",
      "Mutation.startCertificationCase": "role START_CASES",
      "Mutation.startSchoolCertificationCase": "role SCHOOL_CASES",
      "Mutation.submitCertificationCase": "role FILE_CASES",
      "Mutation.updateCertificationWorkflowDefinition": "role CONFIGURE_WORKFLOWS",
    });
  });
});
