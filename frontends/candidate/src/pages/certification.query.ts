import { graphql } from "@xuekao/graphql-client";

// Issue 10's certification API (contract in the certification subgraph). Inputs are written
// field by field so the documents do not depend on the input types' names.

/** Whether I may file a case (and why not), the window, my cases newest first, my certificates. */
export const CandidateCertificationQuery = graphql(`
  query CandidateCertification($originProvinceCode: String) {
    certificationEligibility(originProvinceCode: $originProvinceCode) {
      eligible
      kind
      reasonCode
      reason
      window {
        id
        name
        opensAt
        closesAt
        viewableUntil
        open
      }
    }
    myCertificationCases {
      id
      kind
      status
      originProvinceCode
      certifyingProvinceCode
      createdAt
      submittedAt
      closedAt
      resultViewableUntil
      requiredEvidence {
        slot
        name
        maxBytes
        allowedTypes
        file {
          id
          fileName
          uploadedAt
          mimeType
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
      certificate {
        code
        issuedAt
        revokedAt
        downloadUrl
      }
      application {
        id
        kindName
        status
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
        }
      }
    }
  }
`);

export const StartCertificationCaseMutation = graphql(`
  mutation CandidateStartCertificationCase($originProvinceCode: String!) {
    startCertificationCase(input: { originProvinceCode: $originProvinceCode }) {
      id
      status
    }
  }
`);

export const RequestCertificationEvidenceUploadMutation = graphql(`
  mutation CandidateRequestCertificationEvidenceUpload($caseId: ID!, $slot: CertificationEvidenceSlot!, $fileName: String!) {
    requestCertificationEvidenceUpload(caseId: $caseId, slot: $slot, fileName: $fileName) {
      fileId
      uploadUrl
      maxBytes
      allowedTypes
    }
  }
`);

export const SubmitCertificationCaseMutation = graphql(`
  mutation CandidateSubmitCertificationCase($caseId: ID!, $idempotencyKey: String!) {
    submitCertificationCase(input: { caseId: $caseId, idempotencyKey: $idempotencyKey }) {
      id
      status
    }
  }
`);
