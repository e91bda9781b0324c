// What the frontends share at run time. Build config is "@xuekao/ui/vite"; the standalone
// development frame is "@xuekao/ui/standalone"; the specs' stubbed gateway "@xuekao/ui/testing".
export { default as QueryFeedback } from "./components/QueryFeedback.vue";
export { default as PasswordRules } from "./components/PasswordRules.vue";
export { default as AccountFields } from "./components/AccountFields.vue";
export { default as RemoteSummaryCard } from "./components/RemoteSummaryCard.vue";
export { default as EvidenceSlotUpload } from "./components/EvidenceSlotUpload.vue";
export type { EvidenceRequirementView, TicketAnswer } from "./components/evidence-slot";
export type { SummaryRow } from "./components/summary-row";
export { useGatewayQuery } from "./composables/useGatewayQuery";
export { useReviewDecision } from "./composables/useReviewDecision";
export type { ReviewDecisionOptions, ReviewedItem } from "./composables/useReviewDecision";
export { createGatewayClient, gateway, isUnauthenticated, UNAUTHENTICATED } from "./gateway";
export type { GatewayClient, GatewayRequestOptions } from "./gateway";
export {
  ACCESS_TOKEN_KEY,
  EXPIRES_AT_KEY,
  REFRESH_TOKEN_KEY,
  clearSession,
  readSession,
  sessionHandler,
  setSessionHandler,
  writeSession,
} from "./session";
export type { SessionHandler, SessionTokens } from "./session";
export {
  DISPLAY_NAME_MAX,
  DISPLAY_NAME_MIN,
  MOBILE_PATTERN,
  PASSWORD_MAX,
  PASSWORD_MIN,
  SMS_CODE_PATTERN,
  USERNAME_PATTERN,
  characterClasses,
  checkPassword,
  isStrongPassword,
  textLength,
} from "./account-rules";
export type { AccountField, PasswordChecks } from "./account-rules";
export { failureText, isTransportError, splitErrors } from "./field-errors";
export { downloadFile, uploadFile } from "./files";
export type { FileRefusal, FileResult } from "./files";
export { makeSelectListsFocusable } from "./select-lists";
export { SCAN_IMAGE_TYPES, formatBytes, scanFileProblem, scanProblemText, sniffType, typeNames } from "./scan-file";
export type { ScanLimits, ScanProblem, SniffedType } from "./scan-file";
