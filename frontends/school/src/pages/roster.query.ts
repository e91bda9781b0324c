import { graphql } from "@xuekao/graphql-client";

// The caller's bindings (which school they keep, which classes they teach) and the school's
// classes (organisations are public; filtered to the school on the page).
export const RosterScopeQuery = graphql(`
  query SchoolRosterScope {
    me {
      id
      roles {
        role
        organization {
          id
          code
          name
          kind
          parentId
        }
      }
    }
    organizations(kind: CLASS) {
      id
      code
      name
      parentId
    }
  }
`);

export const RosterEntriesQuery = graphql(`
  query SchoolRosterEntries($schoolId: ID, $classId: ID, $first: Int, $after: String) {
    rosterEntries(schoolId: $schoolId, classId: $classId, first: $first, after: $after) {
      items {
        id
        maskedStudentNumber
        name
        maskedIdNumber
        className
      }
      nextCursor
    }
  }
`);

export const RosterImportTemplateQuery = graphql(`
  query SchoolRosterImportTemplate {
    rosterImportTemplate {
      fileName
      contentType
      contentBase64
    }
  }
`);

export const StartRosterImportMutation = graphql(`
  mutation SchoolStartRosterImport($schoolId: ID!, $fileName: String!) {
    startRosterImport(schoolId: $schoolId, fileName: $fileName) {
      import {
        id
        status
      }
      upload {
        uploadUrl
      }
    }
  }
`);

export const CheckRosterImportMutation = graphql(`
  mutation SchoolCheckRosterImport($importId: ID!) {
    checkRosterImport(importId: $importId) {
      id
      status
    }
  }
`);

export const CommitRosterImportMutation = graphql(`
  mutation SchoolCommitRosterImport($importId: ID!) {
    commitRosterImport(importId: $importId) {
      id
      status
    }
  }
`);

export const RosterImportQuery = graphql(`
  query SchoolRosterImport($id: ID!) {
    rosterImport(id: $id) {
      id
      status
      totalRows
      processedRows
      problemCount
      problems {
        row
        column
        message
      }
      createdCount
      updatedCount
      failureMessage
    }
  }
`);
