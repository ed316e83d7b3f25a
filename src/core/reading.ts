import {
  CryptoFormatError,
  decryptAttachment,
  fromUtf8,
  openTipEnvelope,
} from '../crypto/index.js';
import { DomainError } from './errors.js';
import type { CoreDeps } from './deps.js';
import type { UnlockedDesks } from './key-material.js';
import { tipContentSchema, type TipContent } from './tip-content.js';
import type { TipRecord } from './ports.js';

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
