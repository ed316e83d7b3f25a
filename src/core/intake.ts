import {
  CODENAME_DIGITS,
  createAttachmentKey,
  deriveInboxKeys,
  encryptAttachment,
  formatCodename,
  sealTipEnvelope,
  utf8,
  wipe,
  type KdfParams,
} from '../crypto/index.js';
import { DomainError } from './errors.js';
import { hexToBytes, newRandomId } from './ids.js';
import { appendTipSegment } from './search-maintenance.js';
import { CODENAME_KDF_META, CODENAME_SALT_META, defaultDesk } from './desks.js';
import { roundDownToHour, type CoreDeps } from './deps.js';
import {
  TIP_CONTENT_VERSION,
  sanitizeFileName,
  validateSubmission,
  type AttachmentRef,
  type TipContent,
  type TipSubmission,
} from './tip-content.js';
import type { AttachmentId, AttachmentRecord, DeskRecord, InboxRecord, TipId } from './ports.js';
import { recordActivity } from './alerts.js';
import { DEFAULT_CHECK_BACK, type CheckBack } from './check-back.js';
import { answersForTip } from './questionnaires.js';

export interface TipReceipt {
  readonly tipId: TipId;
  /** Shown to the tipster once; the server keeps only a hash of a key derived from it. */
  readonly codename: string;
  /** When the receipt tells her to check back: the desk's choice. */
  readonly checkBack: CheckBack;
}

async function chooseDesk(deps: CoreDeps, deskName: string | undefined): Promise<DeskRecord> {
  const desk =
    deskName === undefined ? await defaultDesk(deps) : await deps.store.getDeskByName(deskName);
  if (!desk) {
    throw deskName === undefined
      ? new DomainError('not_initialised', 'tipline has no desk yet; run tipline init')
      : new DomainError('invalid_input', 'unknown desk', 'desk');
  }
  return desk;
}

/** The instance salt and cost for codename derivation, fixed at init so codenames keep working. */
export async function codenameKdf(
  deps: CoreDeps,
): Promise<{ salt: Uint8Array; params: KdfParams }> {
  const salt = await deps.store.getMeta(CODENAME_SALT_META);
  const params = await deps.store.getMeta(CODENAME_KDF_META);
  if (!salt || !params)
    throw new DomainError('not_initialised', 'tipline is not initialised; run tipline init');
  return { salt, params: JSON.parse(new TextDecoder().decode(params)) as KdfParams };
}

/**
 * A fresh codename for a tip and its inbox record: argon2id(codename, instance salt) gives the
 * lookup id and the reply public key; the codename itself is returned to show once, never kept.
 */
export async function issueInbox(
  deps: CoreDeps,
  tipId: TipId,
): Promise<{ codename: string; inbox: InboxRecord }> {
  const kdf = await codenameKdf(deps);
  let digits = '';
  for (let i = 0; i < CODENAME_DIGITS; i++) digits += String(deps.random.uniform(10));
  const keys = await deriveInboxKeys(deps.sodium, digits, kdf.salt, kdf.params);
  wipe(deps.sodium, keys.replySecretKey);
  return {
    codename: formatCodename(digits),
    inbox: { lookupId: keys.lookupId, tipId, replyPublicKey: keys.replyPublicKey },
  };
}

/**
 * Accepts a tip from any channel and seals it before anything touches the disk: each
 * attachment under its own key, and the fields, attachment keys and reply route in one
 * envelope to the desk's current key. Returns the codename to show the tipster once.
 */
export async function submitTip(deps: CoreDeps, submission: TipSubmission): Promise<TipReceipt> {
  const { sodium, store, random } = deps;
  const { fields, attachments } = validateSubmission(submission, deps.intakeLimits);
  const desk = await chooseDesk(deps, submission.deskName);
  const deskKey = await store.getActiveDeskKey(desk.id);
  if (!deskKey) throw new DomainError('not_initialised', 'desk has no key');
  const answers =
    submission.answers &&
    (await answersForTip(
      deps,
      desk.id,
      submission.answers.raw,
      submission.answers.questionnaireId,
    ));
  const tipId = newRandomId<TipId>(random);
  const { codename, inbox } = await issueInbox(deps, tipId);
  const keys: Uint8Array[] = [];
  let plaintext: Uint8Array | undefined;
  try {
    const records: AttachmentRecord[] = [];
    const refs: AttachmentRef[] = [];
    for (const original of attachments) {
      const file = await deps.attachmentSanitizer.sanitize(original);
      const key = createAttachmentKey(sodium);
      keys.push(key);
      const id = newRandomId<AttachmentId>(random);
      records.push({ id, tipId, ciphertext: encryptAttachment(sodium, key, file.bytes) });
      refs.push({
        id,
        key: sodium.to_base64(key),
        name: sanitizeFileName(file.name),
        type: file.mediaType,
        size: file.bytes.length,
      });
    }
    const content: TipContent = {
      v: TIP_CONTENT_VERSION,
      channel: submission.channel,
      language: submission.language,
      fields,
      attachments: refs,
      ...(submission.replyRoute ? { replyRoute: submission.replyRoute } : {}),
      ...(answers ? { answers } : {}),
    };
    plaintext = utf8(JSON.stringify(content));
    const envelope = sealTipEnvelope(
      sodium,
      { keyId: hexToBytes(deskKey.id), publicKey: deskKey.publicKey },
      plaintext,
    );
    // the tip and its one-tip index segment land together or not at all
    const tip = {
      id: tipId,
      deskId: desk.id,
      deskKeyId: deskKey.id,
      channel: submission.channel,
      status: 'new',
      assigneeId: null,
      receivedAt: roundDownToHour(deps.clock()),
      envelope,
      triage: null,
    } as const;
    await store.transaction(async () => {
      await store.insertTip(tip, inbox, records);
      await appendTipSegment(deps, desk.id, deskKey, tipId, content);
    });
    // never log: tip text, codename, attachment names, reply route
    deps.logger.info('tip.received', { channel: submission.channel, attachments: records.length });
    // outbox rows only: the alert itself goes out later, after the tipster has her receipt
    await recordActivity(deps, desk.id, fields.danger === true ? tipId : undefined);
    return { tipId, codename, checkBack: desk.checkBack ?? DEFAULT_CHECK_BACK };
  } finally {
    wipe(sodium, plaintext, ...keys);
  }
}
