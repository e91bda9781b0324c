import { graphql } from "@xuekao/graphql-client";

export const ExamSessionsQuery = graphql(`
  query CandidateExamSessions {
    examSessions {
      id
      code
      name
      registrationOpensAt
      registrationClosesAt
    }
  }
`);
