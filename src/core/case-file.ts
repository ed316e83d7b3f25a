import { Encrypter } from 'age-encryption';
import { sealCaseFile, utf8, wipe } from '../crypto/index.js';
import { DomainError } from './errors.js';
import { recordAudit } from './audit.js';
import { openAttachment, openTip } from './reading.js';
import { readThread } from './case-thread.js';
import { reviewerNames } from './desk-directory.js';
import { caseFileHtml, type CaseFileFile, type CaseFileLabels } from './case-file-html.js';
import type { CoreDeps } from './deps.js';
import type { UnlockedReviewer } from './key-material.js';
import type { TipId } from './ports.js';

export { escapeHtml, type CaseFileLabels } from './case-file-html.js';

/*
 * A case file for a partner (issue 14): the tip, its files, its thread and the notes the
 * reviewer chose, as one HTML document encrypted either to a passphrase (TLCF v1, see
 * docs/CRYPTO.md) or to a partner's age X25519 recipient. It is built in memory and handed to
 * the adapter to send; nothing is written to disk, and the plaintext bytes are wiped once
 * encrypted. `tipline open-case` opens both kinds offline.
 */

export const MIN_CASE_PASSPHRASE_CHARS = 12;
const MAX_CASE_PASSPHRASE_BYTES = 1024;
const AGE_X25519_RECIPIENT = /^age1[02-9ac-hj-np-z]{58}$/;
const MAX_NOTES = 1000;

export type CaseFileTarget =
  | { readonly kind: 'passphrase'; readonly passphrase: string; readonly confirmation: string }
  | { readonly kind: 'age'; readonly recipient: string };

export interface CaseFileRequest {
  readonly tipId: TipId;
  /** Notes (thread entries of kind 'note') to include; follow-ups and replies always are. */
  readonly noteIds: readonly string[];
  readonly target: CaseFileTarget;
  readonly labels: CaseFileLabels;
  /** The desk language tag, for the document's lang attribute. */
  readonly language: string;
}

export interface CaseFile {
  readonly fileName: string;
  readonly bytes: Uint8Array;
}

type CheckedTarget =
  { kind: 'passphrase'; passphrase: Uint8Array } | { kind: 'age'; encrypter: Encrypter };

/** Every refusal before anything is opened: field 'passphrase', 'confirmation', 'recipient' or 'notes'. */
function checkTarget(target: CaseFileTarget): CheckedTarget {
  if (target.kind === 'age') {
    const recipient = target.recipient.trim();
    if (!AGE_X25519_RECIPIENT.test(recipient))
      throw new DomainError('invalid_input', 'not an age X25519 recipient (age1…)', 'recipient');
    const encrypter = new Encrypter();
    try {
      encrypter.addRecipient(recipient);
    } catch {
      throw new DomainError('invalid_input', 'the age recipient has a bad checksum', 'recipient');
    }
    return { kind: 'age', encrypter };
  }
  if ([...target.passphrase].length < MIN_CASE_PASSPHRASE_CHARS)
    throw new DomainError(
      'invalid_input',
      `case file passphrases need at least ${MIN_CASE_PASSPHRASE_CHARS} characters`,
      'passphrase',
    );
  if (target.passphrase !== target.confirmation)
    throw new DomainError('invalid_input', 'the two passphrases differ', 'confirmation');
  const passphrase = utf8(target.passphrase);
  if (passphrase.length > MAX_CASE_PASSPHRASE_BYTES) {
    passphrase.fill(0);
    throw new DomainError('too_large', 'passphrase is too long', 'passphrase');
  }
  return { kind: 'passphrase', passphrase };
}

const extensionOf = (name: string): string =>
  /^[a-z0-9]{1,5}$/.exec(name.split('.').pop()?.toLowerCase() ?? '')?.[0] ?? 'bin';

/**
 * Builds and encrypts the case file of one tip, audited as 'tip.case_file' (the kind of
 * target and the number of notes; never a recipient, passphrase or content). Unknown tip:
 * not_found; a tip sealed to a desk key the reviewer lacks: forbidden.
 */
export async function buildCaseFile(
  deps: CoreDeps,
  unlocked: UnlockedReviewer,
  request: CaseFileRequest,
): Promise<CaseFile> {
  if (request.noteIds.length > MAX_NOTES)
    throw new DomainError('too_large', 'too many notes', 'notes');
  const target = checkTarget(request.target);
  const files: CaseFileFile[] = [];
  let document: Uint8Array | undefined;
  try {
    const tip = await deps.store.getTip(request.tipId);
    if (!tip) throw new DomainError('not_found', 'no such tip');
    const content = openTip(deps, unlocked, tip);
    const thread = await readThread(deps, unlocked, tip.id);
    const notes = new Set(thread.filter((m) => m.kind === 'note').map((m) => m.id as string));
    const chosen = new Set(request.noteIds);
    for (const id of chosen)
      if (!notes.has(id)) throw new DomainError('invalid_input', 'no such note', 'notes');
    const short = tip.id.slice(0, 8);
    for (const [i, ref] of content.attachments.entries()) {
      const bytes = await openAttachment(deps, tip, content, ref.id);
      files.push({
        downloadName: `tip-${short}-${i + 1}.${extensionOf(ref.name)}`,
        type: ref.type,
        size: ref.size,
        bytes,
      });
    }
    const exportedAt = deps.clock();
    document = utf8(
      caseFileHtml(
        request.labels,
        {
          tip,
          content,
          thread: thread.filter((m) => m.kind !== 'note' || chosen.has(m.id)),
          authorNames: await reviewerNames(deps),
          files,
          exportedAt,
        },
        request.language,
      ),
    );
    const bytes =
      target.kind === 'age'
        ? await target.encrypter.encrypt(document)
        : await sealCaseFile(deps.sodium, target.passphrase, document, deps.kdfParams);
    const day = new Date(exportedAt).toISOString().slice(0, 10).replaceAll('-', '');
    const fileName = `case-${short}-${day}.html.${target.kind === 'age' ? 'age' : 'tlcf'}`;
    await recordAudit(deps, {
      actor: unlocked.reviewer.id,
      action: 'tip.case_file',
      subject: tip.id,
      detail: `${target.kind}, ${chosen.size} note(s), ${files.length} file(s)`,
    });
    deps.logger.info('tip.case_file', { tipId: tip.id });
    return { fileName, bytes };
  } finally {
    wipe(deps.sodium, document, ...files.map((f) => f.bytes));
    if (target.kind === 'passphrase') wipe(deps.sodium, target.passphrase);
  }
}
