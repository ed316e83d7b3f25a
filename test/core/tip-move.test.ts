import { describe, expect, it } from 'vitest';
import {
  addNote,
  applyTriage,
  createDesk,
  desksHeldBy,
  downloadAttachment,
  initialiseDesk,
  moveTipToDesk,
  openInbox,
  openTip,
  readThread,
  sendReply,
  submitTip,
  unlockReviewer,
  addFollowUp,
  isDomainError,
  type DeskId,
  type TelegramDelivery,
  type TipId,
  type UnlockedReviewer,
} from '../../src/core/index.js';
import {
  CryptoFormatError,
  decryptAttachment,
  fromUtf8,
  openTipEnvelope,
} from '../../src/crypto/index.js';
import { createTestDeps, filesBelow, PASSPHRASE, scanForBytes, submission } from '../helpers.js';
import { readFileSync } from 'node:fs';

const CHAT_ID = '5550001113';
const PHOTO = new Uint8Array(Buffer.from('OggS MOVED-FILE-BYTES', 'latin1'));

async function twoDesks() {
  const ctx = await createTestDeps();
  await initialiseDesk(ctx.deps, { reviewerName: 'ana', passphrase: PASSPHRASE });
  const first = await unlockReviewer(ctx.deps, 'ana', PASSPHRASE);
  const partner = await createDesk(ctx.deps, first, 'partner');
  first.wipe();
  const ana = await unlockReviewer(ctx.deps, 'ana', PASSPHRASE);
  const desks = await ctx.deps.store.listDesks();
  const home = desks.find((d) => d.id !== partner)?.id as DeskId;
  return { ...ctx, ana, home, partner };
}

/** Only the keys of the given desk: a reviewer who does not hold the other one. */
async function holdingOnly(
  deps: Awaited<ReturnType<typeof createTestDeps>>['deps'],
  ana: UnlockedReviewer,
  deskId: DeskId,
): Promise<UnlockedReviewer> {
  const ids = new Set((await deps.store.listDeskKeys(deskId)).map((k) => k.id));
  return { ...ana, deskKeys: new Map([...ana.deskKeys].filter(([id]) => ids.has(id))) };
}

const telegram = (sent: string[]): TelegramDelivery => ({
  deliverReply: (route, text) => {
    sent.push(`${route.chatId}:${text}`);
    return Promise.resolve();
  },
});

describe('moveTipToDesk', () => {
  it('moves a web tip with its file, thread, note and labels; the tipster still gets replies', async () => {
    const { deps, ana, home, partner, dataDir } = await twoDesks();
    const { tipId, codename } = await submitTip(deps, {
      ...submission('MOVE-WEB-SECRET about the farm'),
      attachments: [{ name: 'p.ogg', mediaType: 'audio/ogg', bytes: PHOTO }],
    });
    await addFollowUp(deps, codename, 'MOVE-FOLLOWUP more');
    await sendReply(deps, undefined, ana, tipId, 'MOVE-REPLY-1 thanks');
    await addNote(deps, ana, tipId, 'MOVE-NOTE internal');
    await applyTriage(deps, ana, [tipId], { kind: 'addLabel', label: 'movelabel' });

    await moveTipToDesk(deps, ana, tipId, home, partner);

    const tip = await deps.store.getTip(tipId);
    expect(tip?.deskId).toBe(partner);
    const onPartner = await holdingOnly(deps, ana, partner);
    expect(openTip(deps, onPartner, tip!).fields.message).toBe('MOVE-WEB-SECRET about the farm');
    expect((await readThread(deps, onPartner, tipId)).map((e) => e.text)).toEqual([
      'MOVE-FOLLOWUP more',
      'MOVE-REPLY-1 thanks',
      'MOVE-NOTE internal',
    ]);
    expect(
      (
        await downloadAttachment(
          deps,
          onPartner,
          tipId,
          openTip(deps, onPartner, tip!).attachments[0]!.id,
        )
      ).bytes,
    ).toEqual(PHOTO);
    await sendReply(deps, undefined, onPartner, tipId, 'MOVE-REPLY-2 after the move');
    expect((await openInbox(deps, codename)).entries.map((e) => e.text)).toEqual([
      'MOVE-FOLLOWUP more',
      'MOVE-REPLY-1 thanks',
      'MOVE-REPLY-2 after the move',
    ]);
    for (const needle of ['MOVE-WEB-SECRET', 'MOVE-NOTE', 'MOVE-REPLY', 'movelabel', 'MOVED-FILE'])
      expect(scanForBytes(dataDir, needle)).toEqual([]);
    const audit = await deps.store.listAudit(0, 1000);
    const moves = audit.filter((a) => a.action.startsWith('tip.move'));
    expect(moves.map((a) => [a.action, a.subject, a.detail])).toEqual([
      ['tip.move_out', tipId, home],
      ['tip.move_in', tipId, partner],
    ]);
  });

  it('moves a Telegram tip and the bot reply reaches the same chat, opened with the target key', async () => {
    const { deps, ana, home, partner, dataDir } = await twoDesks();
    const { tipId } = await submitTip(deps, {
      channel: 'telegram',
      language: 'en',
      fields: { message: 'MOVE-TG-SECRET' },
      replyRoute: { kind: 'telegram', chatId: CHAT_ID },
    });
    await moveTipToDesk(deps, ana, tipId, home, partner);
    const sent: string[] = [];
    const outcome = await sendReply(
      deps,
      telegram(sent),
      await holdingOnly(deps, ana, partner),
      tipId,
      'after move',
    );
    expect(outcome.delivery).toBe('telegram');
    expect(sent).toEqual([`${CHAT_ID}:after move`]);
    const onHome = await holdingOnly(deps, ana, home);
    await expect(sendReply(deps, telegram([]), onHome, tipId, 'x')).rejects.toThrow();
    expect(scanForBytes(dataDir, CHAT_ID)).toEqual([]);
    expect(scanForBytes(dataDir, 'MOVE-TG-SECRET')).toEqual([]);
  });

  it('leaves nothing of the moved tip that a key of the old desk opens, and no old ciphertext in the database file', async () => {
    const { deps, ana, home, partner, dataDir } = await twoDesks();
    const { tipId } = await submitTip(deps, {
      ...submission('MOVE-OLDKEY words here'),
      attachments: [{ name: 'p.ogg', mediaType: 'audio/ogg', bytes: PHOTO }],
    });
    await addNote(deps, ana, tipId, 'note');
    await applyTriage(deps, ana, [tipId], { kind: 'addLabel', label: 'x' });
    const before = (await deps.store.getTip(tipId))!;
    const oldContent = openTip(deps, ana, before);
    const oldKeys = [...(await holdingOnly(deps, ana, home)).deskKeys.values()];
    await moveTipToDesk(deps, ana, tipId, home, partner);

    const after = (await deps.store.getTip(tipId))!;
    const sealed = [
      after.envelope,
      after.triage!,
      ...(await deps.store.listMessages(tipId)).map((m) => m.forDesk),
    ];
    for (const blob of sealed)
      for (const key of oldKeys)
        expect(() => openTipEnvelope(deps.sodium, blob, key)).toThrow(CryptoFormatError);
    const file = (await deps.store.listAttachments(tipId))[0]!;
    const oldFileKey = deps.sodium.from_base64(oldContent.attachments[0]!.key);
    expect(() => decryptAttachment(deps.sodium, oldFileKey, file.ciphertext)).toThrow();
    // the home desk's search segments hold no document of the tip any more
    const heads = await deps.store.listSearchSegmentHeads(home);
    for (const segment of await deps.store.getSearchSegments(heads.map((h) => h.id)))
      for (const key of oldKeys) {
        try {
          expect(fromUtf8(openTipEnvelope(deps.sodium, segment.sealed, key))).not.toContain(tipId);
        } catch (error) {
          if (!(error instanceof CryptoFormatError)) throw error;
        }
      }
    // secure_delete: the old envelope's bytes are nowhere in the files once the WAL is folded in
    await deps.store.close();
    const probe = Buffer.from(before.envelope.subarray(100, 164));
    const holding = filesBelow(dataDir).filter((f) => readFileSync(f).includes(probe));
    expect(holding).toEqual([]);
  });

  it('refuses a desk the reviewer does not hold, the same desk, and a tip already moved, changing nothing', async () => {
    const { deps, ana, home, partner } = await twoDesks();
    const { tipId } = await submitTip(deps, submission('stay'));
    const before = (await deps.store.getTip(tipId))!;
    const homeOnly = await holdingOnly(deps, ana, home);
    const codeOf = (p: Promise<unknown>) =>
      p.then(
        () => 'resolved',
        (e: unknown) => (isDomainError(e) ? e.code : 'other'),
      );
    expect(await codeOf(moveTipToDesk(deps, homeOnly, tipId, home, partner))).toBe('forbidden');
    expect(await codeOf(moveTipToDesk(deps, ana, tipId, home, home))).toBe('invalid_input');
    expect(await codeOf(moveTipToDesk(deps, ana, 'ff00' as TipId, home, partner))).toBe(
      'not_found',
    );
    expect((await deps.store.getTip(tipId))?.envelope).toEqual(before.envelope);
    await moveTipToDesk(deps, ana, tipId, home, partner);
    const moved = (await deps.store.getTip(tipId))!;
    expect(await codeOf(moveTipToDesk(deps, ana, tipId, home, partner))).toBe('conflict');
    expect((await deps.store.getTip(tipId))?.envelope).toEqual(moved.envelope);
    expect((await desksHeldBy(deps, homeOnly)).map((d) => d.id)).toEqual([home]);
  });
});
