import { graphql } from "@xuekao/graphql-client";

// Issue 10: the school uploads the verified scan for its transferred-in students (kind
// certification.school-upload). Inputs are written field by field so the documents do not
// depend on the input types' names.

/** The school's cases, newest first, a page at a time. */
export const SchoolCertificationCasesQuery = graphql(`
  query SchoolCertificationCases($first: Int, $after: String) {
    schoolCertificationCases(first: $first, after: $after) {
      items {
        id
        status
        originProvinceCode
        createdAt
        submittedAt
        candidate {
          id
          displayName
        }
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
        application {
          id
          status
          stepName
          lastReason
        }
      }
      nextCursor
    }
  }
`);

/** The school's registered students to start a case for (the same records the 考籍管理 page lists). */
export const SchoolCertificationStudentsQuery = graphql(`
  query SchoolCertificationStudents($first: Int, $after: String) {
    examRecordPage(first: $first, after: $after, filter: { status: REGISTERED }) {
      items {
        id
        recordNumber
        candidate {
          id
          displayName
        }
      }
      nextCursor
    }
  }
`);

export const StartSchoolCertificationCaseMutation = graphql(`
  mutation SchoolStartCertificationCase($candidateId: ID!, $originProvinceCode: String!) {
    startSchoolCertificationCase(input: { candidateId: $candidateId, originProvinceCode: $originProvinceCode }) {
      id
      status
    }
  }
`);

export const SchoolRequestCertificationEvidenceUploadMutation = graphql(`
  mutation SchoolRequestCertificationEvidenceUpload($caseId: ID!, $slot: CertificationEvidenceSlot!, $fileName: String!) {
    requestCertificationEvidenceUpload(caseId: $caseId, slot: $slot, fileName: $fileName) {
      fileId
      uploadUrl
      maxBytes
      allowedTypes
    }
  }
`);

export const SchoolSubmitCertificationCaseMutation = graphql(`
  mutation SchoolSubmitCertificationCase($caseId: ID!, $idempotencyKey: String!) {
    submitCertificationCase(input: { caseId: $caseId, idempotencyKey: $idempotencyKey }) {
      id
      status
    }
  }
`);
