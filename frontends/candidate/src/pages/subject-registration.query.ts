import { graphql } from "@xuekao/graphql-client";

/** The sessions of my province (the server decides whether each window is open) and my entries. */
export const SubjectRegistrationQuery = graphql(`
  query CandidateSubjectRegistration {
    examSessions {
      id
      code
      name
      registrationClosesAt
      registrationOpen
      subjects {
        code
        name
      }
    }
    subjectEntries(first: 100) {
      items {
        id
        sessionId
        subjectCode
        result
      }
    }
  }
`);

export const EnterSubjectsMutation = graphql(`
  mutation CandidateEnterSubjects($input: EnterSubjectsInput!) {
    enterSubjects(input: $input) {
      id
      subjectCode
    }
  }
`);

export const WithdrawSubjectEntryMutation = graphql(`
  mutation CandidateWithdrawSubjectEntry($input: WithdrawSubjectEntryInput!) {
    withdrawSubjectEntry(input: $input) {
      id
      subjectCode
    }
  }
`);

/** My results, of the sessions whose scores are published (the server hides the others'). */
export const MyResultsQuery = graphql(`
  query CandidateResults {
    subjectEntries(first: 100) {
      items {
        id
        subjectCode
        result
        score
        resultPublished
        subject {
          name
        }
        session {
          id
          name
          scoresPublishedAt
        }
      }
    }
  }
`);
