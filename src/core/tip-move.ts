import {
  createAttachmentKey,
  CryptoFormatError,
  decryptAttachment,
  encryptAttachment,
  fromUtf8,
  openTipEnvelope,
  readTipEnvelopeHeader,
  sealTipEnvelope,
  utf8,
  wipe,
} from '../crypto/index.js';
import { DomainError } from './errors.js';
import { hexToBytes } from './ids.js';
import { recordAudit } from './audit.js';
import { openTip } from './reading.js';
import { openTriage } from './inbox-summaries.js';
import { appendTipSegmentWithLabels, sealDocumentsSegment } from './search-maintenance.js';
import { docsOfSegment } from './search-index.js';
import type { CoreDeps } from './deps.js';
import type { UnlockedReviewer } from './key-material.js';
import type { DeskId, DeskKeyId, DeskKeyRecord, SearchSegmentId, TipId } from './ports.js';

/*
 * Moving a case to another desk (issue 14): a reviewer who holds both desks' keys re-seals
 * every part of a tip (envelope, triage, files, thread) to the target desk's active key and
 * rewrites the store in one transaction; the source desk's search segments are rewritten
 * without the tip and the target desk gets a segment with it. The old ciphertext is
 * overwritten in place (SQLite secure_delete), so no key of the source desk opens anything of
 * the tip afterwards. The inbox (codename) keeps pointing at the same tip id: replies work.
 */

const keyIdOf = (sealed: Uint8Array): DeskKeyId =>
  Buffer.from(readTipEnvelopeHeader(sealed).deskKeyId).toString('hex') as DeskKeyId;

export interface MoveOutcome {
  readonly tipId: TipId;
  readonly fromDeskId: DeskId;
  readonly toDeskId: DeskId;
}

/** Desks whose every key this reviewer holds unlocked: the ones a case may move between. */
export async function desksHeldBy(
  deps: CoreDeps,
  reviewer: UnlockedReviewer,
): Promise<{ id: DeskId; name: string }[]> {
  const out: { id: DeskId; name: string }[] = [];
  for (const desk of await deps.store.listDesks()) {
    const active = await deps.store.getActiveDeskKey(desk.id);
    if (active && reviewer.deskKeys.has(active.id)) out.push({ id: desk.id, name: desk.name });
  }
  return out;
}

export async function moveTipToDesk(
  deps: CoreDeps,
  reviewer: UnlockedReviewer,
  tipId: TipId,
  fromDeskId: DeskId,
  toDeskId: DeskId,
): Promise<MoveOutcome> {
  if (fromDeskId === toDeskId)
    throw new DomainError('invalid_input', 'the case is already on that desk', 'desk');
  const target = await deps.store.getDesk(toDeskId);
  const targetKey = target && (await deps.store.getActiveDeskKey(toDeskId));
  if (!targetKey || !reviewer.deskKeys.has(targetKey.id))
    throw new DomainError('forbidden', 'you do not hold the key of that desk', 'desk');
  const sourceKey = await deps.store.getActiveDeskKey(fromDeskId);
  if (!sourceKey || !reviewer.deskKeys.has(sourceKey.id))
    throw new DomainError('forbidden', 'you do not hold the key of the desk the case is on');
  const seal = (plaintext: Uint8Array) =>
    sealTipEnvelope(
      deps.sodium,
      { keyId: hexToBytes(targetKey.id), publicKey: targetKey.publicKey },
      plaintext,
    );
  const openRaw = (sealed: Uint8Array): Uint8Array => {
    const key = reviewer.deskKeys.get(keyIdOf(sealed));
    if (!key) throw new DomainError('forbidden', 'a part of the case is sealed to a key you lack');
    try {
      return openTipEnvelope(deps.sodium, sealed, key);
    } catch (error) {
      if (error instanceof CryptoFormatError)
        throw new DomainError('damaged', 'a part of the case does not decrypt');
      throw error;
    }
  };

  await deps.store.transaction(async () => {
    const tip = await deps.store.getTip(tipId);
    if (!tip) throw new DomainError('not_found', 'no such case (moved or purged)');
    if (tip.deskId !== fromDeskId)
      throw new DomainError('conflict', 'the case is no longer on that desk (already moved)');
    const content = openTip(deps, reviewer, tip);
    const labels = openTriage(deps, reviewer, tip).labels;
    // every file gets a fresh key: the old desk's holders read the old keys
    const files = await deps.store.listAttachments(tipId);
    const attachments = [];
    const refs = [];
    for (const ref of content.attachments) {
      const file = files.find((f) => f.id === ref.id);
      if (!file) throw new DomainError('damaged', 'a file of the case is missing');
      const oldKey = deps.sodium.from_base64(ref.key);
      const newKey = createAttachmentKey(deps.sodium);
      let bytes: Uint8Array | undefined;
      try {
        bytes = decryptAttachment(deps.sodium, oldKey, file.ciphertext);
        attachments.push({
          id: file.id,
          ciphertext: encryptAttachment(deps.sodium, newKey, bytes),
        });
        refs.push({ ...ref, key: deps.sodium.to_base64(newKey) });
      } catch (error) {
        if (error instanceof CryptoFormatError)
          throw new DomainError('damaged', 'a file of the case does not decrypt');
        throw error;
      } finally {
        wipe(deps.sodium, oldKey, newKey, bytes);
      }
    }
    const moved = { ...content, attachments: refs };
    const plaintext = utf8(JSON.stringify(moved));
    const envelope = seal(plaintext);
    wipe(deps.sodium, plaintext);
    const reseal = (sealed: Uint8Array) => {
      const inner = openRaw(sealed);
      try {
        return seal(inner);
      } finally {
        wipe(deps.sodium, inner);
      }
    };
    const triage = tip.triage ? reseal(tip.triage) : null;
    const messages = (await deps.store.listMessages(tipId)).map((m) => ({
      id: m.id,
      forDesk: reseal(m.forDesk),
    }));
    const done = await deps.store.moveTip({
      tipId,
      fromDeskId,
      toDeskId,
      toDeskKeyId: targetKey.id,
      envelope,
      triage,
      attachments,
      messages,
    });
    if (!done) throw new DomainError('conflict', 'the case changed while it was being moved');
    await dropFromSegments(deps, reviewer, fromDeskId, sourceKey, tipId);
    await appendTipSegmentWithLabels(deps, toDeskId, targetKey, tipId, moved, labels);
    const actor = reviewer.reviewer.id;
    await recordAudit(deps, { actor, action: 'tip.move_out', subject: tipId, detail: fromDeskId });
    await recordAudit(deps, { actor, action: 'tip.move_in', subject: tipId, detail: toDeskId });
  });
  deps.logger.info('tip.moved', { tipId });
  return { tipId, fromDeskId, toDeskId };
}

/**
 * Rewrites each of the source desk's segments that holds a document of the tip without it
 * (re-sealed to the desk's active key, documents keeping their own sequences) and deletes the
 * old one, so the source desk's keys open no word of the moved case.
 */
async function dropFromSegments(
  deps: CoreDeps,
  reviewer: UnlockedReviewer,
  deskId: DeskId,
  activeKey: DeskKeyRecord,
  tipId: TipId,
): Promise<void> {
  const heads = await deps.store.listSearchSegmentHeads(deskId);
  const stale: SearchSegmentId[] = [];
  for (let i = 0; i < heads.length; i += 200) {
    const ids = heads.slice(i, i + 200).map((h) => h.id);
    for (const segment of await deps.store.getSearchSegments(ids)) {
      const key = reviewer.deskKeys.get(segment.deskKeyId);
      if (!key) continue;
      let plaintext: Uint8Array | undefined;
      try {
        plaintext = openTipEnvelope(deps.sodium, segment.sealed, key);
        const docs = docsOfSegment(JSON.parse(fromUtf8(plaintext)), segment.sequence);
        if (!docs?.some((d) => d.tipId === tipId)) continue;
        stale.push(segment.id);
        const kept = docs.filter((d) => d.tipId !== tipId);
        if (kept.length === 0) continue;
        await deps.store.appendSearchSegment(sealDocumentsSegment(deps, deskId, activeKey, kept));
      } catch (error) {
        if (!(error instanceof CryptoFormatError || error instanceof SyntaxError)) throw error;
      } finally {
        wipe(deps.sodium, plaintext);
      }
    }
  }
  if (stale.length > 0) await deps.store.deleteSearchSegments(stale);
}

/** The name of the desk a tip is on now (for the desk's "moved to …" notice). */
export async function tipDeskName(deps: CoreDeps, tipId: TipId): Promise<string | undefined> {
  const tip = await deps.store.getTip(tipId);
  return tip && (await deps.store.getDesk(tip.deskId))?.name;
}
