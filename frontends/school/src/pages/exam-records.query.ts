import { graphql } from "@xuekao/graphql-client";

// Fields from two subgraphs: registry (record) and identity (candidate, school). A student's
// inbox is theirs alone, so the roster shows no unread counts.
export const ExamRecordsQuery = graphql(`
  query SchoolExamRecords($limit: Int!) {
    examRecords(limit: $limit) {
      id
      recordNumber
      status
      candidate {
        id
        displayName
      }
      school {
        name
      }
    }
  }
`);
