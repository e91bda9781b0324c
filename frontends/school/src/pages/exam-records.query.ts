import { graphql } from "@xuekao/graphql-client";

// Fields from two subgraphs: registry (record) and identity (candidate, school). A student's
// inbox is theirs alone, so the roster shows no unread counts. Paged: a county holds thousands.
export const ExamRecordsQuery = graphql(`
  query SchoolExamRecords($first: Int, $after: String) {
    examRecordPage(first: $first, after: $after) {
      items {
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
      nextCursor
    }
  }
`);
