import { graphql } from "@xuekao/graphql-client";

export const BureauExamSessionsQuery = graphql(`
  query BureauExamSessions($provinceCode: String!) {
    examSessions {
      id
      code
      name
      provinceCode
      registrationOpensAt
      registrationClosesAt
      scoresPublishedAt
      registrationOpen
      subjects {
        code
        name
      }
    }
    examSubjects(provinceCode: $provinceCode) {
      code
      name
      runBy
    }
  }
`);

export const BureauCreateExamSessionMutation = graphql(`
  mutation BureauCreateExamSession($input: CreateExamSessionInput!) {
    createExamSession(input: $input) {
      id
      code
      name
    }
  }
`);
