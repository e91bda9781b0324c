import { graphql } from "@xuekao/graphql-client";

// One request for both panels: if one subgraph fails, the other panel still renders.
export const BureauOverviewQuery = graphql(`
  query BureauOverview {
    myJurisdiction {
      id
      code
      name
      kind
      parentId
    }
    registrationProgress {
      totals {
        underReview
        returned
        awaitingCollection
        registered
      }
      rows {
        organization {
          id
        }
        name
        code
        countyName
        social
        counts {
          underReview
          returned
          awaitingCollection
          registered
        }
      }
    }
    certificationCases {
      id
      originProvinceCode
      status
      submittedAt
      candidate {
        displayName
      }
    }
  }
`);
