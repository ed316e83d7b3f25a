import { describe, expect, it } from 'vitest';
import type {
  DeskId,
  DeskKeyId,
  InvitationId,
  MessageId,
  QuestionnaireId,
  ReviewerId,
  ReviewerRecord,
  SearchSegmentId,
  Store,
  TipCursor,
  TipId,
  TipRecord,
} from '../../src/core/index.js';

/*
 * The contract every Store implementation meets: SQLite (test/store/sqlite-store.test.ts),
 * PostgreSQL in PGlite and on a real server (test/store/postgres-store.test.ts). Each test
 * opens its own empty, migrated store.
 */

export const bytes = (...values: number[]) => new Uint8Array(values);

export async function seedDesk(store: Store): Promise<{ deskId: DeskId; keyId: DeskKeyId }> {
  const deskId = 'desk1' as DeskId;
  const keyId = 'key1' as DeskKeyId;
  await store.insertDesk({
    id: deskId,
    name: 'main',
    recoveryPublicKey: bytes(9, 9),
    createdAt: 1,
  });
  await store.insertDeskKey({
    id: keyId,
    deskId,
    publicKey: bytes(1),
    recoveryGrant: bytes(2),
    createdAt: 1,
    retiredAt: null,
  });
  return { deskId, keyId };
}

export function tip(id: string, receivedAt: number, extra: Partial<TipRecord> = {}): TipRecord {
  return {
    id: id as TipId,
    deskId: 'desk1' as DeskId,
    deskKeyId: 'key1' as DeskKeyId,
    channel: 'web',
    status: 'new',
    assigneeId: null,
    receivedAt,
    envelope: bytes(7, 7, 7),
    triage: null,
    ...extra,
  };
}

function reviewer(id: string, name: string): ReviewerRecord {
  return {
    id: id as ReviewerId,
    name,
    role: 'reviewer',
    publicKey: bytes(1),
    wrappedSecretKey: bytes(2),
    kdfSalt: bytes(3),
    kdfParams: { algorithm: 'argon2id', memoryKiB: 8, iterations: 1, parallelism: 1 },
    verifier: bytes(4),
    createdAt: 1,
    revokedAt: null,
  };
}

export function describeStoreContract(name: string, open: () => Promise<Store>): void {
  describe(`Store contract on ${name}`, () => {
    it('round-trips meta values as bytes', async () => {
      const store = await open();
      await store.setMeta('salt', bytes(1, 2, 3));
      await store.setMeta('salt', bytes(4, 5));
      expect(await store.getMeta('salt')).toEqual(bytes(4, 5));
      expect(await store.getMeta('missing')).toBeUndefined();
      await store.close();
    });

    it('is the runner of once-per-database work when it is the only instance', async () => {
      const store = await open();
      expect(await store.isRunner()).toBe(true);
      await store.close();
    });

    it('takes shared tokens until the bucket is empty and refills it evenly over an hour', async () => {
      const store = await open();
      const key = bytes(7, 7);
      const takes = [];
      for (let i = 0; i < 4; i++) takes.push(await store.takeSharedToken('tips', key, 3, 0));
      expect(takes).toEqual([true, true, true, false]);
      // another key and another scope have buckets of their own
      expect(await store.takeSharedToken('tips', bytes(8), 3, 0)).toBe(true);
      expect(await store.takeSharedToken('inbox', key, 3, 0)).toBe(true);
      // a third of an hour brings back one token of three, not more
      expect(await store.takeSharedToken('tips', key, 3, 1_199_999)).toBe(false);
      expect(await store.takeSharedToken('tips', key, 3, 1_200_000)).toBe(true);
      expect(await store.takeSharedToken('tips', key, 3, 1_200_000)).toBe(false);
      // a clock that went back refills nothing
      expect(await store.takeSharedToken('tips', key, 3, 0)).toBe(false);
      // a long quiet time refills to the capacity, not beyond
      const later = 1_200_000 + 10 * 3_600_000;
      const refilled = [];
      for (let i = 0; i < 4; i++) refilled.push(await store.takeSharedToken('tips', key, 3, later));
      expect(refilled).toEqual([true, true, true, false]);
      await store.close();
    });

    it('counts shared failures, starts again after a quiet time, and forgets on delete', async () => {
      const store = await open();
      const key = bytes(9);
      expect(await store.countSharedFailure('login', key, 1000, 0)).toBe(1);
      expect(await store.countSharedFailure('login', key, 2000, 0)).toBe(2);
      expect(await store.getSharedCounter('login', key)).toEqual({ value: 2, updatedAt: 2000 });
      // the last failure (at 2000) is before forgetBefore: counting starts again
      expect(await store.countSharedFailure('login', key, 9000, 5000)).toBe(1);
      await store.deleteSharedCounter('login', key);
      expect(await store.getSharedCounter('login', key)).toBeUndefined();
      await store.close();
    });

    it('claims a key once, and sweeps counters and claims untouched since a time', async () => {
      const store = await open();
      expect(await store.claimOnce('telegram-update', bytes(1), 100)).toBe(true);
      expect(await store.claimOnce('telegram-update', bytes(1), 200)).toBe(false);
      expect(await store.claimOnce('telegram-update', bytes(2), 300)).toBe(true);
      await store.countSharedFailure('login', bytes(1), 400, 0);
      expect(await store.sweepSharedCounters(300)).toBe(1);
      expect(await store.claimOnce('telegram-update', bytes(1), 500)).toBe(true);
      expect(await store.claimOnce('telegram-update', bytes(2), 500)).toBe(false);
      expect(await store.getSharedCounter('login', bytes(1))).toEqual({ value: 1, updatedAt: 400 });
      await store.close();
    });

    it('lists tips newest first and filters by status and channel', async () => {
      const store = await open();
      await seedDesk(store);
      await store.insertTip(tip('a', 1000), undefined, []);
      await store.insertTip(tip('b', 3000, { channel: 'telegram' }), undefined, []);
      await store.insertTip(tip('c', 2000, { status: 'closed' }), undefined, []);
      expect((await store.listTips({ limit: 10 })).map((t) => t.id)).toEqual(['b', 'c', 'a']);
      expect((await store.listTips({ limit: 10, status: 'closed' })).map((t) => t.id)).toEqual([
        'c',
      ]);
      expect((await store.listTips({ limit: 10, channel: 'telegram' })).map((t) => t.id)).toEqual([
        'b',
      ]);
      expect((await store.listTips({ limit: 1, offset: 1 })).map((t) => t.id)).toEqual(['c']);
      expect(await store.countTips()).toBe(3);
      await store.close();
    });

    it('walks tips in listing order with a keyset cursor, ties within an hour broken by id', async () => {
      const store = await open();
      await seedDesk(store);
      for (const [id, at] of [
        ['a', 1000],
        ['d', 2000],
        ['b', 2000],
        ['c', 2000],
        ['e', 3000],
      ] as const)
        await store.insertTip(tip(id, at), undefined, []);
      const walked: string[] = [];
      for (let after: TipCursor | undefined; ;) {
        const page = await store.listTips({ limit: 2, ...(after ? { after } : {}) });
        walked.push(...page.map((t) => t.id));
        const last = page[page.length - 1];
        if (!last) break;
        after = { receivedAt: last.receivedAt, id: last.id };
      }
      expect(walked).toEqual(['e', 'd', 'c', 'b', 'a']);
      expect((await store.listTips({ limit: 10 })).map((t) => t.id)).toEqual(walked);
      await store.close();
    });

    it('lists tip heads like tips, without their envelopes', async () => {
      const store = await open();
      await seedDesk(store);
      await store.insertTip(tip('a', 1000, { triage: bytes(4, 4) }), undefined, []);
      await store.insertTip(tip('b', 2000, { status: 'closed' }), undefined, []);
      const heads = await store.listTipHeads({ limit: 10 });
      expect(heads.map((h) => h.id)).toEqual(['b', 'a']);
      expect(heads[1]).toEqual({ ...tip('a', 1000, { triage: bytes(4, 4) }), envelope: undefined });
      expect(heads.every((h) => !('envelope' in h))).toBe(true);
      expect((await store.listTipHeads({ limit: 10, status: 'closed' })).map((h) => h.id)).toEqual([
        'b',
      ]);
      await store.close();
    });

    it('stores a tip with its inbox and attachments in one transaction', async () => {
      const store = await open();
      await seedDesk(store);
      await store.insertTip(
        tip('t1', 5),
        { lookupId: bytes(5, 5), tipId: 't1' as TipId, replyPublicKey: bytes(6) },
        [{ id: 'f1' as never, tipId: 't1' as TipId, ciphertext: bytes(8, 8) }],
      );
      expect((await store.getTip('t1' as TipId))?.envelope).toEqual(bytes(7, 7, 7));
      expect((await store.getInbox(bytes(5, 5)))?.tipId).toBe('t1');
      expect(await store.getInbox(bytes(5, 6))).toBeUndefined();
      expect((await store.listAttachments('t1' as TipId)).map((a) => a.ciphertext)).toEqual([
        bytes(8, 8),
      ]);
      await store.close();
    });

    it('rolls back a tip whose attachment cannot be stored', async () => {
      const store = await open();
      await seedDesk(store);
      const duplicate = { id: 'same' as never, tipId: 't2' as TipId, ciphertext: bytes(1) };
      await expect(
        store.insertTip(tip('t2', 5), undefined, [duplicate, duplicate]),
      ).rejects.toThrow();
      expect(await store.getTip('t2' as TipId)).toBeUndefined();
      await store.close();
    });

    it('rejects a tip for a desk that does not exist (foreign keys are on)', async () => {
      const store = await open();
      await expect(store.insertTip(tip('t3', 5), undefined, [])).rejects.toThrow();
      await store.close();
    });

    it('returns the newest unretired desk key as the active one', async () => {
      const store = await open();
      const { deskId, keyId } = await seedDesk(store);
      await store.insertDeskKey({
        id: 'key2' as DeskKeyId,
        deskId,
        publicKey: bytes(3),
        recoveryGrant: bytes(4),
        createdAt: 2,
        retiredAt: null,
      });
      await store.retireDeskKey(keyId, 2);
      expect((await store.getActiveDeskKey(deskId))?.id).toBe('key2');
      expect((await store.listDeskKeys(deskId)).map((k) => k.id)).toEqual(['key1', 'key2']);
      await store.close();
    });

    it('replaces a grant for the same key and reviewer and deletes a reviewer’s grants', async () => {
      const store = await open();
      const { keyId } = await seedDesk(store);
      const reviewerId = 'r1' as ReviewerId;
      await store.insertReviewer({
        id: reviewerId,
        name: 'ana',
        role: 'admin',
        publicKey: bytes(1),
        wrappedSecretKey: bytes(2),
        kdfSalt: bytes(3),
        kdfParams: { algorithm: 'argon2id', memoryKiB: 8, iterations: 1, parallelism: 1 },
        verifier: bytes(4),
        createdAt: 1,
        revokedAt: null,
      });
      await store.putGrant({ deskKeyId: keyId, reviewerId, sealedDeskKey: bytes(1), createdAt: 1 });
      await store.putGrant({ deskKeyId: keyId, reviewerId, sealedDeskKey: bytes(2), createdAt: 2 });
      expect((await store.listGrantsForReviewer(reviewerId)).map((g) => g.sealedDeskKey)).toEqual([
        bytes(2),
      ]);
      expect((await store.getReviewerByName('ana'))?.kdfParams.memoryKiB).toBe(8);
      await store.deleteGrantsForReviewer(reviewerId);
      expect(await store.listGrantsForReviewer(reviewerId)).toEqual([]);
      expect(await store.countActiveReviewers()).toBe(1);
      await store.markReviewerRevoked(reviewerId, 5);
      expect(await store.countActiveReviewers()).toBe(0);
      await store.close();
    });

    it('keeps times of today in milliseconds and bytes of any value exactly', async () => {
      const store = await open();
      const now = Date.UTC(2026, 10, 22, 14, 0, 0);
      const deskId = 'desk1' as DeskId;
      await store.insertDesk({
        id: deskId,
        name: 'main',
        recoveryPublicKey: bytes(0),
        createdAt: now,
      });
      await store.insertDeskKey({
        id: 'key1' as DeskKeyId,
        deskId,
        publicKey: bytes(1),
        recoveryGrant: bytes(2),
        createdAt: now,
        retiredAt: now + 1,
      });
      const everyByte = new Uint8Array(256 * 4).map((_, i) => i % 256);
      await store.insertTip(
        tip('t', now, { envelope: everyByte, triage: bytes(0, 0, 0) }),
        undefined,
        [
          {
            id: 'big' as never,
            tipId: 't' as TipId,
            ciphertext: new Uint8Array(1 << 20).fill(0xfe),
          },
        ],
      );
      const stored = await store.getTip('t' as TipId);
      expect(stored?.receivedAt).toBe(now);
      expect(stored?.envelope).toEqual(everyByte);
      expect(stored?.envelope).toBeInstanceOf(Uint8Array);
      expect(stored?.triage).toEqual(bytes(0, 0, 0));
      expect((await store.getDeskKey('key1' as DeskKeyId))?.retiredAt).toBe(now + 1);
      expect((await store.getDesk(deskId))?.createdAt).toBe(now);
      const [file] = await store.listAttachments('t' as TipId);
      expect(file?.ciphertext.byteLength).toBe(1 << 20);
      expect(file?.ciphertext.every((b) => b === 0xfe)).toBe(true);
      await store.close();
    });

    it('counts tips by every filter, assignee null meaning nobody', async () => {
      const store = await open();
      await seedDesk(store);
      await store.insertReviewer(reviewer('r1', 'ana'));
      await store.insertTip(tip('a', 1000, { assigneeId: 'r1' as ReviewerId }), undefined, []);
      await store.insertTip(tip('b', 2000, { channel: 'telegram' }), undefined, []);
      await store.insertTip(tip('c', 3000, { status: 'closed' }), undefined, []);
      expect(await store.countTips({ assigneeId: null })).toBe(2);
      expect(await store.countTips({ assigneeId: 'r1' as ReviewerId })).toBe(1);
      expect(await store.countTips({ channel: 'telegram' })).toBe(1);
      expect(await store.countTips({ status: 'closed', deskId: 'desk1' as DeskId })).toBe(1);
      expect(await store.countTips({ deskId: 'other' as DeskId })).toBe(0);
      expect((await store.listTips({ limit: 10, assigneeId: null })).map((t) => t.id)).toEqual([
        'c',
        'b',
      ]);
      await store.close();
    });

    it('changes a tip’s status, assignee and sealed triage', async () => {
      const store = await open();
      await seedDesk(store);
      await store.insertReviewer(reviewer('r1', 'ana'));
      await store.insertTip(tip('a', 1000), undefined, []);
      await store.setTipStatus('a' as TipId, 'escalated');
      await store.setTipAssignee('a' as TipId, 'r1' as ReviewerId);
      await store.setTipTriage('a' as TipId, bytes(3, 1));
      expect(await store.getTip('a' as TipId)).toEqual(
        tip('a', 1000, {
          status: 'escalated',
          assigneeId: 'r1' as ReviewerId,
          triage: bytes(3, 1),
        }),
      );
      await store.setTipAssignee('a' as TipId, null);
      expect((await store.getTip('a' as TipId))?.assigneeId).toBeNull();
      await store.close();
    });

    it('numbers a thread 1, 2, 3 per tip and lists it in that order', async () => {
      const store = await open();
      await seedDesk(store);
      await store.insertTip(tip('a', 1000), undefined, []);
      await store.insertTip(tip('b', 1000), undefined, []);
      const append = (id: string, tipId: string, forTipster: Uint8Array | null) =>
        store.appendMessage({
          id: id as MessageId,
          tipId: tipId as TipId,
          kind: forTipster ? 'reply' : 'note',
          authorId: null,
          deskKeyId: 'key1' as DeskKeyId,
          createdAt: 3_600_000,
          forDesk: bytes(1),
          forTipster,
        });
      expect((await append('m1', 'a', bytes(2))).sequence).toBe(1);
      expect((await append('m2', 'b', null)).sequence).toBe(1);
      expect((await append('m3', 'a', null)).sequence).toBe(2);
      const thread = await store.listMessages('a' as TipId);
      expect(thread.map((m) => [m.id, m.sequence, m.kind])).toEqual([
        ['m1', 1, 'reply'],
        ['m3', 2, 'note'],
      ]);
      expect(thread[0]?.forTipster).toEqual(bytes(2));
      expect(thread[1]?.forTipster).toBeNull();
      await expect(append('m4', 'no-such-tip', null)).rejects.toThrow();
      await store.close();
    });

    it('moves a tip to another desk in place, all or nothing, only from the desk it is on', async () => {
      const store = await open();
      await seedDesk(store);
      await store.insertDesk({
        id: 'desk2' as DeskId,
        name: 'partner',
        recoveryPublicKey: bytes(8),
        createdAt: 1,
      });
      await store.insertDeskKey({
        id: 'key2' as DeskKeyId,
        deskId: 'desk2' as DeskId,
        publicKey: bytes(3),
        recoveryGrant: bytes(4),
        createdAt: 1,
        retiredAt: null,
      });
      const inboxRecord = { lookupId: bytes(5, 5), tipId: 'mv' as TipId, replyPublicKey: bytes(6) };
      await store.insertTip(tip('mv', 1000, { triage: bytes(1, 1) }), inboxRecord, [
        { id: 'f1' as never, tipId: 'mv' as TipId, ciphertext: bytes(1, 2) },
      ]);
      const message = await store.appendMessage({
        id: 'm1' as never,
        tipId: 'mv' as TipId,
        kind: 'note',
        authorId: null,
        deskKeyId: 'key1' as DeskKeyId,
        createdAt: 1,
        forDesk: bytes(9),
        forTipster: null,
      });
      const move = {
        tipId: 'mv' as TipId,
        fromDeskId: 'desk1' as DeskId,
        toDeskId: 'desk2' as DeskId,
        toDeskKeyId: 'key2' as DeskKeyId,
        envelope: bytes(8, 8),
        triage: bytes(2, 2),
        attachments: [{ id: 'f1' as never, ciphertext: bytes(3, 3) }],
        messages: [{ id: message.id, forDesk: bytes(4, 4) }],
      };
      // a list that misses the thread's message changes nothing
      expect(await store.moveTip({ ...move, messages: [] })).toBe(false);
      expect((await store.getTip('mv' as TipId))?.deskId).toBe('desk1');
      expect((await store.listAttachments('mv' as TipId))[0]?.ciphertext).toEqual(bytes(1, 2));
      expect(await store.moveTip(move)).toBe(true);
      const moved = await store.getTip('mv' as TipId);
      expect([moved?.deskId, moved?.deskKeyId, moved?.envelope, moved?.triage]).toEqual([
        'desk2',
        'key2',
        bytes(8, 8),
        bytes(2, 2),
      ]);
      expect((await store.listAttachments('mv' as TipId))[0]?.ciphertext).toEqual(bytes(3, 3));
      const thread = await store.listMessages('mv' as TipId);
      expect([thread[0]?.deskKeyId, thread[0]?.forDesk]).toEqual(['key2', bytes(4, 4)]);
      expect((await store.getInboxForTip('mv' as TipId))?.lookupId).toEqual(bytes(5, 5));
      // from a desk it is no longer on, or a tip that does not exist: false
      expect(await store.moveTip(move)).toBe(false);
      expect(await store.moveTip({ ...move, tipId: 'nope' as TipId })).toBe(false);
      expect((await store.getTip('mv' as TipId))?.envelope).toEqual(bytes(8, 8));
      await store.close();
    });

    it('deletes old tips in the given statuses with their inbox, files and thread', async () => {
      const store = await open();
      await seedDesk(store);
      const inbox = (tipId: string, n: number) => ({
        lookupId: bytes(n),
        tipId: tipId as TipId,
        replyPublicKey: bytes(n),
      });
      const file = (tipId: string) => [
        { id: `f-${tipId}` as never, tipId: tipId as TipId, ciphertext: bytes(1) },
      ];
      await store.insertTip(
        tip('old-closed', 1000, { status: 'closed' }),
        inbox('old-closed', 1),
        file('old-closed'),
      );
      await store.insertTip(tip('old-new', 1000), inbox('old-new', 2), file('old-new'));
      await store.insertTip(
        tip('young-spam', 9000, { status: 'spam' }),
        inbox('young-spam', 3),
        [],
      );
      await store.appendMessage({
        id: 'm' as MessageId,
        tipId: 'old-closed' as TipId,
        kind: 'followup',
        authorId: null,
        deskKeyId: 'key1' as DeskKeyId,
        createdAt: 1000,
        forDesk: bytes(1),
        forTipster: bytes(1),
      });
      expect(await store.deleteTipsBefore(5000, ['closed', 'spam'])).toBe(1);
      expect(await store.getTip('old-closed' as TipId)).toBeUndefined();
      expect(await store.getInbox(bytes(1))).toBeUndefined();
      expect(await store.getInboxForTip('old-closed' as TipId)).toBeUndefined();
      expect(await store.listAttachments('old-closed' as TipId)).toEqual([]);
      expect(await store.listMessages('old-closed' as TipId)).toEqual([]);
      expect((await store.getInboxForTip('old-new' as TipId))?.lookupId).toEqual(bytes(2));
      expect(await store.countTips()).toBe(2);
      expect(await store.deleteTipsBefore(5000, ['closed', 'spam'])).toBe(0);
      await store.close();
    });

    it('accepts each TOTP step once, only moving forward, and forgets it with a new secret', async () => {
      const store = await open();
      await store.insertReviewer(reviewer('r1', 'ana'));
      const id = 'r1' as ReviewerId;
      expect(await store.getReviewerTotp(id)).toEqual({ sealedSecret: null, lastStep: null });
      await store.setReviewerTotp(id, bytes(7, 7));
      expect(await store.advanceTotpStep(id, 59_000_000)).toBe(true);
      expect(await store.advanceTotpStep(id, 59_000_000)).toBe(false);
      expect(await store.advanceTotpStep(id, 58_999_999)).toBe(false);
      expect(await store.advanceTotpStep(id, 59_000_001)).toBe(true);
      expect(await store.getReviewerTotp(id)).toEqual({
        sealedSecret: bytes(7, 7),
        lastStep: 59_000_001,
      });
      await store.setReviewerTotp(id, null);
      expect(await store.getReviewerTotp(id)).toEqual({ sealedSecret: null, lastStep: null });
      expect(await store.getReviewerTotp('nobody' as ReviewerId)).toBeUndefined();
      await store.close();
    });

    it('keeps a reviewer’s passkeys and accepts only a rising counter (0 stays 0)', async () => {
      const store = await open();
      await store.insertReviewer(reviewer('r1', 'ana'));
      await store.insertReviewer(reviewer('r2', 'bo'));
      const id = 'r1' as ReviewerId;
      const passkey = {
        credentialId: 'cred-A_1',
        reviewerId: id,
        publicKey: bytes(5, 6, 7),
        counter: 3,
        transports: ['usb', 'internal'],
        label: 'work laptop',
        createdAt: 1_700_000_000_000,
        lastUsedAt: null,
      };
      await store.insertPasskey(passkey);
      await store.insertPasskey({ ...passkey, credentialId: 'cred-B', counter: 0, transports: [] });
      expect(await store.getPasskey('cred-A_1')).toEqual(passkey);
      expect((await store.listPasskeys(id)).map((p) => p.credentialId)).toEqual([
        'cred-A_1',
        'cred-B',
      ]);
      expect(await store.listPasskeys('r2' as ReviewerId)).toEqual([]);
      expect(await store.advancePasskeyCounter('cred-A_1', 3, 5)).toBe(false);
      expect(await store.advancePasskeyCounter('cred-A_1', 2, 5)).toBe(false);
      expect(await store.advancePasskeyCounter('cred-A_1', 0, 5)).toBe(false);
      expect(await store.advancePasskeyCounter('cred-A_1', 4_294_967_295, 9)).toBe(true);
      expect(await store.getPasskey('cred-A_1')).toMatchObject({
        counter: 4_294_967_295,
        lastUsedAt: 9,
      });
      expect(await store.advancePasskeyCounter('cred-B', 0, 6)).toBe(true);
      expect(await store.getPasskey('cred-B')).toMatchObject({ transports: [], lastUsedAt: 6 });
      expect(await store.advancePasskeyCounter('nobody', 7, 6)).toBe(false);
      expect(await store.deletePasskey('r2' as ReviewerId, 'cred-B')).toBe(false);
      expect(await store.deletePasskey(id, 'cred-B')).toBe(true);
      expect(await store.getPasskey('cred-B')).toBeUndefined();
      await expect(store.insertPasskey(passkey)).rejects.toThrow();
      await store.close();
    });

    it('uses an invitation once and finds it by its token hash', async () => {
      const store = await open();
      await store.insertReviewer(reviewer('r1', 'ana'));
      await store.insertReviewer(reviewer('r2', 'bo'));
      await store.insertReviewer(reviewer('r3', 'cy'));
      const invitation = {
        id: 'i1' as InvitationId,
        tokenHash: bytes(4, 2),
        role: 'reviewer' as const,
        createdBy: 'r1' as ReviewerId,
        createdAt: 10,
        expiresAt: 20,
        usedAt: null,
        reviewerId: null,
      };
      await store.insertInvitation(invitation);
      expect(await store.getInvitationByTokenHash(bytes(4, 2))).toEqual(invitation);
      expect(await store.getInvitationByTokenHash(bytes(4, 3))).toBeUndefined();
      expect(await store.markInvitationUsed('i1' as InvitationId, 'r2' as ReviewerId, 15)).toBe(
        true,
      );
      expect(await store.markInvitationUsed('i1' as InvitationId, 'r3' as ReviewerId, 16)).toBe(
        false,
      );
      expect(await store.listInvitations()).toEqual([
        { ...invitation, usedAt: 15, reviewerId: 'r2' },
      ]);
      await store.close();
    });

    it('appends audit entries and reads them back in sequence order after a given one', async () => {
      const store = await open();
      expect(await store.lastAudit()).toBeUndefined();
      const entry = (sequence: number) => ({
        sequence,
        at: Date.UTC(2026, 0, 1) + sequence,
        actor: 'cli',
        action: 'desk.init',
        subject: sequence === 2 ? null : `s${sequence}`,
        detail: null,
        previousHash: new Uint8Array(32).fill(sequence - 1),
        hash: new Uint8Array(32).fill(sequence),
      });
      for (const n of [1, 2, 3]) await store.appendAudit(entry(n));
      await expect(store.appendAudit(entry(3))).rejects.toThrow();
      expect(await store.lastAudit()).toEqual(entry(3));
      expect(await store.listAudit(1, 10)).toEqual([entry(2), entry(3)]);
      expect(await store.listAudit(0, 1)).toEqual([entry(1)]);
      await store.close();
    });

    it('lists desks and reviewers in creation order and finds them by id and name', async () => {
      const store = await open();
      await store.insertDesk({
        id: 'd2' as DeskId,
        name: 'second',
        recoveryPublicKey: bytes(2),
        createdAt: 2,
      });
      await store.insertDesk({
        id: 'd1' as DeskId,
        name: 'first',
        recoveryPublicKey: bytes(1),
        createdAt: 1,
      });
      await expect(
        store.insertDesk({
          id: 'd3' as DeskId,
          name: 'first',
          recoveryPublicKey: bytes(1),
          createdAt: 3,
        }),
      ).rejects.toThrow();
      expect((await store.listDesks()).map((d) => d.name)).toEqual(['first', 'second']);
      expect((await store.getDeskByName('second'))?.recoveryPublicKey).toEqual(bytes(2));
      expect(await store.getDesk('d9' as DeskId)).toBeUndefined();
      await store.insertReviewer({ ...reviewer('r2', 'bo'), createdAt: 2 });
      await store.insertReviewer({ ...reviewer('r1', 'ana'), createdAt: 1 });
      expect((await store.listReviewers()).map((r) => r.name)).toEqual(['ana', 'bo']);
      await store.updateReviewerCredentials('r1' as ReviewerId, {
        publicKey: bytes(9),
        wrappedSecretKey: bytes(8),
        kdfSalt: bytes(7),
        kdfParams: { algorithm: 'argon2id', memoryKiB: 64, iterations: 3, parallelism: 1 },
        verifier: bytes(6),
      });
      const ana = await store.getReviewer('r1' as ReviewerId);
      expect(ana?.publicKey).toEqual(bytes(9));
      expect(ana?.kdfParams.iterations).toBe(3);
      await store.close();
    });

    it('keeps an open transaction’s writes from every other caller until it commits', async () => {
      const store = await open();
      let release!: () => void;
      const held = new Promise<void>((resolve) => (release = resolve));
      let wrote!: () => void;
      const written = new Promise<void>((resolve) => (wrote = resolve));
      const writing = store.transaction(async () => {
        await store.setMeta('k', bytes(1));
        wrote();
        await held;
        await store.setMeta('k', bytes(2));
      });
      await written;
      // an implementation may make this read wait for the commit, or answer from before it;
      // it may never see the half-done transaction
      const outside = store.getMeta('k');
      release();
      await writing;
      expect([undefined, bytes(2)]).toContainEqual(await outside);
      expect(await store.getMeta('k')).toEqual(bytes(2));
      await store.close();
    });

    it('keeps a write from outside out of an open transaction that then rolls back', async () => {
      const store = await open();
      let release!: () => void;
      const held = new Promise<void>((resolve) => (release = resolve));
      const failing = store.transaction(async () => {
        await store.setMeta('inside', bytes(1));
        await held;
        throw new Error('abandoned');
      });
      const outsideWrite = store.setMeta('outside', bytes(2));
      release();
      await expect(failing).rejects.toThrow('abandoned');
      await outsideWrite;
      expect(await store.getMeta('inside')).toBeUndefined();
      expect(await store.getMeta('outside')).toEqual(bytes(2));
      await store.close();
    });

    it('runs two transactions one after the other, never interleaved', async () => {
      const store = await open();
      const order: string[] = [];
      let release!: () => void;
      const held = new Promise<void>((resolve) => (release = resolve));
      const a = store.transaction(async () => {
        order.push('a:start');
        await held;
        await store.setMeta('k', bytes(1));
        order.push('a:end');
      });
      const b = store.transaction(async () => {
        order.push('b:start');
        await store.setMeta('k', bytes(2));
        order.push('b:end');
      });
      // let b try to start while a is open
      await new Promise((resolve) => setTimeout(resolve, 50));
      release();
      await Promise.all([a, b]);
      expect(order).toEqual(['a:start', 'a:end', 'b:start', 'b:end']);
      expect(await store.getMeta('k')).toEqual(bytes(2));
      await store.close();
    });

    it('rolls back only a nested transaction whose failure the outer one catches', async () => {
      const store = await open();
      await store.transaction(async () => {
        await store.setMeta('outer', bytes(1));
        await store
          .transaction(async () => {
            await store.setMeta('inner', bytes(2));
            throw new Error('inner failed');
          })
          .catch(() => undefined);
        await store.setMeta('after', bytes(3));
      });
      expect(await store.getMeta('outer')).toEqual(bytes(1));
      expect(await store.getMeta('inner')).toBeUndefined();
      expect(await store.getMeta('after')).toEqual(bytes(3));
      await store.close();
    });

    it('rolls back everything a failed transaction wrote, tips included', async () => {
      const store = await open();
      await seedDesk(store);
      await expect(
        store.transaction(async () => {
          await store.insertTip(tip('gone', 1), undefined, []);
          await store.setTipStatus('gone' as TipId, 'closed');
          throw new Error('undo');
        }),
      ).rejects.toThrow('undo');
      expect(await store.getTip('gone' as TipId)).toBeUndefined();
      expect(await store.transaction(() => Promise.resolve('value'))).toBe('value');
      await store.close();
    });

    it('keeps alert settings, the outbox (earliest due time wins) and one-time link codes', async () => {
      const store = await open();
      await store.insertReviewer(reviewer('r1', 'ana'));
      const r1 = 'r1' as ReviewerId;
      await store.putAlertSettings({
        reviewerId: r1,
        language: 'de',
        emailSealed: bytes(1, 2),
        telegramSealed: null,
      });
      await store.setLastAlertAt(r1, 1_700_000_000_000);
      await store.putAlertSettings({
        reviewerId: r1,
        language: 'en',
        emailSealed: null,
        telegramSealed: bytes(3),
      });
      expect(await store.getAlertSettings(r1)).toEqual({
        reviewerId: r1,
        language: 'en',
        emailSealed: null,
        telegramSealed: bytes(3),
        lastAlertAt: 1_700_000_000_000,
      });
      expect(await store.listAlertSettings()).toHaveLength(1);
      await store.scheduleAlert(r1, 'email', 5_000_000_000_000);
      await store.scheduleAlert(r1, 'email', 3_000_000_000_000);
      await store.scheduleAlert(r1, 'email', 4_000_000_000_000);
      await store.scheduleAlert(r1, 'telegram', 6_000_000_000_000);
      expect(await store.listDueAlerts(3_500_000_000_000, 10)).toEqual([
        { reviewerId: r1, channel: 'email', dueAt: 3_000_000_000_000, attempts: 0 },
      ]);
      await store.rescheduleAlert(r1, 'email', 7_000_000_000_000, 2);
      expect((await store.listScheduledAlerts()).map((a) => [a.channel, a.attempts])).toEqual([
        ['telegram', 0],
        ['email', 2],
      ]);
      await store.deleteScheduledAlert(r1, 'telegram');
      await store.putAlertLinkCode({ codeHash: bytes(7), reviewerId: r1, expiresAt: 10 });
      await store.putAlertLinkCode({ codeHash: bytes(8), reviewerId: r1, expiresAt: 20 });
      expect(await store.takeAlertLinkCode(bytes(7))).toBeUndefined();
      expect(await store.takeAlertLinkCode(bytes(8))).toEqual({
        codeHash: bytes(8),
        reviewerId: r1,
        expiresAt: 20,
      });
      expect(await store.takeAlertLinkCode(bytes(8))).toBeUndefined();
      await store.putAlertLinkCode({ codeHash: bytes(9), reviewerId: r1, expiresAt: 30 });
      await store.deleteExpiredAlertLinkCodes(30);
      expect(await store.takeAlertLinkCode(bytes(9))).toBeUndefined();
      await store.deleteAlertSettings(r1);
      expect(await store.getAlertSettings(r1)).toBeUndefined();
      expect(await store.listScheduledAlerts()).toEqual([]);
      await store.close();
    });

    it('keeps waiting danger tips and a desk check-back choice', async () => {
      const store = await open();
      const { deskId } = await seedDesk(store);
      await store.insertUrgentTip({ id: 'u1', sealed: bytes(1), escalated: false });
      await store.insertUrgentTip({ id: 'u2', sealed: bytes(2), escalated: false });
      await store.markUrgentTipEscalated('u2');
      await store.deleteUrgentTip('u1');
      expect(await store.listUrgentTips()).toEqual([
        { id: 'u2', sealed: bytes(2), escalated: true },
      ]);
      expect((await store.getDesk(deskId))?.checkBack).toBeUndefined();
      await store.setDeskCheckBack(deskId, '7d');
      expect((await store.getDesk(deskId))?.checkBack).toBe('7d');
      await store.close();
    });

    it('numbers search segments per desk and lists, reads and deletes them by id', async () => {
      const store = await open();
      const { deskId, keyId } = await seedDesk(store);
      const segment = (id: string, ...sealed: number[]) => ({
        id: id as SearchSegmentId,
        deskId,
        deskKeyId: keyId,
        sealed: bytes(...sealed),
      });
      expect((await store.appendSearchSegment(segment('s1', 1))).sequence).toBe(1);
      expect((await store.appendSearchSegment(segment('s2', 2))).sequence).toBe(2);
      await store.transaction(async () => {
        expect((await store.appendSearchSegment(segment('s3', 3))).sequence).toBe(3);
      });
      expect((await store.listSearchSegmentHeads(deskId)).map((h) => [h.id, h.sequence])).toEqual([
        ['s1', 1],
        ['s2', 2],
        ['s3', 3],
      ]);
      expect(
        (await store.getSearchSegments(['s3', 's1'] as SearchSegmentId[])).map((s) => [
          s.id,
          s.sealed,
        ]),
      ).toEqual([
        ['s1', bytes(1)],
        ['s3', bytes(3)],
      ]);
      expect(await store.deleteSearchSegments(['s1', 's2', 'nope'] as SearchSegmentId[])).toBe(2);
      expect((await store.appendSearchSegment(segment('s4', 4))).sequence).toBe(4);
      expect((await store.listSearchSegmentHeads(deskId)).map((h) => h.id)).toEqual(['s3', 's4']);
      await store.close();
    });

    it('numbers questionnaire versions per desk, keeps every one and finds the current', async () => {
      const store = await open();
      const { deskId } = await seedDesk(store);
      await store.insertDesk({
        id: 'desk2' as DeskId,
        name: 'b',
        recoveryPublicKey: bytes(1),
        createdAt: 1,
      });
      expect(await store.getCurrentQuestionnaire(deskId)).toBeUndefined();
      const row = (id: string, desk: DeskId, definition: string) => ({
        id: id as QuestionnaireId,
        deskId: desk,
        definition,
        createdAt: 3_600_000,
      });
      expect((await store.appendQuestionnaire(row('q1', deskId, '{"a":1}'))).version).toBe(1);
      expect((await store.appendQuestionnaire(row('q2', deskId, '{"a":2}'))).version).toBe(2);
      expect((await store.appendQuestionnaire(row('q3', 'desk2' as DeskId, '{}'))).version).toBe(1);
      expect(await store.getCurrentQuestionnaire(deskId)).toEqual({
        ...row('q2', deskId, '{"a":2}'),
        version: 2,
      });
      expect(await store.getQuestionnaire('q1' as QuestionnaireId)).toEqual({
        ...row('q1', deskId, '{"a":1}'),
        version: 1,
      });
      expect(await store.getQuestionnaire('nope' as QuestionnaireId)).toBeUndefined();
      expect((await store.listQuestionnaires(deskId)).map((q) => [q.id, q.version])).toEqual([
        ['q1', 1],
        ['q2', 2],
      ]);
      await expect(
        store.appendQuestionnaire(row('q4', 'no-desk' as DeskId, '{}')),
      ).rejects.toThrow();
      await store.close();
    });

    it('rejects a failing statement without leaving the store unusable', async () => {
      const store = await open();
      await expect(
        store.insertDeskKey({
          id: 'k' as never,
          deskId: 'no-such-desk' as never,
          publicKey: bytes(1),
          recoveryGrant: bytes(2),
          createdAt: 1,
          retiredAt: null,
        }),
      ).rejects.toThrow();
      await store.setMeta('after', bytes(1));
      expect(await store.getMeta('after')).toEqual(bytes(1));
      await store.close();
    });
  });
}
