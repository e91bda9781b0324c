import { graphql } from "@xuekao/graphql-client";

// Counted by the registry for the whole school or class (not the first page of records).
export const SchoolSummaryQuery = graphql(`
  query SchoolSummary {
    registrationProgress {
      totals {
        underReview
        awaitingCollection
        registered
      }
    }
  }
`);
