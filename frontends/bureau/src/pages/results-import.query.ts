import { graphql } from "@xuekao/graphql-client";

export const ResultsImportSessionsQuery = graphql(`
  query BureauResultsImportSessions {
    examSessions {
      id
      code
      name
      registrationClosesAt
      scoresPublishedAt
      scoresPublished
    }
  }
`);

export const ResultImportTemplateQuery = graphql(`
  query BureauResultImportTemplate {
    resultImportTemplate {
      fileName
      contentBase64
    }
  }
`);

export const OpenResultImportMutation = graphql(`
  mutation BureauOpenResultImport($sessionId: ID!, $fileName: String!) {
    openResultImport(sessionId: $sessionId, fileName: $fileName) {
      import {
        id
      }
      upload {
        uploadUrl
      }
    }
  }
`);

export const CheckResultImportMutation = graphql(`
  mutation BureauCheckResultImport($id: ID!) {
    checkResultImport(id: $id) {
      id
      status
    }
  }
`);

export const CommitResultImportMutation = graphql(`
  mutation BureauCommitResultImport($id: ID!) {
    commitResultImport(id: $id) {
      id
      status
    }
  }
`);

export const ResultImportQuery = graphql(`
  query BureauResultImport($id: ID!) {
    resultImport(id: $id) {
      id
      status
      fileName
      totalRows
      processedRows
      problemCount
      updatedCount
      failureMessage
      problems {
        row
        column
        message
      }
    }
  }
`);
