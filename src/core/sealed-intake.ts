import {
  CryptoFormatError,
  paddingBucket,
  readAttachmentPaddedSize,
  readTipEnvelopeHeader,
} from '../crypto/index.js';
import { DomainError } from './errors.js';
import { bytesToHex, newRandomId } from './ids.js';
import { issueInbox } from './intake.js';
import { defaultDesk } from './desks.js';
import { roundDownToHour, type CoreDeps } from './deps.js';
import type { AttachmentId, AttachmentRecord, DeskKeyId, TipId } from './ports.js';
import type { TipReceipt } from './intake.js';
import { recordActivity } from './alerts.js';
import { DEFAULT_CHECK_BACK } from './check-back.js';

/** A tip sealed in the browser: the server checks its shape and size, never its content. */
export interface SealedSubmission {
  readonly envelope: Uint8Array;
  readonly attachments: readonly { readonly id: string; readonly ciphertext: Uint8Array }[];
  /**
   * The tipster answered "someone is in danger now". The server cannot read the envelope, so
   * the browser says so beside it; it only schedules alerts (see DESIGN-NOTES, "Alerts").
   */
  readonly urgent?: boolean;
}

const ATTACHMENT_ID = /^[0-9a-f]{24}$/;

/** The public key tips should be sealed to now, for the browser. */
export async function currentDeskKey(
  deps: CoreDeps,
  deskName?: string,
): Promise<{ keyId: DeskKeyId; publicKey: Uint8Array }> {
  const desk =
    deskName === undefined ? await defaultDesk(deps) : await deps.store.getDeskByName(deskName);
  const key = desk && (await deps.store.getActiveDeskKey(desk.id));
  if (!key) throw new DomainError('not_initialised', 'tipline has no desk yet');
  return { keyId: key.id, publicKey: key.publicKey };
}

/**
 * Stores a tip sealed in the browser. The envelope must be a v1 envelope addressed to a
 * current desk key, with a body no larger than the biggest tip a form can produce; each
 * attachment must be a v1 attachment whose size is a padding bucket plus its overhead.
 */
export async function submitSealedTip(
  deps: CoreDeps,
  submission: SealedSubmission,
): Promise<TipReceipt> {
  const limits = deps.intakeLimits;
  let header;
  try {
    header = readTipEnvelopeHeader(submission.envelope);
  } catch (error) {
    if (error instanceof CryptoFormatError)
      throw new DomainError('bad_envelope', 'not a v1 tip envelope');
    throw error;
  }
  // Room for the fields (up to 4 UTF-8 bytes a character, JSON-escaped) and attachment refs.
  const maxContent =
    6 * (limits.maxMessageChars + 4 * limits.maxFieldChars) + limits.maxAttachments * 512 + 4096;
  if (header.paddedSize > paddingBucket(maxContent))
    throw new DomainError('too_large', 'envelope too large', 'envelope');
  const deskKey = await deps.store.getDeskKey(bytesToHex(header.deskKeyId) as DeskKeyId);
  if (!deskKey || deskKey.retiredAt !== null)
    throw new DomainError('bad_envelope', 'envelope is not sealed to a current desk key');

  if (submission.attachments.length > limits.maxAttachments)
    throw new DomainError('too_large', 'too many attachments', 'attachments');
  const ids = new Set<string>();
  let plaintextAtLeast = 0;
  for (const file of submission.attachments) {
    if (!ATTACHMENT_ID.test(file.id) || ids.has(file.id))
      throw new DomainError('bad_envelope', 'bad attachment id');
    ids.add(file.id);
    const padded = readAttachmentPaddedSize(file.ciphertext);
    if (padded === undefined) throw new DomainError('bad_envelope', 'not a v1 attachment');
    // A plaintext always fills more than half its bucket, so half the bucket is a lower bound.
    plaintextAtLeast += padded / 2;
  }
  if (plaintextAtLeast > limits.maxAttachmentBytesTotal)
    throw new DomainError('too_large', 'attachments too large', 'attachments');

  const tipId = newRandomId<TipId>(deps.random);
  const { codename, inbox } = await issueInbox(deps, tipId);
  const records: AttachmentRecord[] = submission.attachments.map((file) => ({
    id: file.id as AttachmentId,
    tipId,
    ciphertext: file.ciphertext,
  }));
  await deps.store.insertTip(
    {
      id: tipId,
      deskId: deskKey.deskId,
      deskKeyId: deskKey.id,
      channel: 'web',
      status: 'new',
      assigneeId: null,
      receivedAt: roundDownToHour(deps.clock()),
      envelope: submission.envelope,
      triage: null,
    },
    inbox,
    records,
  );
  deps.logger.info('tip.received', {
    channel: 'web',
    mode: 'sealed_in_browser',
    attachments: records.length,
  });
  await recordActivity(deps, deskKey.deskId, submission.urgent === true ? tipId : undefined);
  const desk = await deps.store.getDesk(deskKey.deskId);
  return { tipId, codename, checkBack: desk?.checkBack ?? DEFAULT_CHECK_BACK };
}
