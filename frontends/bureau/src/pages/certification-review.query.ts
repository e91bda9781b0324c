import { graphql } from "@xuekao/graphql-client";

/** The cases waiting at a step the signed-in agency acts on, earliest deadline first (the server orders). */
export const CertificationReviewQueueQuery = graphql(`
  query CertificationReviewQueue($first: Int, $after: String) {
    certificationReviewQueue(first: $first, after: $after) {
      items {
        id
        kind
        status
        originProvinceCode
        submittedAt
        candidate {
          displayName
        }
        evidence {
          id
        }
        application {
          id
          kindName
          stepName
          dueAt
          warnAt
          round
          version
          canDecide
        }
      }
      nextCursor
    }
  }
`);

/** One case as its reviewer sees it: every evidence file, the recorded subjects and the decision state. */
export const CertificationReviewCaseQuery = graphql(`
  query CertificationReviewCase($id: ID!) {
    certificationCase(id: $id) {
      id
      kind
      status
      originProvinceCode
      certifyingProvinceCode
      submittedAt
      candidate {
        displayName
      }
      requiredEvidence {
        slot
        name
        file {
          id
          fileName
          mimeType
          uploadedAt
          downloadUrl
        }
      }
      subjects {
        subjectCode
        subjectName
        grade
        score
        fullScore
        passed
        explanation
        parts {
          subjectCode
          subjectName
          grade
          score
          fullScore
          passed
          explanation
        }
      }
      application {
        id
        kindName
        stepName
        dueAt
        round
        version
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
        }
      }
    }
  }
`);

/** The source province's scale as the certifying province configured it (for the live verdict). */
export const CertificationReviewSourceRulesQuery = graphql(`
  query CertificationReviewSourceRules($sourceProvinceCode: String!, $certifyingProvinceCode: String!) {
    certificationSourceRules(sourceProvinceCode: $sourceProvinceCode, certifyingProvinceCode: $certifyingProvinceCode) {
      id
      sourceProvinceCode
      grades
      passGrade
      artAsMusicAndFineArt
      fullScores {
        subjectCode
        fullScore
      }
    }
  }
`);

export const SaveCertificationSubjectsMutation = graphql(`
  mutation SaveCertificationSubjects($caseId: ID!, $subjects: [CertificationSubjectInput!]!) {
    saveCertificationSubjects(input: { caseId: $caseId, subjects: $subjects }) {
      id
      subjects {
        subjectCode
        passed
        explanation
      }
      application {
        id
        version
      }
    }
  }
`);

export const DecideCertificationCaseMutation = graphql(`
  mutation DecideCertificationCase($input: DecideCertificationCaseInput!) {
    decideCertificationCase(input: $input) {
      id
      status
      application {
        status
        stepName
        version
      }
    }
  }
`);
