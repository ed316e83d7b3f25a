import {
  CryptoFormatError,
  decryptAttachment,
  fromUtf8,
  openTipEnvelope,
} from '../crypto/index.js';
import { DomainError } from './errors.js';
import type { CoreDeps } from './deps.js';
import { recordAudit } from './audit.js';
import type { UnlockedDesks, UnlockedReviewer } from './key-material.js';
import { tipContentSchema, type TipContent } from './tip-content.js';
import type { TipId, TipRecord } from './ports.js';

/** Opens a tip's envelope with the unlocked desk keys. Throws DomainError('damaged' | 'forbidden'). */
export function openTip(deps: CoreDeps, unlocked: UnlockedDesks, tip: TipRecord): TipContent {
  const deskKey = unlocked.deskKeys.get(tip.deskKeyId);
  if (!deskKey) throw new DomainError('forbidden', 'no grant for the desk key of this tip');
  let plaintext: Uint8Array | undefined;
  try {
    plaintext = openTipEnvelope(deps.sodium, tip.envelope, deskKey);
    const parsed = tipContentSchema.safeParse(JSON.parse(fromUtf8(plaintext)));
    if (!parsed.success) throw new DomainError('damaged', 'tip content does not match the schema');
    return parsed.data;
  } catch (error) {
    if (error instanceof DomainError) throw error;
    if (
      error instanceof CryptoFormatError ||
      error instanceof SyntaxError ||
      error instanceof TypeError
    ) {
      throw new DomainError('damaged', 'tip does not decrypt');
    }
    throw error;
  } finally {
    if (plaintext) deps.sodium.memzero(plaintext);
  }
}

/** Decrypts one attachment of an opened tip. */
export async function openAttachment(
  deps: CoreDeps,
  tip: TipRecord,
  content: TipContent,
  attachmentId: string,
): Promise<Uint8Array> {
  const ref = content.attachments.find((a) => a.id === attachmentId);
  const record = (await deps.store.listAttachments(tip.id)).find((a) => a.id === attachmentId);
  if (!ref || !record) throw new DomainError('not_found', 'no such attachment');
  const key = deps.sodium.from_base64(ref.key);
  try {
    return decryptAttachment(deps.sodium, key, record.ciphertext);
  } catch {
    throw new DomainError('damaged', 'attachment does not decrypt');
  } finally {
    deps.sodium.memzero(key);
  }
}

export interface AttachmentDownload {
  /** Its place among the tip's files, from 0: the download is named by it, not by the file. */
  readonly index: number;
  /** The name the tipster's file had, for its extension only. */
  readonly name: string;
  readonly bytes: Uint8Array;
}

/**
 * One attachment for a reviewer to download, recorded in the audit log. Only the envelope is
 * opened: the thread and a second 'tip.view' entry are not this request's business.
 */
export async function downloadAttachment(
  deps: CoreDeps,
  unlocked: UnlockedReviewer,
  tipId: TipId,
  attachmentId: string,
): Promise<AttachmentDownload> {
  const tip = await deps.store.getTip(tipId);
  if (!tip) throw new DomainError('not_found', 'no such tip');
  const content = openTip(deps, unlocked, tip);
  const index = content.attachments.findIndex((a) => a.id === attachmentId);
  const ref = content.attachments[index];
  if (!ref) throw new DomainError('not_found', 'no such attachment');
  const bytes = await openAttachment(deps, tip, content, attachmentId);
  await recordAudit(deps, {
    actor: unlocked.reviewer.id,
    action: 'attachment.download',
    subject: tip.id,
  });
  return { index, name: ref.name, bytes };
}

export type ExportedTip =
  | { readonly ok: true; readonly tip: TipRecord; readonly content: TipContent }
  | { readonly ok: false; readonly tip: TipRecord; readonly reason: 'damaged' | 'forbidden' };

/** Every tip, newest first, opened where possible; a damaged tip is reported, not fatal. */
export async function* exportTips(
  deps: CoreDeps,
  unlocked: UnlockedDesks,
  pageSize = 500,
): AsyncGenerator<ExportedTip> {
  for (let offset = 0; ; offset += pageSize) {
    const page = await deps.store.listTips({ limit: pageSize, offset });
    for (const tip of page) {
      try {
        yield { ok: true, tip, content: openTip(deps, unlocked, tip) };
      } catch (error) {
        if (
          error instanceof DomainError &&
          (error.code === 'damaged' || error.code === 'forbidden')
        ) {
          yield { ok: false, tip, reason: error.code };
        } else {
          throw error;
        }
      }
    }
    if (page.length < pageSize) return;
  }
}
