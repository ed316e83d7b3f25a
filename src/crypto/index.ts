export * from './sodium.js';
export * from './bytes.js';
export * from './padding.js';
export * from './kdf.js';
export * from './tip-envelope.js';
export * from './attachment.js';
export {
  deriveReviewerSecrets,
  wrapReviewerKey,
  unwrapReviewerKey,
  createReviewerKeyPair,
  WRAPPED_KEY_MAGIC,
  type ReviewerSecrets,
} from './reviewer-key.js';
export * from './desk-key.js';
export * from './recovery-key.js';
export * from './codename.js';
export * from './proof-of-work.js';
export * from './server-seal.js';
export * from './recovery-shares.js';
export * from './case-file.js';
