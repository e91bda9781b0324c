import { graphql } from "@xuekao/graphql-client";

export const SchoolResultSessionsQuery = graphql(`
  query SchoolResultSessions {
    examSessions {
      id
      code
      name
      scoresPublishedAt
      scoresPublished
    }
  }
`);

/** The entries of the school's candidates in one session, a page at a time (results only once published). */
export const SchoolSessionResultsQuery = graphql(`
  query SchoolSessionResults($sessionId: ID!, $after: String) {
    subjectEntries(sessionId: $sessionId, first: 100, after: $after) {
      items {
        id
        recordNumber
        result
        score
        resultPublished
        subject {
          name
        }
        candidate {
          displayName
        }
      }
      nextCursor
    }
  }
`);
