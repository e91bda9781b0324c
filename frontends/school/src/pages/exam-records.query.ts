import { graphql } from "@xuekao/graphql-client";

// Fields from three subgraphs: registry (record), identity (candidate, school), notification (unread count).
export const ExamRecordsQuery = graphql(`
  query SchoolExamRecords($limit: Int!) {
    examRecords(limit: $limit) {
      id
      recordNumber
      status
      candidate {
        id
        displayName
        unreadNotificationCount
      }
      school {
        name
      }
    }
  }
`);
