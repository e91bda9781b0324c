import { graphql } from "@xuekao/graphql-client";

/** Everything the form and its timeline show, in one shape for the query and the mutations' answers. */
export const MyPreRegistrationFields = graphql(`
  fragment MyPreRegistrationFields on PreRegistration {
    id
    hasIdNumber
    status
    version
    candidateKind
    studentNumber
    recordNumber
    name
    gender
    ethnicityCode
    politicalStatus
    studentCategory
    householdLocation
    householdAuthority
    idNumber
    birthDate
    mobile
    address
    postcode
    foreignLanguage
    enrollmentYear
    submittedAt
    registeredAt
    resume {
      from
      to
      organization
      role
    }
    familyMembers {
      relation
      name
      organization
      mobile
    }
    guardian {
      name
      relation
      mobile
    }
    school {
      id
      name
    }
    schoolClass {
      name
    }
    application {
      id
      status
      stepKey
      stepName
      round
      lastReason
      history {
        id
        round
        action
        stepName
        reason
        occurredAt
        resultStatus
        actorRole
      }
    }
  }
`);

/**
 * The candidate's own pre-registration and who they are: an in-school candidate (bound at their
 * class) chooses their school, a social candidate does not.
 */
export const MyPreRegistrationQuery = graphql(`
  query MyPreRegistration {
    myPreRegistration {
      ...MyPreRegistrationFields
    }
    me {
      id
      displayName
      roles {
        role
        organization {
          id
          kind
          parentId
        }
      }
    }
  }
`);

/**
 * The schools of the candidate's province for the school picker, searched by name or code on the
 * server (a province has about a thousand: never loaded all at once).
 */
export const ProvinceSchoolsQuery = graphql(`
  query CandidateProvinceSchools($search: String, $first: Int) {
    registrySchools(search: $search, first: $first) {
      items {
        id
        code
        name
      }
    }
  }
`);

export const SavePreRegistrationDraftMutation = graphql(`
  mutation SavePreRegistrationDraft($input: SavePreRegistrationInput!) {
    savePreRegistrationDraft(input: $input) {
      ...MyPreRegistrationFields
    }
  }
`);

export const SubmitPreRegistrationMutation = graphql(`
  mutation SubmitPreRegistration($input: SubmitPreRegistrationInput!) {
    submitPreRegistration(input: $input) {
      ...MyPreRegistrationFields
    }
  }
`);

/** For the home page's card: whether the candidate still has to pre-register. */
export const PreRegistrationSummaryQuery = graphql(`
  query CandidatePreRegistrationSummary {
    myPreRegistration {
      id
      status
      recordNumber
    }
  }
`);
