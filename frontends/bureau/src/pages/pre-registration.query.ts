import { graphql } from "@xuekao/graphql-client";

/** Pre-registrations waiting at one step the signed-in agency acts on (collection or a review). */
export const BureauPreRegistrationQueueQuery = graphql(`
  query BureauPreRegistrationQueue($first: Int, $after: String, $filter: PreRegistrationQueueFilter) {
    preRegistrationQueue(first: $first, after: $after, filter: $filter) {
      items {
        id
        candidateKind
        name
        idNumber
        gender
        birthDate
        ethnicityCode
        studentNumber
        householdLocation
        mobile
        stepKey
        status
        submittedAt
        schoolClass {
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
  }
`);

export const BureauReviewPreRegistrationMutation = graphql(`
  mutation BureauReviewPreRegistration($input: ReviewPreRegistrationInput!) {
    reviewPreRegistration(input: $input) {
      id
      status
    }
  }
`);

export const RevealPreRegistrationIdNumberMutation = graphql(`
  mutation RevealPreRegistrationIdNumber($preRegistrationId: ID!) {
    revealPreRegistrationIdNumber(preRegistrationId: $preRegistrationId)
  }
`);

export const RequestRegistrationPhotoUploadMutation = graphql(`
  mutation RequestRegistrationPhotoUpload($preRegistrationId: ID!, $fileName: String!) {
    requestRegistrationPhotoUpload(preRegistrationId: $preRegistrationId, fileName: $fileName) {
      fileId
      uploadUrl
      maxBytes
      allowedTypes
    }
  }
`);

export const CollectPreRegistrationMutation = graphql(`
  mutation CollectPreRegistration($input: CollectPreRegistrationInput!) {
    collectPreRegistration(input: $input) {
      id
      status
      recordNumber
      name
    }
  }
`);

/** Which of the agency roles the signed-in person holds: decides the queue the review page shows. */
export const BureauMyRolesQuery = graphql(`
  query BureauMyRoles {
    me {
      id
      roles {
        role
      }
    }
  }
`);
