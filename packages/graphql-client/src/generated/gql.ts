/* eslint-disable */
import * as types from './graphql.js';
import type { TypedDocumentNode as DocumentNode } from '@graphql-typed-document-node/core';

/**
 * Map of all GraphQL operations in the project.
 *
 * This map has several performance disadvantages:
 * 1. It is not tree-shakeable, so it will include all operations in the project.
 * 2. It is not minifiable, so the string of a GraphQL query will be multiple times inside the bundle.
 * 3. It does not support dead code elimination, so it will add unused operations.
 *
 * Therefore it is highly recommended to use the babel or swc plugin for production.
 * Learn more about it here: https://the-guild.dev/graphql/codegen/plugins/presets/preset-client#reducing-bundle-size
 */
type Documents = {
    "\n  query BureauOverview {\n    myJurisdiction {\n      id\n      code\n      name\n      kind\n      parentId\n    }\n    registrationProgress {\n      totals {\n        underReview\n        returned\n        awaitingCollection\n        registered\n      }\n      rows {\n        organization {\n          id\n        }\n        name\n        code\n        countyName\n        social\n        counts {\n          underReview\n          returned\n          awaitingCollection\n          registered\n        }\n      }\n    }\n    certificationCases {\n      id\n      originProvinceCode\n      status\n      submittedAt\n      candidate {\n        displayName\n      }\n    }\n  }\n": typeof types.BureauOverviewDocument,
    "\n  query CertificationReviewQueue($first: Int, $after: String) {\n    certificationReviewQueue(first: $first, after: $after) {\n      items {\n        id\n        originProvinceCode\n        submittedAt\n        candidate {\n          displayName\n        }\n        evidence {\n          id\n          fileName\n          downloadUrl\n        }\n        application {\n          id\n          kindName\n          stepName\n          dueAt\n          round\n          version\n          canDecide\n        }\n      }\n      nextCursor\n    }\n  }\n": typeof types.CertificationReviewQueueDocument,
    "\n  mutation DecideCertificationCase($input: DecideCertificationCaseInput!) {\n    decideCertificationCase(input: $input) {\n      id\n      status\n      application {\n        status\n        stepName\n        version\n      }\n    }\n  }\n": typeof types.DecideCertificationCaseDocument,
    "\n  query BureauExamSessions($provinceCode: String!) {\n    examSessions {\n      id\n      code\n      name\n      provinceCode\n      registrationOpensAt\n      registrationClosesAt\n      scoresPublishedAt\n      registrationOpen\n      subjects {\n        code\n        name\n      }\n    }\n    examSubjects(provinceCode: $provinceCode) {\n      code\n      name\n      runBy\n    }\n  }\n": typeof types.BureauExamSessionsDocument,
    "\n  mutation BureauCreateExamSession($input: CreateExamSessionInput!) {\n    createExamSession(input: $input) {\n      id\n      code\n      name\n    }\n  }\n": typeof types.BureauCreateExamSessionDocument,
    "\n  query BureauOrganizationAdmin {\n    me {\n      id\n      roles {\n        role\n        organization {\n          id\n          name\n          kind\n        }\n      }\n    }\n    organizations {\n      id\n      code\n      name\n      kind\n      parentId\n    }\n  }\n": typeof types.BureauOrganizationAdminDocument,
    "\n  mutation BureauCreateOrganization($input: CreateOrganizationInput!) {\n    createOrganization(input: $input) {\n      id\n      code\n      name\n      kind\n    }\n  }\n": typeof types.BureauCreateOrganizationDocument,
    "\n  mutation BureauCreateStaffAccount($input: CreateStaffAccountInput!) {\n    createStaffAccount(input: $input) {\n      id\n      username\n      displayName\n    }\n  }\n": typeof types.BureauCreateStaffAccountDocument,
    "\n  query BureauPreRegistrationQueue($first: Int, $after: String, $filter: PreRegistrationQueueFilter) {\n    preRegistrationQueue(first: $first, after: $after, filter: $filter) {\n      items {\n        id\n        candidateKind\n        name\n        idNumber\n        gender\n        birthDate\n        ethnicityCode\n        studentNumber\n        householdLocation\n        mobile\n        stepKey\n        status\n        submittedAt\n        schoolClass {\n          name\n        }\n        school {\n          name\n        }\n        application {\n          id\n          version\n          round\n          stepName\n          canDecide\n          allowedDecisions\n          lastReason\n          history {\n            id\n            round\n            action\n            stepName\n            reason\n            occurredAt\n            actorRole\n          }\n        }\n      }\n      nextCursor\n    }\n  }\n": typeof types.BureauPreRegistrationQueueDocument,
    "\n  mutation BureauReviewPreRegistration($input: ReviewPreRegistrationInput!) {\n    reviewPreRegistration(input: $input) {\n      id\n      status\n    }\n  }\n": typeof types.BureauReviewPreRegistrationDocument,
    "\n  mutation RevealPreRegistrationIdNumber($preRegistrationId: ID!) {\n    revealPreRegistrationIdNumber(preRegistrationId: $preRegistrationId)\n  }\n": typeof types.RevealPreRegistrationIdNumberDocument,
    "\n  mutation RequestRegistrationPhotoUpload($preRegistrationId: ID!, $fileName: String!) {\n    requestRegistrationPhotoUpload(preRegistrationId: $preRegistrationId, fileName: $fileName) {\n      fileId\n      uploadUrl\n      maxBytes\n      allowedTypes\n    }\n  }\n": typeof types.RequestRegistrationPhotoUploadDocument,
    "\n  mutation CollectPreRegistration($input: CollectPreRegistrationInput!) {\n    collectPreRegistration(input: $input) {\n      id\n      status\n      recordNumber\n      name\n    }\n  }\n": typeof types.CollectPreRegistrationDocument,
    "\n  query BureauMyRoles {\n    me {\n      id\n      roles {\n        role\n      }\n    }\n  }\n": typeof types.BureauMyRolesDocument,
    "\n  query BureauResultsImportSessions {\n    examSessions {\n      id\n      code\n      name\n      registrationClosesAt\n      scoresPublishedAt\n      scoresPublished\n    }\n  }\n": typeof types.BureauResultsImportSessionsDocument,
    "\n  query BureauResultImportTemplate {\n    resultImportTemplate {\n      fileName\n      contentBase64\n    }\n  }\n": typeof types.BureauResultImportTemplateDocument,
    "\n  mutation BureauOpenResultImport($sessionId: ID!, $fileName: String!) {\n    openResultImport(sessionId: $sessionId, fileName: $fileName) {\n      import {\n        id\n      }\n      upload {\n        uploadUrl\n      }\n    }\n  }\n": typeof types.BureauOpenResultImportDocument,
    "\n  mutation BureauCheckResultImport($id: ID!) {\n    checkResultImport(id: $id) {\n      id\n      status\n    }\n  }\n": typeof types.BureauCheckResultImportDocument,
    "\n  mutation BureauCommitResultImport($id: ID!) {\n    commitResultImport(id: $id) {\n      id\n      status\n    }\n  }\n": typeof types.BureauCommitResultImportDocument,
    "\n  query BureauResultImport($id: ID!) {\n    resultImport(id: $id) {\n      id\n      status\n      fileName\n      totalRows\n      processedRows\n      problemCount\n      updatedCount\n      failureMessage\n      problems {\n        row\n        column\n        message\n      }\n    }\n  }\n": typeof types.BureauResultImportDocument,
    "\n  query BureauSmsDeliveries($filter: SmsDeliveryFilter, $limit: Int!, $offset: Int!) {\n    smsDeliveries(filter: $filter, limit: $limit, offset: $offset) {\n      total\n      items {\n        id\n        mobile\n        text\n        status\n        canRetry\n        attempts\n        nextAttemptAt\n        lastError\n        template\n        templateDescription\n        createdAt\n        sentAt\n        recipient {\n          displayName\n        }\n      }\n    }\n  }\n": typeof types.BureauSmsDeliveriesDocument,
    "\n  mutation BureauRetrySmsDelivery($id: ID!) {\n    retrySmsDelivery(id: $id) {\n      id\n      status\n      canRetry\n      attempts\n      nextAttemptAt\n      lastError\n      sentAt\n    }\n  }\n": typeof types.BureauRetrySmsDeliveryDocument,
    "\n  query WorkflowDefinitions($provinceCode: String!) {\n    registryWorkflowDefinitions(provinceCode: $provinceCode) {\n      ...WorkflowDefinitionFields\n    }\n    certificationWorkflowDefinitions(provinceCode: $provinceCode) {\n      ...WorkflowDefinitionFields\n    }\n  }\n\n  fragment WorkflowDefinitionFields on WorkflowDefinition {\n    id\n    kind\n    kindName\n    version\n    createdAt\n    steps {\n      key\n      name\n      actorRole\n      level\n      decisions\n      slaHours\n      warnAtHours\n    }\n  }\n": typeof types.WorkflowDefinitionsDocument,
    "\n  mutation UpdateRegistryWorkflowDefinition($input: UpdateWorkflowDefinitionInput!) {\n    updateRegistryWorkflowDefinition(input: $input) {\n      id\n      version\n    }\n  }\n": typeof types.UpdateRegistryWorkflowDefinitionDocument,
    "\n  mutation UpdateCertificationWorkflowDefinition($input: UpdateWorkflowDefinitionInput!) {\n    updateCertificationWorkflowDefinition(input: $input) {\n      id\n      version\n    }\n  }\n": typeof types.UpdateCertificationWorkflowDefinitionDocument,
    "\n  query InstituteProvince {\n    me {\n      id\n      roles {\n        role\n        organization {\n          id\n          code\n          name\n          kind\n        }\n      }\n    }\n  }\n": typeof types.InstituteProvinceDocument,
    "\n  query CandidateExamSessions {\n    examSessions {\n      id\n      code\n      name\n      registrationOpensAt\n      registrationClosesAt\n    }\n  }\n": typeof types.CandidateExamSessionsDocument,
    "\n  fragment MyPreRegistrationFields on PreRegistration {\n    id\n    hasIdNumber\n    status\n    version\n    candidateKind\n    studentNumber\n    recordNumber\n    name\n    gender\n    ethnicityCode\n    politicalStatus\n    studentCategory\n    householdLocation\n    householdAuthority\n    idNumber\n    birthDate\n    mobile\n    address\n    postcode\n    foreignLanguage\n    enrollmentYear\n    submittedAt\n    registeredAt\n    resume {\n      from\n      to\n      organization\n      role\n    }\n    familyMembers {\n      relation\n      name\n      organization\n      mobile\n    }\n    guardian {\n      name\n      relation\n      mobile\n    }\n    school {\n      id\n      name\n    }\n    schoolClass {\n      name\n    }\n    application {\n      id\n      status\n      stepKey\n      stepName\n      round\n      lastReason\n      history {\n        id\n        round\n        action\n        stepName\n        reason\n        occurredAt\n        resultStatus\n        actorRole\n      }\n    }\n  }\n": typeof types.MyPreRegistrationFieldsFragmentDoc,
    "\n  query MyPreRegistration {\n    myPreRegistration {\n      ...MyPreRegistrationFields\n    }\n    me {\n      id\n      displayName\n      roles {\n        role\n        organization {\n          id\n          kind\n          parentId\n        }\n      }\n    }\n  }\n": typeof types.MyPreRegistrationDocument,
    "\n  query CandidateProvinceSchools($search: String, $first: Int) {\n    registrySchools(search: $search, first: $first) {\n      items {\n        id\n        code\n        name\n      }\n    }\n  }\n": typeof types.CandidateProvinceSchoolsDocument,
    "\n  mutation SavePreRegistrationDraft($input: SavePreRegistrationInput!) {\n    savePreRegistrationDraft(input: $input) {\n      ...MyPreRegistrationFields\n    }\n  }\n": typeof types.SavePreRegistrationDraftDocument,
    "\n  mutation SubmitPreRegistration($input: SubmitPreRegistrationInput!) {\n    submitPreRegistration(input: $input) {\n      ...MyPreRegistrationFields\n    }\n  }\n": typeof types.SubmitPreRegistrationDocument,
    "\n  query CandidatePreRegistrationSummary {\n    myPreRegistration {\n      id\n      status\n      recordNumber\n    }\n  }\n": typeof types.CandidatePreRegistrationSummaryDocument,
    "\n  query CandidateSubjectRegistration {\n    examSessions {\n      id\n      code\n      name\n      registrationClosesAt\n      registrationOpen\n      subjects {\n        code\n        name\n      }\n    }\n    subjectEntries(first: 100) {\n      items {\n        id\n        sessionId\n        subjectCode\n        result\n      }\n    }\n  }\n": typeof types.CandidateSubjectRegistrationDocument,
    "\n  mutation CandidateEnterSubjects($input: EnterSubjectsInput!) {\n    enterSubjects(input: $input) {\n      id\n      subjectCode\n    }\n  }\n": typeof types.CandidateEnterSubjectsDocument,
    "\n  mutation CandidateWithdrawSubjectEntry($input: WithdrawSubjectEntryInput!) {\n    withdrawSubjectEntry(input: $input) {\n      id\n      subjectCode\n    }\n  }\n": typeof types.CandidateWithdrawSubjectEntryDocument,
    "\n  query CandidateResults {\n    subjectEntries(first: 100) {\n      items {\n        id\n        subjectCode\n        result\n        score\n        resultPublished\n        subject {\n          name\n        }\n        session {\n          id\n          name\n          scoresPublishedAt\n        }\n      }\n    }\n  }\n": typeof types.CandidateResultsDocument,
    "\n  query SchoolExamRecords($first: Int, $after: String) {\n    examRecordPage(first: $first, after: $after) {\n      items {\n        id\n        recordNumber\n        status\n        candidate {\n          id\n          displayName\n        }\n        school {\n          name\n        }\n      }\n      nextCursor\n    }\n  }\n": typeof types.SchoolExamRecordsDocument,
    "\n  query SchoolPreRegistrationQueue($first: Int, $after: String, $filter: PreRegistrationQueueFilter) {\n    preRegistrationQueue(first: $first, after: $after, filter: $filter) {\n      items {\n        id\n        name\n        idNumber\n        studentNumber\n        gender\n        birthDate\n        stepKey\n        status\n        submittedAt\n        schoolClass {\n          id\n          name\n        }\n        school {\n          name\n        }\n        application {\n          id\n          version\n          round\n          stepName\n          canDecide\n          allowedDecisions\n          lastReason\n          history {\n            id\n            round\n            action\n            stepName\n            reason\n            occurredAt\n            actorRole\n          }\n        }\n      }\n      nextCursor\n    }\n    me {\n      id\n      roles {\n        role\n        organization {\n          id\n          name\n          kind\n        }\n      }\n    }\n  }\n": typeof types.SchoolPreRegistrationQueueDocument,
    "\n  mutation SchoolReviewPreRegistration($input: ReviewPreRegistrationInput!) {\n    reviewPreRegistration(input: $input) {\n      id\n      status\n    }\n  }\n": typeof types.SchoolReviewPreRegistrationDocument,
    "\n  mutation SchoolApprovePreRegistrations($input: BulkApprovePreRegistrationsInput!) {\n    approvePreRegistrations(input: $input) {\n      preRegistrationId\n      ok\n      code\n      message\n    }\n  }\n": typeof types.SchoolApprovePreRegistrationsDocument,
    "\n  query SchoolRosterScope {\n    me {\n      id\n      roles {\n        role\n        organization {\n          id\n          code\n          name\n          kind\n          parentId\n        }\n      }\n    }\n    organizations(kind: CLASS) {\n      id\n      code\n      name\n      parentId\n    }\n  }\n": typeof types.SchoolRosterScopeDocument,
    "\n  query SchoolRosterEntries($schoolId: ID, $classId: ID, $first: Int, $after: String) {\n    rosterEntries(schoolId: $schoolId, classId: $classId, first: $first, after: $after) {\n      items {\n        id\n        maskedStudentNumber\n        name\n        maskedIdNumber\n        className\n      }\n      nextCursor\n    }\n  }\n": typeof types.SchoolRosterEntriesDocument,
    "\n  query SchoolRosterImportTemplate {\n    rosterImportTemplate {\n      fileName\n      contentType\n      contentBase64\n    }\n  }\n": typeof types.SchoolRosterImportTemplateDocument,
    "\n  mutation SchoolStartRosterImport($schoolId: ID!, $fileName: String!) {\n    startRosterImport(schoolId: $schoolId, fileName: $fileName) {\n      import {\n        id\n        status\n      }\n      upload {\n        uploadUrl\n      }\n    }\n  }\n": typeof types.SchoolStartRosterImportDocument,
    "\n  mutation SchoolCheckRosterImport($importId: ID!) {\n    checkRosterImport(importId: $importId) {\n      id\n      status\n    }\n  }\n": typeof types.SchoolCheckRosterImportDocument,
    "\n  mutation SchoolCommitRosterImport($importId: ID!) {\n    commitRosterImport(importId: $importId) {\n      id\n      status\n    }\n  }\n": typeof types.SchoolCommitRosterImportDocument,
    "\n  query SchoolRosterImport($id: ID!) {\n    rosterImport(id: $id) {\n      id\n      status\n      totalRows\n      processedRows\n      problemCount\n      problems {\n        row\n        column\n        message\n      }\n      createdCount\n      updatedCount\n      failureMessage\n    }\n  }\n": typeof types.SchoolRosterImportDocument,
    "\n  query SchoolScope {\n    me {\n      id\n      roles {\n        role\n        organization {\n          id\n          code\n          name\n          kind\n        }\n      }\n    }\n  }\n": typeof types.SchoolScopeDocument,
    "\n  query SchoolResultSessions {\n    examSessions {\n      id\n      code\n      name\n      scoresPublishedAt\n      scoresPublished\n    }\n  }\n": typeof types.SchoolResultSessionsDocument,
    "\n  query SchoolSessionResults($sessionId: ID!, $after: String) {\n    subjectEntries(sessionId: $sessionId, first: 100, after: $after) {\n      items {\n        id\n        recordNumber\n        result\n        score\n        resultPublished\n        subject {\n          name\n        }\n        candidate {\n          displayName\n        }\n      }\n      nextCursor\n    }\n  }\n": typeof types.SchoolSessionResultsDocument,
    "\n  query SchoolStaffOverview($limit: Int!) {\n    me {\n      id\n      roles {\n        role\n        organization {\n          id\n          code\n          name\n          kind\n        }\n      }\n    }\n    organizations(kind: CLASS) {\n      id\n      code\n      name\n      parentId\n    }\n    users(limit: $limit) {\n      id\n      username\n      displayName\n      roles {\n        role\n        organization {\n          id\n          name\n        }\n      }\n    }\n  }\n": typeof types.SchoolStaffOverviewDocument,
    "\n  mutation SchoolCreateClass($input: CreateOrganizationInput!) {\n    createOrganization(input: $input) {\n      id\n      code\n      name\n    }\n  }\n": typeof types.SchoolCreateClassDocument,
    "\n  mutation SchoolCreateStaffAccount($input: CreateStaffAccountInput!) {\n    createStaffAccount(input: $input) {\n      id\n      username\n      displayName\n    }\n  }\n": typeof types.SchoolCreateStaffAccountDocument,
    "\n  mutation SchoolBindRole($input: BindRoleInput!) {\n    bindRole(input: $input) {\n      role\n    }\n  }\n": typeof types.SchoolBindRoleDocument,
    "\n  query SchoolSummary {\n    registrationProgress {\n      totals {\n        underReview\n        awaitingCollection\n        registered\n      }\n    }\n  }\n": typeof types.SchoolSummaryDocument,
    "\n  mutation ShellRequestSmsCode($input: RequestSmsCodeInput!) {\n    requestSmsCode(input: $input) {\n      mobile\n      expiresAt\n      resendAvailableAt\n    }\n  }\n": typeof types.ShellRequestSmsCodeDocument,
    "\n  mutation ShellRegisterCandidate($input: RegisterCandidateInput!) {\n    registerCandidate(input: $input) {\n      accessToken\n      refreshToken\n      expiresAt\n    }\n  }\n": typeof types.ShellRegisterCandidateDocument,
    "\n  query ShellCounties {\n    organizations(kind: COUNTY) {\n      id\n      name\n      code\n    }\n  }\n": typeof types.ShellCountiesDocument,
    "\n  mutation ShellChangePassword($input: ChangePasswordInput!) {\n    changePassword(input: $input)\n  }\n": typeof types.ShellChangePasswordDocument,
    "\n  mutation ShellChangeMobile($input: ChangeMobileInput!) {\n    changeMobile(input: $input) {\n      id\n    }\n  }\n": typeof types.ShellChangeMobileDocument,
    "\n  mutation ShellLogin($input: LoginInput!) {\n    login(input: $input) {\n      accessToken\n      refreshToken\n      expiresAt\n    }\n  }\n": typeof types.ShellLoginDocument,
    "\n  mutation ShellRefreshSession($refreshToken: String!) {\n    refreshSession(refreshToken: $refreshToken) {\n      accessToken\n      refreshToken\n      expiresAt\n    }\n  }\n": typeof types.ShellRefreshSessionDocument,
    "\n  mutation ShellLogout($refreshToken: String!) {\n    logout(refreshToken: $refreshToken)\n  }\n": typeof types.ShellLogoutDocument,
    "\n  query ShellMe {\n    me {\n      id\n      username\n      displayName\n      passwordChangeRequired\n      roles {\n        role\n        organization {\n          id\n          name\n          kind\n        }\n      }\n    }\n  }\n": typeof types.ShellMeDocument,
    "\n  query ShellInboxCount {\n    me {\n      id\n      unreadNotificationCount\n    }\n  }\n": typeof types.ShellInboxCountDocument,
    "\n  query ShellInbox {\n    me {\n      id\n      unreadNotificationCount\n      notifications {\n        id\n        title\n        body\n        readAt\n        createdAt\n      }\n    }\n  }\n": typeof types.ShellInboxDocument,
    "\n  mutation ShellMarkNotificationRead($id: ID!) {\n    markNotificationRead(id: $id) {\n      id\n      readAt\n    }\n  }\n": typeof types.ShellMarkNotificationReadDocument,
};
const documents: Documents = {
    "\n  query BureauOverview {\n    myJurisdiction {\n      id\n      code\n      name\n      kind\n      parentId\n    }\n    registrationProgress {\n      totals {\n        underReview\n        returned\n        awaitingCollection\n        registered\n      }\n      rows {\n        organization {\n          id\n        }\n        name\n        code\n        countyName\n        social\n        counts {\n          underReview\n          returned\n          awaitingCollection\n          registered\n        }\n      }\n    }\n    certificationCases {\n      id\n      originProvinceCode\n      status\n      submittedAt\n      candidate {\n        displayName\n      }\n    }\n  }\n": types.BureauOverviewDocument,
    "\n  query CertificationReviewQueue($first: Int, $after: String) {\n    certificationReviewQueue(first: $first, after: $after) {\n      items {\n        id\n        originProvinceCode\n        submittedAt\n        candidate {\n          displayName\n        }\n        evidence {\n          id\n          fileName\n          downloadUrl\n        }\n        application {\n          id\n          kindName\n          stepName\n          dueAt\n          round\n          version\n          canDecide\n        }\n      }\n      nextCursor\n    }\n  }\n": types.CertificationReviewQueueDocument,
    "\n  mutation DecideCertificationCase($input: DecideCertificationCaseInput!) {\n    decideCertificationCase(input: $input) {\n      id\n      status\n      application {\n        status\n        stepName\n        version\n      }\n    }\n  }\n": types.DecideCertificationCaseDocument,
    "\n  query BureauExamSessions($provinceCode: String!) {\n    examSessions {\n      id\n      code\n      name\n      provinceCode\n      registrationOpensAt\n      registrationClosesAt\n      scoresPublishedAt\n      registrationOpen\n      subjects {\n        code\n        name\n      }\n    }\n    examSubjects(provinceCode: $provinceCode) {\n      code\n      name\n      runBy\n    }\n  }\n": types.BureauExamSessionsDocument,
    "\n  mutation BureauCreateExamSession($input: CreateExamSessionInput!) {\n    createExamSession(input: $input) {\n      id\n      code\n      name\n    }\n  }\n": types.BureauCreateExamSessionDocument,
    "\n  query BureauOrganizationAdmin {\n    me {\n      id\n      roles {\n        role\n        organization {\n          id\n          name\n          kind\n        }\n      }\n    }\n    organizations {\n      id\n      code\n      name\n      kind\n      parentId\n    }\n  }\n": types.BureauOrganizationAdminDocument,
    "\n  mutation BureauCreateOrganization($input: CreateOrganizationInput!) {\n    createOrganization(input: $input) {\n      id\n      code\n      name\n      kind\n    }\n  }\n": types.BureauCreateOrganizationDocument,
    "\n  mutation BureauCreateStaffAccount($input: CreateStaffAccountInput!) {\n    createStaffAccount(input: $input) {\n      id\n      username\n      displayName\n    }\n  }\n": types.BureauCreateStaffAccountDocument,
    "\n  query BureauPreRegistrationQueue($first: Int, $after: String, $filter: PreRegistrationQueueFilter) {\n    preRegistrationQueue(first: $first, after: $after, filter: $filter) {\n      items {\n        id\n        candidateKind\n        name\n        idNumber\n        gender\n        birthDate\n        ethnicityCode\n        studentNumber\n        householdLocation\n        mobile\n        stepKey\n        status\n        submittedAt\n        schoolClass {\n          name\n        }\n        school {\n          name\n        }\n        application {\n          id\n          version\n          round\n          stepName\n          canDecide\n          allowedDecisions\n          lastReason\n          history {\n            id\n            round\n            action\n            stepName\n            reason\n            occurredAt\n            actorRole\n          }\n        }\n      }\n      nextCursor\n    }\n  }\n": types.BureauPreRegistrationQueueDocument,
    "\n  mutation BureauReviewPreRegistration($input: ReviewPreRegistrationInput!) {\n    reviewPreRegistration(input: $input) {\n      id\n      status\n    }\n  }\n": types.BureauReviewPreRegistrationDocument,
    "\n  mutation RevealPreRegistrationIdNumber($preRegistrationId: ID!) {\n    revealPreRegistrationIdNumber(preRegistrationId: $preRegistrationId)\n  }\n": types.RevealPreRegistrationIdNumberDocument,
    "\n  mutation RequestRegistrationPhotoUpload($preRegistrationId: ID!, $fileName: String!) {\n    requestRegistrationPhotoUpload(preRegistrationId: $preRegistrationId, fileName: $fileName) {\n      fileId\n      uploadUrl\n      maxBytes\n      allowedTypes\n    }\n  }\n": types.RequestRegistrationPhotoUploadDocument,
    "\n  mutation CollectPreRegistration($input: CollectPreRegistrationInput!) {\n    collectPreRegistration(input: $input) {\n      id\n      status\n      recordNumber\n      name\n    }\n  }\n": types.CollectPreRegistrationDocument,
    "\n  query BureauMyRoles {\n    me {\n      id\n      roles {\n        role\n      }\n    }\n  }\n": types.BureauMyRolesDocument,
    "\n  query BureauResultsImportSessions {\n    examSessions {\n      id\n      code\n      name\n      registrationClosesAt\n      scoresPublishedAt\n      scoresPublished\n    }\n  }\n": types.BureauResultsImportSessionsDocument,
    "\n  query BureauResultImportTemplate {\n    resultImportTemplate {\n      fileName\n      contentBase64\n    }\n  }\n": types.BureauResultImportTemplateDocument,
    "\n  mutation BureauOpenResultImport($sessionId: ID!, $fileName: String!) {\n    openResultImport(sessionId: $sessionId, fileName: $fileName) {\n      import {\n        id\n      }\n      upload {\n        uploadUrl\n      }\n    }\n  }\n": types.BureauOpenResultImportDocument,
    "\n  mutation BureauCheckResultImport($id: ID!) {\n    checkResultImport(id: $id) {\n      id\n      status\n    }\n  }\n": types.BureauCheckResultImportDocument,
    "\n  mutation BureauCommitResultImport($id: ID!) {\n    commitResultImport(id: $id) {\n      id\n      status\n    }\n  }\n": types.BureauCommitResultImportDocument,
    "\n  query BureauResultImport($id: ID!) {\n    resultImport(id: $id) {\n      id\n      status\n      fileName\n      totalRows\n      processedRows\n      problemCount\n      updatedCount\n      failureMessage\n      problems {\n        row\n        column\n        message\n      }\n    }\n  }\n": types.BureauResultImportDocument,
    "\n  query BureauSmsDeliveries($filter: SmsDeliveryFilter, $limit: Int!, $offset: Int!) {\n    smsDeliveries(filter: $filter, limit: $limit, offset: $offset) {\n      total\n      items {\n        id\n        mobile\n        text\n        status\n        canRetry\n        attempts\n        nextAttemptAt\n        lastError\n        template\n        templateDescription\n        createdAt\n        sentAt\n        recipient {\n          displayName\n        }\n      }\n    }\n  }\n": types.BureauSmsDeliveriesDocument,
    "\n  mutation BureauRetrySmsDelivery($id: ID!) {\n    retrySmsDelivery(id: $id) {\n      id\n      status\n      canRetry\n      attempts\n      nextAttemptAt\n      lastError\n      sentAt\n    }\n  }\n": types.BureauRetrySmsDeliveryDocument,
    "\n  query WorkflowDefinitions($provinceCode: String!) {\n    registryWorkflowDefinitions(provinceCode: $provinceCode) {\n      ...WorkflowDefinitionFields\n    }\n    certificationWorkflowDefinitions(provinceCode: $provinceCode) {\n      ...WorkflowDefinitionFields\n    }\n  }\n\n  fragment WorkflowDefinitionFields on WorkflowDefinition {\n    id\n    kind\n    kindName\n    version\n    createdAt\n    steps {\n      key\n      name\n      actorRole\n      level\n      decisions\n      slaHours\n      warnAtHours\n    }\n  }\n": types.WorkflowDefinitionsDocument,
    "\n  mutation UpdateRegistryWorkflowDefinition($input: UpdateWorkflowDefinitionInput!) {\n    updateRegistryWorkflowDefinition(input: $input) {\n      id\n      version\n    }\n  }\n": types.UpdateRegistryWorkflowDefinitionDocument,
    "\n  mutation UpdateCertificationWorkflowDefinition($input: UpdateWorkflowDefinitionInput!) {\n    updateCertificationWorkflowDefinition(input: $input) {\n      id\n      version\n    }\n  }\n": types.UpdateCertificationWorkflowDefinitionDocument,
    "\n  query InstituteProvince {\n    me {\n      id\n      roles {\n        role\n        organization {\n          id\n          code\n          name\n          kind\n        }\n      }\n    }\n  }\n": types.InstituteProvinceDocument,
    "\n  query CandidateExamSessions {\n    examSessions {\n      id\n      code\n      name\n      registrationOpensAt\n      registrationClosesAt\n    }\n  }\n": types.CandidateExamSessionsDocument,
    "\n  fragment MyPreRegistrationFields on PreRegistration {\n    id\n    hasIdNumber\n    status\n    version\n    candidateKind\n    studentNumber\n    recordNumber\n    name\n    gender\n    ethnicityCode\n    politicalStatus\n    studentCategory\n    householdLocation\n    householdAuthority\n    idNumber\n    birthDate\n    mobile\n    address\n    postcode\n    foreignLanguage\n    enrollmentYear\n    submittedAt\n    registeredAt\n    resume {\n      from\n      to\n      organization\n      role\n    }\n    familyMembers {\n      relation\n      name\n      organization\n      mobile\n    }\n    guardian {\n      name\n      relation\n      mobile\n    }\n    school {\n      id\n      name\n    }\n    schoolClass {\n      name\n    }\n    application {\n      id\n      status\n      stepKey\n      stepName\n      round\n      lastReason\n      history {\n        id\n        round\n        action\n        stepName\n        reason\n        occurredAt\n        resultStatus\n        actorRole\n      }\n    }\n  }\n": types.MyPreRegistrationFieldsFragmentDoc,
    "\n  query MyPreRegistration {\n    myPreRegistration {\n      ...MyPreRegistrationFields\n    }\n    me {\n      id\n      displayName\n      roles {\n        role\n        organization {\n          id\n          kind\n          parentId\n        }\n      }\n    }\n  }\n": types.MyPreRegistrationDocument,
    "\n  query CandidateProvinceSchools($search: String, $first: Int) {\n    registrySchools(search: $search, first: $first) {\n      items {\n        id\n        code\n        name\n      }\n    }\n  }\n": types.CandidateProvinceSchoolsDocument,
    "\n  mutation SavePreRegistrationDraft($input: SavePreRegistrationInput!) {\n    savePreRegistrationDraft(input: $input) {\n      ...MyPreRegistrationFields\n    }\n  }\n": types.SavePreRegistrationDraftDocument,
    "\n  mutation SubmitPreRegistration($input: SubmitPreRegistrationInput!) {\n    submitPreRegistration(input: $input) {\n      ...MyPreRegistrationFields\n    }\n  }\n": types.SubmitPreRegistrationDocument,
    "\n  query CandidatePreRegistrationSummary {\n    myPreRegistration {\n      id\n      status\n      recordNumber\n    }\n  }\n": types.CandidatePreRegistrationSummaryDocument,
    "\n  query CandidateSubjectRegistration {\n    examSessions {\n      id\n      code\n      name\n      registrationClosesAt\n      registrationOpen\n      subjects {\n        code\n        name\n      }\n    }\n    subjectEntries(first: 100) {\n      items {\n        id\n        sessionId\n        subjectCode\n        result\n      }\n    }\n  }\n": types.CandidateSubjectRegistrationDocument,
    "\n  mutation CandidateEnterSubjects($input: EnterSubjectsInput!) {\n    enterSubjects(input: $input) {\n      id\n      subjectCode\n    }\n  }\n": types.CandidateEnterSubjectsDocument,
    "\n  mutation CandidateWithdrawSubjectEntry($input: WithdrawSubjectEntryInput!) {\n    withdrawSubjectEntry(input: $input) {\n      id\n      subjectCode\n    }\n  }\n": types.CandidateWithdrawSubjectEntryDocument,
    "\n  query CandidateResults {\n    subjectEntries(first: 100) {\n      items {\n        id\n        subjectCode\n        result\n        score\n        resultPublished\n        subject {\n          name\n        }\n        session {\n          id\n          name\n          scoresPublishedAt\n        }\n      }\n    }\n  }\n": types.CandidateResultsDocument,
    "\n  query SchoolExamRecords($first: Int, $after: String) {\n    examRecordPage(first: $first, after: $after) {\n      items {\n        id\n        recordNumber\n        status\n        candidate {\n          id\n          displayName\n        }\n        school {\n          name\n        }\n      }\n      nextCursor\n    }\n  }\n": types.SchoolExamRecordsDocument,
    "\n  query SchoolPreRegistrationQueue($first: Int, $after: String, $filter: PreRegistrationQueueFilter) {\n    preRegistrationQueue(first: $first, after: $after, filter: $filter) {\n      items {\n        id\n        name\n        idNumber\n        studentNumber\n        gender\n        birthDate\n        stepKey\n        status\n        submittedAt\n        schoolClass {\n          id\n          name\n        }\n        school {\n          name\n        }\n        application {\n          id\n          version\n          round\n          stepName\n          canDecide\n          allowedDecisions\n          lastReason\n          history {\n            id\n            round\n            action\n            stepName\n            reason\n            occurredAt\n            actorRole\n          }\n        }\n      }\n      nextCursor\n    }\n    me {\n      id\n      roles {\n        role\n        organization {\n          id\n          name\n          kind\n        }\n      }\n    }\n  }\n": types.SchoolPreRegistrationQueueDocument,
    "\n  mutation SchoolReviewPreRegistration($input: ReviewPreRegistrationInput!) {\n    reviewPreRegistration(input: $input) {\n      id\n      status\n    }\n  }\n": types.SchoolReviewPreRegistrationDocument,
    "\n  mutation SchoolApprovePreRegistrations($input: BulkApprovePreRegistrationsInput!) {\n    approvePreRegistrations(input: $input) {\n      preRegistrationId\n      ok\n      code\n      message\n    }\n  }\n": types.SchoolApprovePreRegistrationsDocument,
    "\n  query SchoolRosterScope {\n    me {\n      id\n      roles {\n        role\n        organization {\n          id\n          code\n          name\n          kind\n          parentId\n        }\n      }\n    }\n    organizations(kind: CLASS) {\n      id\n      code\n      name\n      parentId\n    }\n  }\n": types.SchoolRosterScopeDocument,
    "\n  query SchoolRosterEntries($schoolId: ID, $classId: ID, $first: Int, $after: String) {\n    rosterEntries(schoolId: $schoolId, classId: $classId, first: $first, after: $after) {\n      items {\n        id\n        maskedStudentNumber\n        name\n        maskedIdNumber\n        className\n      }\n      nextCursor\n    }\n  }\n": types.SchoolRosterEntriesDocument,
    "\n  query SchoolRosterImportTemplate {\n    rosterImportTemplate {\n      fileName\n      contentType\n      contentBase64\n    }\n  }\n": types.SchoolRosterImportTemplateDocument,
    "\n  mutation SchoolStartRosterImport($schoolId: ID!, $fileName: String!) {\n    startRosterImport(schoolId: $schoolId, fileName: $fileName) {\n      import {\n        id\n        status\n      }\n      upload {\n        uploadUrl\n      }\n    }\n  }\n": types.SchoolStartRosterImportDocument,
    "\n  mutation SchoolCheckRosterImport($importId: ID!) {\n    checkRosterImport(importId: $importId) {\n      id\n      status\n    }\n  }\n": types.SchoolCheckRosterImportDocument,
    "\n  mutation SchoolCommitRosterImport($importId: ID!) {\n    commitRosterImport(importId: $importId) {\n      id\n      status\n    }\n  }\n": types.SchoolCommitRosterImportDocument,
    "\n  query SchoolRosterImport($id: ID!) {\n    rosterImport(id: $id) {\n      id\n      status\n      totalRows\n      processedRows\n      problemCount\n      problems {\n        row\n        column\n        message\n      }\n      createdCount\n      updatedCount\n      failureMessage\n    }\n  }\n": types.SchoolRosterImportDocument,
    "\n  query SchoolScope {\n    me {\n      id\n      roles {\n        role\n        organization {\n          id\n          code\n          name\n          kind\n        }\n      }\n    }\n  }\n": types.SchoolScopeDocument,
    "\n  query SchoolResultSessions {\n    examSessions {\n      id\n      code\n      name\n      scoresPublishedAt\n      scoresPublished\n    }\n  }\n": types.SchoolResultSessionsDocument,
    "\n  query SchoolSessionResults($sessionId: ID!, $after: String) {\n    subjectEntries(sessionId: $sessionId, first: 100, after: $after) {\n      items {\n        id\n        recordNumber\n        result\n        score\n        resultPublished\n        subject {\n          name\n        }\n        candidate {\n          displayName\n        }\n      }\n      nextCursor\n    }\n  }\n": types.SchoolSessionResultsDocument,
    "\n  query SchoolStaffOverview($limit: Int!) {\n    me {\n      id\n      roles {\n        role\n        organization {\n          id\n          code\n          name\n          kind\n        }\n      }\n    }\n    organizations(kind: CLASS) {\n      id\n      code\n      name\n      parentId\n    }\n    users(limit: $limit) {\n      id\n      username\n      displayName\n      roles {\n        role\n        organization {\n          id\n          name\n        }\n      }\n    }\n  }\n": types.SchoolStaffOverviewDocument,
    "\n  mutation SchoolCreateClass($input: CreateOrganizationInput!) {\n    createOrganization(input: $input) {\n      id\n      code\n      name\n    }\n  }\n": types.SchoolCreateClassDocument,
    "\n  mutation SchoolCreateStaffAccount($input: CreateStaffAccountInput!) {\n    createStaffAccount(input: $input) {\n      id\n      username\n      displayName\n    }\n  }\n": types.SchoolCreateStaffAccountDocument,
    "\n  mutation SchoolBindRole($input: BindRoleInput!) {\n    bindRole(input: $input) {\n      role\n    }\n  }\n": types.SchoolBindRoleDocument,
    "\n  query SchoolSummary {\n    registrationProgress {\n      totals {\n        underReview\n        awaitingCollection\n        registered\n      }\n    }\n  }\n": types.SchoolSummaryDocument,
    "\n  mutation ShellRequestSmsCode($input: RequestSmsCodeInput!) {\n    requestSmsCode(input: $input) {\n      mobile\n      expiresAt\n      resendAvailableAt\n    }\n  }\n": types.ShellRequestSmsCodeDocument,
    "\n  mutation ShellRegisterCandidate($input: RegisterCandidateInput!) {\n    registerCandidate(input: $input) {\n      accessToken\n      refreshToken\n      expiresAt\n    }\n  }\n": types.ShellRegisterCandidateDocument,
    "\n  query ShellCounties {\n    organizations(kind: COUNTY) {\n      id\n      name\n      code\n    }\n  }\n": types.ShellCountiesDocument,
    "\n  mutation ShellChangePassword($input: ChangePasswordInput!) {\n    changePassword(input: $input)\n  }\n": types.ShellChangePasswordDocument,
    "\n  mutation ShellChangeMobile($input: ChangeMobileInput!) {\n    changeMobile(input: $input) {\n      id\n    }\n  }\n": types.ShellChangeMobileDocument,
    "\n  mutation ShellLogin($input: LoginInput!) {\n    login(input: $input) {\n      accessToken\n      refreshToken\n      expiresAt\n    }\n  }\n": types.ShellLoginDocument,
    "\n  mutation ShellRefreshSession($refreshToken: String!) {\n    refreshSession(refreshToken: $refreshToken) {\n      accessToken\n      refreshToken\n      expiresAt\n    }\n  }\n": types.ShellRefreshSessionDocument,
    "\n  mutation ShellLogout($refreshToken: String!) {\n    logout(refreshToken: $refreshToken)\n  }\n": types.ShellLogoutDocument,
    "\n  query ShellMe {\n    me {\n      id\n      username\n      displayName\n      passwordChangeRequired\n      roles {\n        role\n        organization {\n          id\n          name\n          kind\n        }\n      }\n    }\n  }\n": types.ShellMeDocument,
    "\n  query ShellInboxCount {\n    me {\n      id\n      unreadNotificationCount\n    }\n  }\n": types.ShellInboxCountDocument,
    "\n  query ShellInbox {\n    me {\n      id\n      unreadNotificationCount\n      notifications {\n        id\n        title\n        body\n        readAt\n        createdAt\n      }\n    }\n  }\n": types.ShellInboxDocument,
    "\n  mutation ShellMarkNotificationRead($id: ID!) {\n    markNotificationRead(id: $id) {\n      id\n      readAt\n    }\n  }\n": types.ShellMarkNotificationReadDocument,
};

/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 *
 *
 * @example
 * ```ts
 * const query = graphql(`query GetUser($id: ID!) { user(id: $id) { name } }`);
 * ```
 *
 * The query argument is unknown!
 * Please regenerate the types.
 */
export function graphql(source: string): unknown;

/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query BureauOverview {\n    myJurisdiction {\n      id\n      code\n      name\n      kind\n      parentId\n    }\n    registrationProgress {\n      totals {\n        underReview\n        returned\n        awaitingCollection\n        registered\n      }\n      rows {\n        organization {\n          id\n        }\n        name\n        code\n        countyName\n        social\n        counts {\n          underReview\n          returned\n          awaitingCollection\n          registered\n        }\n      }\n    }\n    certificationCases {\n      id\n      originProvinceCode\n      status\n      submittedAt\n      candidate {\n        displayName\n      }\n    }\n  }\n"): (typeof documents)["\n  query BureauOverview {\n    myJurisdiction {\n      id\n      code\n      name\n      kind\n      parentId\n    }\n    registrationProgress {\n      totals {\n        underReview\n        returned\n        awaitingCollection\n        registered\n      }\n      rows {\n        organization {\n          id\n        }\n        name\n        code\n        countyName\n        social\n        counts {\n          underReview\n          returned\n          awaitingCollection\n          registered\n        }\n      }\n    }\n    certificationCases {\n      id\n      originProvinceCode\n      status\n      submittedAt\n      candidate {\n        displayName\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query CertificationReviewQueue($first: Int, $after: String) {\n    certificationReviewQueue(first: $first, after: $after) {\n      items {\n        id\n        originProvinceCode\n        submittedAt\n        candidate {\n          displayName\n        }\n        evidence {\n          id\n          fileName\n          downloadUrl\n        }\n        application {\n          id\n          kindName\n          stepName\n          dueAt\n          round\n          version\n          canDecide\n        }\n      }\n      nextCursor\n    }\n  }\n"): (typeof documents)["\n  query CertificationReviewQueue($first: Int, $after: String) {\n    certificationReviewQueue(first: $first, after: $after) {\n      items {\n        id\n        originProvinceCode\n        submittedAt\n        candidate {\n          displayName\n        }\n        evidence {\n          id\n          fileName\n          downloadUrl\n        }\n        application {\n          id\n          kindName\n          stepName\n          dueAt\n          round\n          version\n          canDecide\n        }\n      }\n      nextCursor\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation DecideCertificationCase($input: DecideCertificationCaseInput!) {\n    decideCertificationCase(input: $input) {\n      id\n      status\n      application {\n        status\n        stepName\n        version\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation DecideCertificationCase($input: DecideCertificationCaseInput!) {\n    decideCertificationCase(input: $input) {\n      id\n      status\n      application {\n        status\n        stepName\n        version\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query BureauExamSessions($provinceCode: String!) {\n    examSessions {\n      id\n      code\n      name\n      provinceCode\n      registrationOpensAt\n      registrationClosesAt\n      scoresPublishedAt\n      registrationOpen\n      subjects {\n        code\n        name\n      }\n    }\n    examSubjects(provinceCode: $provinceCode) {\n      code\n      name\n      runBy\n    }\n  }\n"): (typeof documents)["\n  query BureauExamSessions($provinceCode: String!) {\n    examSessions {\n      id\n      code\n      name\n      provinceCode\n      registrationOpensAt\n      registrationClosesAt\n      scoresPublishedAt\n      registrationOpen\n      subjects {\n        code\n        name\n      }\n    }\n    examSubjects(provinceCode: $provinceCode) {\n      code\n      name\n      runBy\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation BureauCreateExamSession($input: CreateExamSessionInput!) {\n    createExamSession(input: $input) {\n      id\n      code\n      name\n    }\n  }\n"): (typeof documents)["\n  mutation BureauCreateExamSession($input: CreateExamSessionInput!) {\n    createExamSession(input: $input) {\n      id\n      code\n      name\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query BureauOrganizationAdmin {\n    me {\n      id\n      roles {\n        role\n        organization {\n          id\n          name\n          kind\n        }\n      }\n    }\n    organizations {\n      id\n      code\n      name\n      kind\n      parentId\n    }\n  }\n"): (typeof documents)["\n  query BureauOrganizationAdmin {\n    me {\n      id\n      roles {\n        role\n        organization {\n          id\n          name\n          kind\n        }\n      }\n    }\n    organizations {\n      id\n      code\n      name\n      kind\n      parentId\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation BureauCreateOrganization($input: CreateOrganizationInput!) {\n    createOrganization(input: $input) {\n      id\n      code\n      name\n      kind\n    }\n  }\n"): (typeof documents)["\n  mutation BureauCreateOrganization($input: CreateOrganizationInput!) {\n    createOrganization(input: $input) {\n      id\n      code\n      name\n      kind\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation BureauCreateStaffAccount($input: CreateStaffAccountInput!) {\n    createStaffAccount(input: $input) {\n      id\n      username\n      displayName\n    }\n  }\n"): (typeof documents)["\n  mutation BureauCreateStaffAccount($input: CreateStaffAccountInput!) {\n    createStaffAccount(input: $input) {\n      id\n      username\n      displayName\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query BureauPreRegistrationQueue($first: Int, $after: String, $filter: PreRegistrationQueueFilter) {\n    preRegistrationQueue(first: $first, after: $after, filter: $filter) {\n      items {\n        id\n        candidateKind\n        name\n        idNumber\n        gender\n        birthDate\n        ethnicityCode\n        studentNumber\n        householdLocation\n        mobile\n        stepKey\n        status\n        submittedAt\n        schoolClass {\n          name\n        }\n        school {\n          name\n        }\n        application {\n          id\n          version\n          round\n          stepName\n          canDecide\n          allowedDecisions\n          lastReason\n          history {\n            id\n            round\n            action\n            stepName\n            reason\n            occurredAt\n            actorRole\n          }\n        }\n      }\n      nextCursor\n    }\n  }\n"): (typeof documents)["\n  query BureauPreRegistrationQueue($first: Int, $after: String, $filter: PreRegistrationQueueFilter) {\n    preRegistrationQueue(first: $first, after: $after, filter: $filter) {\n      items {\n        id\n        candidateKind\n        name\n        idNumber\n        gender\n        birthDate\n        ethnicityCode\n        studentNumber\n        householdLocation\n        mobile\n        stepKey\n        status\n        submittedAt\n        schoolClass {\n          name\n        }\n        school {\n          name\n        }\n        application {\n          id\n          version\n          round\n          stepName\n          canDecide\n          allowedDecisions\n          lastReason\n          history {\n            id\n            round\n            action\n            stepName\n            reason\n            occurredAt\n            actorRole\n          }\n        }\n      }\n      nextCursor\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation BureauReviewPreRegistration($input: ReviewPreRegistrationInput!) {\n    reviewPreRegistration(input: $input) {\n      id\n      status\n    }\n  }\n"): (typeof documents)["\n  mutation BureauReviewPreRegistration($input: ReviewPreRegistrationInput!) {\n    reviewPreRegistration(input: $input) {\n      id\n      status\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation RevealPreRegistrationIdNumber($preRegistrationId: ID!) {\n    revealPreRegistrationIdNumber(preRegistrationId: $preRegistrationId)\n  }\n"): (typeof documents)["\n  mutation RevealPreRegistrationIdNumber($preRegistrationId: ID!) {\n    revealPreRegistrationIdNumber(preRegistrationId: $preRegistrationId)\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation RequestRegistrationPhotoUpload($preRegistrationId: ID!, $fileName: String!) {\n    requestRegistrationPhotoUpload(preRegistrationId: $preRegistrationId, fileName: $fileName) {\n      fileId\n      uploadUrl\n      maxBytes\n      allowedTypes\n    }\n  }\n"): (typeof documents)["\n  mutation RequestRegistrationPhotoUpload($preRegistrationId: ID!, $fileName: String!) {\n    requestRegistrationPhotoUpload(preRegistrationId: $preRegistrationId, fileName: $fileName) {\n      fileId\n      uploadUrl\n      maxBytes\n      allowedTypes\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation CollectPreRegistration($input: CollectPreRegistrationInput!) {\n    collectPreRegistration(input: $input) {\n      id\n      status\n      recordNumber\n      name\n    }\n  }\n"): (typeof documents)["\n  mutation CollectPreRegistration($input: CollectPreRegistrationInput!) {\n    collectPreRegistration(input: $input) {\n      id\n      status\n      recordNumber\n      name\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query BureauMyRoles {\n    me {\n      id\n      roles {\n        role\n      }\n    }\n  }\n"): (typeof documents)["\n  query BureauMyRoles {\n    me {\n      id\n      roles {\n        role\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query BureauResultsImportSessions {\n    examSessions {\n      id\n      code\n      name\n      registrationClosesAt\n      scoresPublishedAt\n      scoresPublished\n    }\n  }\n"): (typeof documents)["\n  query BureauResultsImportSessions {\n    examSessions {\n      id\n      code\n      name\n      registrationClosesAt\n      scoresPublishedAt\n      scoresPublished\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query BureauResultImportTemplate {\n    resultImportTemplate {\n      fileName\n      contentBase64\n    }\n  }\n"): (typeof documents)["\n  query BureauResultImportTemplate {\n    resultImportTemplate {\n      fileName\n      contentBase64\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation BureauOpenResultImport($sessionId: ID!, $fileName: String!) {\n    openResultImport(sessionId: $sessionId, fileName: $fileName) {\n      import {\n        id\n      }\n      upload {\n        uploadUrl\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation BureauOpenResultImport($sessionId: ID!, $fileName: String!) {\n    openResultImport(sessionId: $sessionId, fileName: $fileName) {\n      import {\n        id\n      }\n      upload {\n        uploadUrl\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation BureauCheckResultImport($id: ID!) {\n    checkResultImport(id: $id) {\n      id\n      status\n    }\n  }\n"): (typeof documents)["\n  mutation BureauCheckResultImport($id: ID!) {\n    checkResultImport(id: $id) {\n      id\n      status\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation BureauCommitResultImport($id: ID!) {\n    commitResultImport(id: $id) {\n      id\n      status\n    }\n  }\n"): (typeof documents)["\n  mutation BureauCommitResultImport($id: ID!) {\n    commitResultImport(id: $id) {\n      id\n      status\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query BureauResultImport($id: ID!) {\n    resultImport(id: $id) {\n      id\n      status\n      fileName\n      totalRows\n      processedRows\n      problemCount\n      updatedCount\n      failureMessage\n      problems {\n        row\n        column\n        message\n      }\n    }\n  }\n"): (typeof documents)["\n  query BureauResultImport($id: ID!) {\n    resultImport(id: $id) {\n      id\n      status\n      fileName\n      totalRows\n      processedRows\n      problemCount\n      updatedCount\n      failureMessage\n      problems {\n        row\n        column\n        message\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query BureauSmsDeliveries($filter: SmsDeliveryFilter, $limit: Int!, $offset: Int!) {\n    smsDeliveries(filter: $filter, limit: $limit, offset: $offset) {\n      total\n      items {\n        id\n        mobile\n        text\n        status\n        canRetry\n        attempts\n        nextAttemptAt\n        lastError\n        template\n        templateDescription\n        createdAt\n        sentAt\n        recipient {\n          displayName\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  query BureauSmsDeliveries($filter: SmsDeliveryFilter, $limit: Int!, $offset: Int!) {\n    smsDeliveries(filter: $filter, limit: $limit, offset: $offset) {\n      total\n      items {\n        id\n        mobile\n        text\n        status\n        canRetry\n        attempts\n        nextAttemptAt\n        lastError\n        template\n        templateDescription\n        createdAt\n        sentAt\n        recipient {\n          displayName\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation BureauRetrySmsDelivery($id: ID!) {\n    retrySmsDelivery(id: $id) {\n      id\n      status\n      canRetry\n      attempts\n      nextAttemptAt\n      lastError\n      sentAt\n    }\n  }\n"): (typeof documents)["\n  mutation BureauRetrySmsDelivery($id: ID!) {\n    retrySmsDelivery(id: $id) {\n      id\n      status\n      canRetry\n      attempts\n      nextAttemptAt\n      lastError\n      sentAt\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query WorkflowDefinitions($provinceCode: String!) {\n    registryWorkflowDefinitions(provinceCode: $provinceCode) {\n      ...WorkflowDefinitionFields\n    }\n    certificationWorkflowDefinitions(provinceCode: $provinceCode) {\n      ...WorkflowDefinitionFields\n    }\n  }\n\n  fragment WorkflowDefinitionFields on WorkflowDefinition {\n    id\n    kind\n    kindName\n    version\n    createdAt\n    steps {\n      key\n      name\n      actorRole\n      level\n      decisions\n      slaHours\n      warnAtHours\n    }\n  }\n"): (typeof documents)["\n  query WorkflowDefinitions($provinceCode: String!) {\n    registryWorkflowDefinitions(provinceCode: $provinceCode) {\n      ...WorkflowDefinitionFields\n    }\n    certificationWorkflowDefinitions(provinceCode: $provinceCode) {\n      ...WorkflowDefinitionFields\n    }\n  }\n\n  fragment WorkflowDefinitionFields on WorkflowDefinition {\n    id\n    kind\n    kindName\n    version\n    createdAt\n    steps {\n      key\n      name\n      actorRole\n      level\n      decisions\n      slaHours\n      warnAtHours\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation UpdateRegistryWorkflowDefinition($input: UpdateWorkflowDefinitionInput!) {\n    updateRegistryWorkflowDefinition(input: $input) {\n      id\n      version\n    }\n  }\n"): (typeof documents)["\n  mutation UpdateRegistryWorkflowDefinition($input: UpdateWorkflowDefinitionInput!) {\n    updateRegistryWorkflowDefinition(input: $input) {\n      id\n      version\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation UpdateCertificationWorkflowDefinition($input: UpdateWorkflowDefinitionInput!) {\n    updateCertificationWorkflowDefinition(input: $input) {\n      id\n      version\n    }\n  }\n"): (typeof documents)["\n  mutation UpdateCertificationWorkflowDefinition($input: UpdateWorkflowDefinitionInput!) {\n    updateCertificationWorkflowDefinition(input: $input) {\n      id\n      version\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query InstituteProvince {\n    me {\n      id\n      roles {\n        role\n        organization {\n          id\n          code\n          name\n          kind\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  query InstituteProvince {\n    me {\n      id\n      roles {\n        role\n        organization {\n          id\n          code\n          name\n          kind\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query CandidateExamSessions {\n    examSessions {\n      id\n      code\n      name\n      registrationOpensAt\n      registrationClosesAt\n    }\n  }\n"): (typeof documents)["\n  query CandidateExamSessions {\n    examSessions {\n      id\n      code\n      name\n      registrationOpensAt\n      registrationClosesAt\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment MyPreRegistrationFields on PreRegistration {\n    id\n    hasIdNumber\n    status\n    version\n    candidateKind\n    studentNumber\n    recordNumber\n    name\n    gender\n    ethnicityCode\n    politicalStatus\n    studentCategory\n    householdLocation\n    householdAuthority\n    idNumber\n    birthDate\n    mobile\n    address\n    postcode\n    foreignLanguage\n    enrollmentYear\n    submittedAt\n    registeredAt\n    resume {\n      from\n      to\n      organization\n      role\n    }\n    familyMembers {\n      relation\n      name\n      organization\n      mobile\n    }\n    guardian {\n      name\n      relation\n      mobile\n    }\n    school {\n      id\n      name\n    }\n    schoolClass {\n      name\n    }\n    application {\n      id\n      status\n      stepKey\n      stepName\n      round\n      lastReason\n      history {\n        id\n        round\n        action\n        stepName\n        reason\n        occurredAt\n        resultStatus\n        actorRole\n      }\n    }\n  }\n"): (typeof documents)["\n  fragment MyPreRegistrationFields on PreRegistration {\n    id\n    hasIdNumber\n    status\n    version\n    candidateKind\n    studentNumber\n    recordNumber\n    name\n    gender\n    ethnicityCode\n    politicalStatus\n    studentCategory\n    householdLocation\n    householdAuthority\n    idNumber\n    birthDate\n    mobile\n    address\n    postcode\n    foreignLanguage\n    enrollmentYear\n    submittedAt\n    registeredAt\n    resume {\n      from\n      to\n      organization\n      role\n    }\n    familyMembers {\n      relation\n      name\n      organization\n      mobile\n    }\n    guardian {\n      name\n      relation\n      mobile\n    }\n    school {\n      id\n      name\n    }\n    schoolClass {\n      name\n    }\n    application {\n      id\n      status\n      stepKey\n      stepName\n      round\n      lastReason\n      history {\n        id\n        round\n        action\n        stepName\n        reason\n        occurredAt\n        resultStatus\n        actorRole\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query MyPreRegistration {\n    myPreRegistration {\n      ...MyPreRegistrationFields\n    }\n    me {\n      id\n      displayName\n      roles {\n        role\n        organization {\n          id\n          kind\n          parentId\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  query MyPreRegistration {\n    myPreRegistration {\n      ...MyPreRegistrationFields\n    }\n    me {\n      id\n      displayName\n      roles {\n        role\n        organization {\n          id\n          kind\n          parentId\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query CandidateProvinceSchools($search: String, $first: Int) {\n    registrySchools(search: $search, first: $first) {\n      items {\n        id\n        code\n        name\n      }\n    }\n  }\n"): (typeof documents)["\n  query CandidateProvinceSchools($search: String, $first: Int) {\n    registrySchools(search: $search, first: $first) {\n      items {\n        id\n        code\n        name\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation SavePreRegistrationDraft($input: SavePreRegistrationInput!) {\n    savePreRegistrationDraft(input: $input) {\n      ...MyPreRegistrationFields\n    }\n  }\n"): (typeof documents)["\n  mutation SavePreRegistrationDraft($input: SavePreRegistrationInput!) {\n    savePreRegistrationDraft(input: $input) {\n      ...MyPreRegistrationFields\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation SubmitPreRegistration($input: SubmitPreRegistrationInput!) {\n    submitPreRegistration(input: $input) {\n      ...MyPreRegistrationFields\n    }\n  }\n"): (typeof documents)["\n  mutation SubmitPreRegistration($input: SubmitPreRegistrationInput!) {\n    submitPreRegistration(input: $input) {\n      ...MyPreRegistrationFields\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query CandidatePreRegistrationSummary {\n    myPreRegistration {\n      id\n      status\n      recordNumber\n    }\n  }\n"): (typeof documents)["\n  query CandidatePreRegistrationSummary {\n    myPreRegistration {\n      id\n      status\n      recordNumber\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query CandidateSubjectRegistration {\n    examSessions {\n      id\n      code\n      name\n      registrationClosesAt\n      registrationOpen\n      subjects {\n        code\n        name\n      }\n    }\n    subjectEntries(first: 100) {\n      items {\n        id\n        sessionId\n        subjectCode\n        result\n      }\n    }\n  }\n"): (typeof documents)["\n  query CandidateSubjectRegistration {\n    examSessions {\n      id\n      code\n      name\n      registrationClosesAt\n      registrationOpen\n      subjects {\n        code\n        name\n      }\n    }\n    subjectEntries(first: 100) {\n      items {\n        id\n        sessionId\n        subjectCode\n        result\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation CandidateEnterSubjects($input: EnterSubjectsInput!) {\n    enterSubjects(input: $input) {\n      id\n      subjectCode\n    }\n  }\n"): (typeof documents)["\n  mutation CandidateEnterSubjects($input: EnterSubjectsInput!) {\n    enterSubjects(input: $input) {\n      id\n      subjectCode\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation CandidateWithdrawSubjectEntry($input: WithdrawSubjectEntryInput!) {\n    withdrawSubjectEntry(input: $input) {\n      id\n      subjectCode\n    }\n  }\n"): (typeof documents)["\n  mutation CandidateWithdrawSubjectEntry($input: WithdrawSubjectEntryInput!) {\n    withdrawSubjectEntry(input: $input) {\n      id\n      subjectCode\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query CandidateResults {\n    subjectEntries(first: 100) {\n      items {\n        id\n        subjectCode\n        result\n        score\n        resultPublished\n        subject {\n          name\n        }\n        session {\n          id\n          name\n          scoresPublishedAt\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  query CandidateResults {\n    subjectEntries(first: 100) {\n      items {\n        id\n        subjectCode\n        result\n        score\n        resultPublished\n        subject {\n          name\n        }\n        session {\n          id\n          name\n          scoresPublishedAt\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query SchoolExamRecords($first: Int, $after: String) {\n    examRecordPage(first: $first, after: $after) {\n      items {\n        id\n        recordNumber\n        status\n        candidate {\n          id\n          displayName\n        }\n        school {\n          name\n        }\n      }\n      nextCursor\n    }\n  }\n"): (typeof documents)["\n  query SchoolExamRecords($first: Int, $after: String) {\n    examRecordPage(first: $first, after: $after) {\n      items {\n        id\n        recordNumber\n        status\n        candidate {\n          id\n          displayName\n        }\n        school {\n          name\n        }\n      }\n      nextCursor\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query SchoolPreRegistrationQueue($first: Int, $after: String, $filter: PreRegistrationQueueFilter) {\n    preRegistrationQueue(first: $first, after: $after, filter: $filter) {\n      items {\n        id\n        name\n        idNumber\n        studentNumber\n        gender\n        birthDate\n        stepKey\n        status\n        submittedAt\n        schoolClass {\n          id\n          name\n        }\n        school {\n          name\n        }\n        application {\n          id\n          version\n          round\n          stepName\n          canDecide\n          allowedDecisions\n          lastReason\n          history {\n            id\n            round\n            action\n            stepName\n            reason\n            occurredAt\n            actorRole\n          }\n        }\n      }\n      nextCursor\n    }\n    me {\n      id\n      roles {\n        role\n        organization {\n          id\n          name\n          kind\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  query SchoolPreRegistrationQueue($first: Int, $after: String, $filter: PreRegistrationQueueFilter) {\n    preRegistrationQueue(first: $first, after: $after, filter: $filter) {\n      items {\n        id\n        name\n        idNumber\n        studentNumber\n        gender\n        birthDate\n        stepKey\n        status\n        submittedAt\n        schoolClass {\n          id\n          name\n        }\n        school {\n          name\n        }\n        application {\n          id\n          version\n          round\n          stepName\n          canDecide\n          allowedDecisions\n          lastReason\n          history {\n            id\n            round\n            action\n            stepName\n            reason\n            occurredAt\n            actorRole\n          }\n        }\n      }\n      nextCursor\n    }\n    me {\n      id\n      roles {\n        role\n        organization {\n          id\n          name\n          kind\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation SchoolReviewPreRegistration($input: ReviewPreRegistrationInput!) {\n    reviewPreRegistration(input: $input) {\n      id\n      status\n    }\n  }\n"): (typeof documents)["\n  mutation SchoolReviewPreRegistration($input: ReviewPreRegistrationInput!) {\n    reviewPreRegistration(input: $input) {\n      id\n      status\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation SchoolApprovePreRegistrations($input: BulkApprovePreRegistrationsInput!) {\n    approvePreRegistrations(input: $input) {\n      preRegistrationId\n      ok\n      code\n      message\n    }\n  }\n"): (typeof documents)["\n  mutation SchoolApprovePreRegistrations($input: BulkApprovePreRegistrationsInput!) {\n    approvePreRegistrations(input: $input) {\n      preRegistrationId\n      ok\n      code\n      message\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query SchoolRosterScope {\n    me {\n      id\n      roles {\n        role\n        organization {\n          id\n          code\n          name\n          kind\n          parentId\n        }\n      }\n    }\n    organizations(kind: CLASS) {\n      id\n      code\n      name\n      parentId\n    }\n  }\n"): (typeof documents)["\n  query SchoolRosterScope {\n    me {\n      id\n      roles {\n        role\n        organization {\n          id\n          code\n          name\n          kind\n          parentId\n        }\n      }\n    }\n    organizations(kind: CLASS) {\n      id\n      code\n      name\n      parentId\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query SchoolRosterEntries($schoolId: ID, $classId: ID, $first: Int, $after: String) {\n    rosterEntries(schoolId: $schoolId, classId: $classId, first: $first, after: $after) {\n      items {\n        id\n        maskedStudentNumber\n        name\n        maskedIdNumber\n        className\n      }\n      nextCursor\n    }\n  }\n"): (typeof documents)["\n  query SchoolRosterEntries($schoolId: ID, $classId: ID, $first: Int, $after: String) {\n    rosterEntries(schoolId: $schoolId, classId: $classId, first: $first, after: $after) {\n      items {\n        id\n        maskedStudentNumber\n        name\n        maskedIdNumber\n        className\n      }\n      nextCursor\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query SchoolRosterImportTemplate {\n    rosterImportTemplate {\n      fileName\n      contentType\n      contentBase64\n    }\n  }\n"): (typeof documents)["\n  query SchoolRosterImportTemplate {\n    rosterImportTemplate {\n      fileName\n      contentType\n      contentBase64\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation SchoolStartRosterImport($schoolId: ID!, $fileName: String!) {\n    startRosterImport(schoolId: $schoolId, fileName: $fileName) {\n      import {\n        id\n        status\n      }\n      upload {\n        uploadUrl\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation SchoolStartRosterImport($schoolId: ID!, $fileName: String!) {\n    startRosterImport(schoolId: $schoolId, fileName: $fileName) {\n      import {\n        id\n        status\n      }\n      upload {\n        uploadUrl\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation SchoolCheckRosterImport($importId: ID!) {\n    checkRosterImport(importId: $importId) {\n      id\n      status\n    }\n  }\n"): (typeof documents)["\n  mutation SchoolCheckRosterImport($importId: ID!) {\n    checkRosterImport(importId: $importId) {\n      id\n      status\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation SchoolCommitRosterImport($importId: ID!) {\n    commitRosterImport(importId: $importId) {\n      id\n      status\n    }\n  }\n"): (typeof documents)["\n  mutation SchoolCommitRosterImport($importId: ID!) {\n    commitRosterImport(importId: $importId) {\n      id\n      status\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query SchoolRosterImport($id: ID!) {\n    rosterImport(id: $id) {\n      id\n      status\n      totalRows\n      processedRows\n      problemCount\n      problems {\n        row\n        column\n        message\n      }\n      createdCount\n      updatedCount\n      failureMessage\n    }\n  }\n"): (typeof documents)["\n  query SchoolRosterImport($id: ID!) {\n    rosterImport(id: $id) {\n      id\n      status\n      totalRows\n      processedRows\n      problemCount\n      problems {\n        row\n        column\n        message\n      }\n      createdCount\n      updatedCount\n      failureMessage\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query SchoolScope {\n    me {\n      id\n      roles {\n        role\n        organization {\n          id\n          code\n          name\n          kind\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  query SchoolScope {\n    me {\n      id\n      roles {\n        role\n        organization {\n          id\n          code\n          name\n          kind\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query SchoolResultSessions {\n    examSessions {\n      id\n      code\n      name\n      scoresPublishedAt\n      scoresPublished\n    }\n  }\n"): (typeof documents)["\n  query SchoolResultSessions {\n    examSessions {\n      id\n      code\n      name\n      scoresPublishedAt\n      scoresPublished\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query SchoolSessionResults($sessionId: ID!, $after: String) {\n    subjectEntries(sessionId: $sessionId, first: 100, after: $after) {\n      items {\n        id\n        recordNumber\n        result\n        score\n        resultPublished\n        subject {\n          name\n        }\n        candidate {\n          displayName\n        }\n      }\n      nextCursor\n    }\n  }\n"): (typeof documents)["\n  query SchoolSessionResults($sessionId: ID!, $after: String) {\n    subjectEntries(sessionId: $sessionId, first: 100, after: $after) {\n      items {\n        id\n        recordNumber\n        result\n        score\n        resultPublished\n        subject {\n          name\n        }\n        candidate {\n          displayName\n        }\n      }\n      nextCursor\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query SchoolStaffOverview($limit: Int!) {\n    me {\n      id\n      roles {\n        role\n        organization {\n          id\n          code\n          name\n          kind\n        }\n      }\n    }\n    organizations(kind: CLASS) {\n      id\n      code\n      name\n      parentId\n    }\n    users(limit: $limit) {\n      id\n      username\n      displayName\n      roles {\n        role\n        organization {\n          id\n          name\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  query SchoolStaffOverview($limit: Int!) {\n    me {\n      id\n      roles {\n        role\n        organization {\n          id\n          code\n          name\n          kind\n        }\n      }\n    }\n    organizations(kind: CLASS) {\n      id\n      code\n      name\n      parentId\n    }\n    users(limit: $limit) {\n      id\n      username\n      displayName\n      roles {\n        role\n        organization {\n          id\n          name\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation SchoolCreateClass($input: CreateOrganizationInput!) {\n    createOrganization(input: $input) {\n      id\n      code\n      name\n    }\n  }\n"): (typeof documents)["\n  mutation SchoolCreateClass($input: CreateOrganizationInput!) {\n    createOrganization(input: $input) {\n      id\n      code\n      name\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation SchoolCreateStaffAccount($input: CreateStaffAccountInput!) {\n    createStaffAccount(input: $input) {\n      id\n      username\n      displayName\n    }\n  }\n"): (typeof documents)["\n  mutation SchoolCreateStaffAccount($input: CreateStaffAccountInput!) {\n    createStaffAccount(input: $input) {\n      id\n      username\n      displayName\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation SchoolBindRole($input: BindRoleInput!) {\n    bindRole(input: $input) {\n      role\n    }\n  }\n"): (typeof documents)["\n  mutation SchoolBindRole($input: BindRoleInput!) {\n    bindRole(input: $input) {\n      role\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query SchoolSummary {\n    registrationProgress {\n      totals {\n        underReview\n        awaitingCollection\n        registered\n      }\n    }\n  }\n"): (typeof documents)["\n  query SchoolSummary {\n    registrationProgress {\n      totals {\n        underReview\n        awaitingCollection\n        registered\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ShellRequestSmsCode($input: RequestSmsCodeInput!) {\n    requestSmsCode(input: $input) {\n      mobile\n      expiresAt\n      resendAvailableAt\n    }\n  }\n"): (typeof documents)["\n  mutation ShellRequestSmsCode($input: RequestSmsCodeInput!) {\n    requestSmsCode(input: $input) {\n      mobile\n      expiresAt\n      resendAvailableAt\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ShellRegisterCandidate($input: RegisterCandidateInput!) {\n    registerCandidate(input: $input) {\n      accessToken\n      refreshToken\n      expiresAt\n    }\n  }\n"): (typeof documents)["\n  mutation ShellRegisterCandidate($input: RegisterCandidateInput!) {\n    registerCandidate(input: $input) {\n      accessToken\n      refreshToken\n      expiresAt\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ShellCounties {\n    organizations(kind: COUNTY) {\n      id\n      name\n      code\n    }\n  }\n"): (typeof documents)["\n  query ShellCounties {\n    organizations(kind: COUNTY) {\n      id\n      name\n      code\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ShellChangePassword($input: ChangePasswordInput!) {\n    changePassword(input: $input)\n  }\n"): (typeof documents)["\n  mutation ShellChangePassword($input: ChangePasswordInput!) {\n    changePassword(input: $input)\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ShellChangeMobile($input: ChangeMobileInput!) {\n    changeMobile(input: $input) {\n      id\n    }\n  }\n"): (typeof documents)["\n  mutation ShellChangeMobile($input: ChangeMobileInput!) {\n    changeMobile(input: $input) {\n      id\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ShellLogin($input: LoginInput!) {\n    login(input: $input) {\n      accessToken\n      refreshToken\n      expiresAt\n    }\n  }\n"): (typeof documents)["\n  mutation ShellLogin($input: LoginInput!) {\n    login(input: $input) {\n      accessToken\n      refreshToken\n      expiresAt\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ShellRefreshSession($refreshToken: String!) {\n    refreshSession(refreshToken: $refreshToken) {\n      accessToken\n      refreshToken\n      expiresAt\n    }\n  }\n"): (typeof documents)["\n  mutation ShellRefreshSession($refreshToken: String!) {\n    refreshSession(refreshToken: $refreshToken) {\n      accessToken\n      refreshToken\n      expiresAt\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ShellLogout($refreshToken: String!) {\n    logout(refreshToken: $refreshToken)\n  }\n"): (typeof documents)["\n  mutation ShellLogout($refreshToken: String!) {\n    logout(refreshToken: $refreshToken)\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ShellMe {\n    me {\n      id\n      username\n      displayName\n      passwordChangeRequired\n      roles {\n        role\n        organization {\n          id\n          name\n          kind\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  query ShellMe {\n    me {\n      id\n      username\n      displayName\n      passwordChangeRequired\n      roles {\n        role\n        organization {\n          id\n          name\n          kind\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ShellInboxCount {\n    me {\n      id\n      unreadNotificationCount\n    }\n  }\n"): (typeof documents)["\n  query ShellInboxCount {\n    me {\n      id\n      unreadNotificationCount\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ShellInbox {\n    me {\n      id\n      unreadNotificationCount\n      notifications {\n        id\n        title\n        body\n        readAt\n        createdAt\n      }\n    }\n  }\n"): (typeof documents)["\n  query ShellInbox {\n    me {\n      id\n      unreadNotificationCount\n      notifications {\n        id\n        title\n        body\n        readAt\n        createdAt\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ShellMarkNotificationRead($id: ID!) {\n    markNotificationRead(id: $id) {\n      id\n      readAt\n    }\n  }\n"): (typeof documents)["\n  mutation ShellMarkNotificationRead($id: ID!) {\n    markNotificationRead(id: $id) {\n      id\n      readAt\n    }\n  }\n"];

export function graphql(source: string) {
  return (documents as any)[source] ?? {};
}

export type DocumentType<TDocumentNode extends DocumentNode<any, any>> = TDocumentNode extends DocumentNode<  infer TType,  any>  ? TType  : never;