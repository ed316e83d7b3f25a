export * from './errors.js';
export * from './ports.js';
export * from './deps.js';
export * from './intake-limits.js';
export * from './tip-content.js';
export * from './desks.js';
export {
  assertNewPassphrase,
  assertReviewerName,
  auditActorOf,
  type UnlockedDesks,
  type UnlockedReviewer,
} from './key-material.js';
export {
  addReviewer,
  changePassphrase,
  createUngrantedReviewer,
  grantDeskKeys,
  unlockReviewer,
} from './reviewers-and-grants.js';
export { revokeReviewer, rotateDeskKeys } from './key-rotation.js';
export {
  parseShareCounts,
  recoverReviewer,
  recoveryKeyOf,
  RecoverySharesRefused,
  splitRecoveryKey,
  unlockWithRecoveryKey,
} from './recovery.js';
export * from './intake.js';
export * from './questionnaire.js';
export * from './questionnaires.js';
export { DEFAULT_QUESTIONNAIRE } from './default-questionnaire.js';
export * from './reading.js';
export * from './tip-move.js';
export * from './case-file.js';
export { newRandomId, bytesToHex, hexToBytes } from './ids.js';
export * from './case-thread.js';
export * from './rate-limiter.js';
export * from './sealed-intake.js';
export * from './pow-gate.js';
export * from './audit.js';
export * from './retention.js';
export * from './telegram-reply.js';
export * from './totp.js';
export * from './desk-login.js';
export * from './desk-sessions.js';
export * from './passkeys.js';
export * from './passkey-login.js';
export * from './desk-inbox.js';
export {
  startInboxScan,
  sealedCriteria,
  filterKeyOf,
  SCAN_TIMEOUT_MS,
  type InboxScan,
  type InboxScanOptions,
  type ScanState,
} from './inbox-scan.js';
export {
  createInProcessScanner,
  runScanTask,
  createKeyLedger,
  type SealedScanner,
  type ScanKey,
  type ScanTask,
  type ScanResult,
  type TipToOpen,
  type SegmentToOpen,
  type OpenedTip,
  type OpenedSegment,
} from './sealed-scan.js';
export {
  MAX_SEARCH_CHARS,
  parseSearchQuery,
  searchWords,
  matchesSealed,
  type IndexDoc,
} from './search-index.js';
export {
  createSessionSearchIndex,
  compactSearchIndex,
  SEARCH_CACHE_BYTES,
  type SessionSearchIndex,
} from './search-maintenance.js';
export { warmSearchIndex, warmSessionInBackground } from './search-warmup.js';
export * from './invitations.js';
export * from './desk-people.js';
export * from './desk-directory.js';
export * from './desk-language.js';
export * from './triage-forms.js';
export * from './backup.js';
export * from './replay-guard.js';
export * from './check-back.js';
export * from './email-address.js';
export * from './alerts.js';
export * from './alert-delivery.js';
export * from './desk-settings.js';
export * from './storage-alarm.js';
export * from './byte-budget.js';
export * from './store-migration.js';
export * from './runner.js';
export * from './shared-limits.js';
