/* eslint-disable */
/** Internal type. DO NOT USE DIRECTLY. */
type Exact<T extends { [key: string]: unknown }> = { [K in keyof T]: T[K] };
/** Internal type. DO NOT USE DIRECTLY. */
export type Incremental<T> = T | { [P in keyof T]?: P extends ' $fragmentName' | '__typename' ? T[P] : never };
import type { TypedDocumentNode as DocumentNode } from '@graphql-typed-document-node/core';
/** 认定状态：待审核 / 已认定 / 未通过 */
export type CertificationCaseStatus =
  | 'APPROVED'
  | 'PENDING_REVIEW'
  | 'REJECTED';

/** 考籍状态：预报名 / 已注册 / 休籍 / 已转出 / 已毕业 */
export type ExamRecordStatus =
  | 'GRADUATED'
  | 'PRE_REGISTERED'
  | 'REGISTERED'
  | 'SUSPENDED'
  | 'TRANSFERRED_OUT';

/** 省级考试院 / 盟市 / 旗县区 / 学校 / 班级 */
export type OrganizationKind =
  | 'CLASS'
  | 'COUNTY'
  | 'LEAGUE'
  | 'PROVINCE'
  | 'SCHOOL';

export type BureauOverviewQueryVariables = Exact<{ [key: string]: never; }>;


export type BureauOverviewQuery = { organizations: Array<{ id: string, code: string, name: string, kind: OrganizationKind, parentId: string | null }> | null, certificationCases: Array<{ id: string, originProvinceCode: string, status: CertificationCaseStatus, submittedAt: string, candidate: { displayName: string } | null }> | null };

export type CandidateExamSessionsQueryVariables = Exact<{ [key: string]: never; }>;


export type CandidateExamSessionsQuery = { examSessions: Array<{ id: string, code: string, name: string, registrationOpensAt: string, registrationClosesAt: string }> | null };

export type SchoolExamRecordsQueryVariables = Exact<{
  limit: number;
}>;


export type SchoolExamRecordsQuery = { examRecords: Array<{ id: string, recordNumber: string, status: ExamRecordStatus, candidate: { id: string, displayName: string, unreadNotificationCount: number | null } | null, school: { name: string } | null }> | null };


export const BureauOverviewDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"BureauOverview"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"organizations"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"kind"}},{"kind":"Field","name":{"kind":"Name","value":"parentId"}}]}},{"kind":"Field","name":{"kind":"Name","value":"certificationCases"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"originProvinceCode"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"submittedAt"}},{"kind":"Field","name":{"kind":"Name","value":"candidate"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"displayName"}}]}}]}}]}}]} as unknown as DocumentNode<BureauOverviewQuery, BureauOverviewQueryVariables>;
export const CandidateExamSessionsDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"CandidateExamSessions"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"examSessions"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"registrationOpensAt"}},{"kind":"Field","name":{"kind":"Name","value":"registrationClosesAt"}}]}}]}}]} as unknown as DocumentNode<CandidateExamSessionsQuery, CandidateExamSessionsQueryVariables>;
export const SchoolExamRecordsDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"SchoolExamRecords"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"limit"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"examRecords"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"limit"},"value":{"kind":"Variable","name":{"kind":"Name","value":"limit"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"recordNumber"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"candidate"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"displayName"}},{"kind":"Field","name":{"kind":"Name","value":"unreadNotificationCount"}}]}},{"kind":"Field","name":{"kind":"Name","value":"school"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"name"}}]}}]}}]}}]} as unknown as DocumentNode<SchoolExamRecordsQuery, SchoolExamRecordsQueryVariables>;