import { graphql } from "@xuekao/graphql-client";

/** The pre-registrations waiting for the signed-in class teacher, longest waiting first. */
export const SchoolPreRegistrationQueueQuery = graphql(`
  query SchoolPreRegistrationQueue($first: Int, $after: String, $filter: PreRegistrationQueueFilter) {
    preRegistrationQueue(first: $first, after: $after, filter: $filter) {
      items {
        id
        name
        idNumber
        studentNumber
        gender
        birthDate
        stepKey
        status
        submittedAt
        schoolClass {
          id
          name
        }
        school {
          name
        }
        application {
          id
          version
          round
          stepName
          canDecide
          allowedDecisions
          lastReason
          history {
            id
            round
            action
            stepName
            reason
            occurredAt
            actorRole
          }
        }
      }
      nextCursor
    }
    me {
      id
      roles {
        role
        organization {
          id
          name
          kind
        }
      }
    }
  }
`);

export const SchoolReviewPreRegistrationMutation = graphql(`
  mutation SchoolReviewPreRegistration($input: ReviewPreRegistrationInput!) {
    reviewPreRegistration(input: $input) {
      id
      status
    }
  }
`);

export const SchoolApprovePreRegistrationsMutation = graphql(`
  mutation SchoolApprovePreRegistrations($input: BulkApprovePreRegistrationsInput!) {
    approvePreRegistrations(input: $input) {
      preRegistrationId
      ok
      code
      message
    }
  }
`);
