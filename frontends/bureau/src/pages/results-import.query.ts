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

export const ImportSubjectResultsMutation = graphql(`
  mutation BureauImportSubjectResults($input: ImportSubjectResultsInput!) {
    importSubjectResults(input: $input) {
      dryRun
      committed
      rowCount
      validCount
      problems {
        row
        column
        code
        message
      }
    }
  }
`);
