import { graphql } from "@xuekao/graphql-client";

/** The cases waiting at a step the signed-in agency acts on, earliest deadline first. */
export const CertificationReviewQueueQuery = graphql(`
  query CertificationReviewQueue($first: Int, $after: String) {
    certificationReviewQueue(first: $first, after: $after) {
      items {
        id
        originProvinceCode
        submittedAt
        candidate {
          displayName
        }
        evidence {
          id
          fileName
          downloadUrl
        }
        application {
          id
          kindName
          stepName
          dueAt
          round
          version
          canDecide
        }
      }
      nextCursor
    }
  }
`);

export const DecideCertificationCaseMutation = graphql(`
  mutation DecideCertificationCase($input: DecideCertificationCaseInput!) {
    decideCertificationCase(input: $input) {
      id
      status
      application {
        status
        stepName
        version
      }
    }
  }
`);
