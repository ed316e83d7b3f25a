import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
  applyTriage,
  createSessionSearchIndex,
  currentDeskKey,
  initialiseDesk,
  listInbox,
  parseSearchQuery,
  searchWords,
  submitSealedTip,
  submitTip,
  unlockReviewer,
  warmSearchIndex,
  type ReviewerView,
  type TipId,
} from '../../src/core/index.js';
import { hexToBytes } from '../../src/core/ids.js';
import { sealTipEnvelope, utf8 } from '../../src/crypto/index.js';
import { createTestDeps, PASSPHRASE, scanForBytes } from '../helpers.js';

const WORDS = [
  'passport',
  'border',
  'mine',
  'факел',
  'паспорт',
  'граница',
  '护照',
  '他们拿走了我的护照',
  '边境',
  'หนังสือเดินทาง',
  'ชายแดน',
  'លិខិតឆ្លងដែន',
  'ໜັງສືຜ່ານແດນ',
  'hộ chiếu',
  'ĐƯỜNG',
  'Straße',
  'café',
  'ﬁnal',
  '42',
  'x-ray',
];
const LABELS = ['Border', 'mine', 'Urgent case', '护照'];

async function desk() {
  const ctx = await createTestDeps();
  await initialiseDesk(ctx.deps, { reviewerName: 'ana', passphrase: PASSPHRASE });
  const ana = await unlockReviewer(ctx.deps, 'ana', PASSPHRASE);
  return { ...ctx, ana };
}

describe('search words', () => {
  it('splits Chinese, Thai, Khmer and Lao text into words and folds case and width', () => {
    expect(searchWords('他们拿走了我的护照').length).toBeGreaterThan(1);
    expect(searchWords('หนังสือเดินทางของฉัน').length).toBeGreaterThan(1);
    expect(searchWords('Ｐａｓｓport ÉTÉ')).toEqual(['passport', 'été']);
  });

  it('refuses a search over 200 characters, with control characters, or without a word', () => {
    expect(() => parseSearchQuery('x'.repeat(201))).toThrow(
      expect.objectContaining({ code: 'too_large', field: 'q' }),
    );
    expect(() => parseSearchQuery('ab\u0007c')).toThrow(
      expect.objectContaining({ code: 'invalid_input', field: 'q' }),
    );
    expect(() => parseSearchQuery('?! …')).toThrow(
      expect.objectContaining({ code: 'invalid_input' }),
    );
    expect(parseSearchQuery('x'.repeat(200))).toEqual(['x'.repeat(200)]);
  });

  it('finds a Chinese phrase inside the text it came from', async () => {
    const { deps, ana } = await desk();
    await submitTip(deps, {
      channel: 'web',
      language: 'zh-Hans',
      fields: { message: '他们拿走了我的护照，我在边境' },
    });
    const view: ReviewerView = { unlocked: ana, summaries: new Map() };
    const page = await listInbox(deps, view, { search: '我的护照' }, { offset: 0, limit: 10 });
    expect(page.total).toBe(1);
    expect(
      (await listInbox(deps, view, { search: '护照 边境' }, { offset: 0, limit: 10 })).total,
    ).toBe(1);
    expect((await listInbox(deps, view, { search: '火车' }, { offset: 0, limit: 10 })).total).toBe(
      0,
    );
  });
});

describe('the sealed search index', () => {
  it('finds exactly what a full decryption finds, over random tips, labels and queries', async () => {
    const tipArb = fc.record({
      words: fc.array(fc.constantFrom(...WORDS), { minLength: 1, maxLength: 6 }),
      language: fc.constantFrom('en', 'ru', 'zh-Hans', 'th'),
      danger: fc.option(fc.boolean(), { nil: undefined }),
      sealedInBrowser: fc.boolean(),
      labels: fc.subarray(LABELS, { maxLength: 2 }),
      relabel: fc.option(fc.subarray(LABELS, { maxLength: 2 }), { nil: undefined }),
    });
    const queryArb = fc.oneof(
      fc.constantFrom(...WORDS),
      fc.constantFrom(...WORDS).map((w) => w.slice(0, Math.max(1, Math.floor(w.length / 2)))),
      fc.constantFrom(...LABELS).map((l) => l.toUpperCase()),
      fc.tuple(fc.constantFrom(...WORDS), fc.constantFrom(...WORDS)).map(([a, b]) => `${a} ${b}`),
      fc.constantFrom('nothing', 'ПАСПОРТ', 'ss', 'fi'),
    );
    const filterArb = fc.record({
      search: fc.option(queryArb, { nil: undefined }),
      label: fc.option(fc.constantFrom(...LABELS, 'none'), { nil: undefined }),
      language: fc.option(fc.constantFrom('en', 'ru'), { nil: undefined }),
      danger: fc.option(fc.boolean(), { nil: undefined }),
    });
    await fc.assert(
      fc.asyncProperty(
        fc.array(tipArb, { minLength: 1, maxLength: 8 }),
        fc.array(filterArb, { minLength: 1, maxLength: 4 }),
        fc.boolean(),
        async (tips, filters, compactFirst) => {
          const { deps, ana } = await desk();
          const ids: TipId[] = [];
          for (const tip of tips) {
            const message = tip.words.join(' ');
            if (tip.sealedInBrowser) {
              const key = await currentDeskKey(deps);
              const content = {
                v: 1,
                channel: 'web',
                language: tip.language,
                fields: { message, ...(tip.danger === undefined ? {} : { danger: tip.danger }) },
                attachments: [],
              };
              const envelope = sealTipEnvelope(
                deps.sodium,
                { keyId: hexToBytes(key.keyId), publicKey: key.publicKey },
                utf8(JSON.stringify(content)),
              );
              ids.push((await submitSealedTip(deps, { envelope, attachments: [] })).tipId);
            } else {
              ids.push(
                (
                  await submitTip(deps, {
                    channel: 'web',
                    language: tip.language,
                    fields: {
                      message,
                      ...(tip.danger === undefined ? {} : { danger: tip.danger }),
                    },
                  })
                ).tipId,
              );
            }
          }
          for (const [i, tip] of tips.entries())
            if (tip.labels.length > 0)
              await applyTriage(deps, ana, [ids[i]!], { kind: 'labels', labels: tip.labels });
          const index = createSessionSearchIndex();
          if (compactFirst) {
            const report = await warmSearchIndex(
              deps,
              { unlocked: ana, searchIndex: index },
              undefined,
              2,
            );
            // the server-sealed tips were in the index already: only browser-sealed ones needed opening
            expect(report.damaged).toBe(0);
            expect(report.tipsIndexed).toBe(tips.filter((t) => t.sealedInBrowser).length);
          }
          for (const [i, tip] of tips.entries())
            if (tip.relabel)
              await applyTriage(deps, ana, [ids[i]!], { kind: 'labels', labels: tip.relabel });
          for (const raw of filters) {
            const filter = Object.fromEntries(
              Object.entries(raw).filter(([, v]) => v !== undefined),
            );
            if (Object.keys(filter).length === 0) continue;
            const page = { offset: 0, limit: 50 };
            const viaIndex = await listInbox(
              deps,
              { unlocked: ana, summaries: new Map(), searchIndex: index },
              filter,
              page,
            );
            const full = await listInbox(
              deps,
              { unlocked: ana, summaries: new Map() },
              filter,
              page,
              { mode: 'full' },
            );
            expect(viaIndex.rows.map((r) => r.id)).toEqual(full.rows.map((r) => r.id));
          }
          await deps.store.close();
        },
      ),
      {
        numRuns: 12,
        // found by this property: a label change after compaction lost to the older label,
        // because compaction deleted the small segments before numbering the merged one
        examples: [
          [
            [
              {
                words: ['passport'],
                language: 'en',
                danger: undefined,
                sealedInBrowser: false,
                labels: ['Urgent case'],
                relabel: ['mine'],
              },
              {
                words: ['passport'],
                language: 'en',
                danger: undefined,
                sealedInBrowser: false,
                labels: [],
                relabel: undefined,
              },
            ],
            [{ search: undefined, label: 'mine', language: undefined, danger: undefined }],
            true,
          ],
        ],
      },
    );
  });

  it('covers a tip sealed in the browser once a session has indexed it, and compacts small segments', async () => {
    const { deps, ana } = await desk();
    const key = await currentDeskKey(deps);
    const content = {
      v: 1,
      channel: 'web',
      language: 'en',
      fields: { message: 'browser sealed lighthouse' },
      attachments: [],
    };
    await submitSealedTip(deps, {
      envelope: sealTipEnvelope(
        deps.sodium,
        { keyId: hexToBytes(key.keyId), publicKey: key.publicKey },
        utf8(JSON.stringify(content)),
      ),
      attachments: [],
    });
    for (let i = 0; i < 5; i++)
      await submitTip(deps, {
        channel: 'web',
        language: 'en',
        fields: { message: `server tip ${i}` },
      });
    const desks = await deps.store.listDesks();
    expect((await deps.store.listSearchSegmentHeads(desks[0]!.id)).length).toBe(5);
    const index = createSessionSearchIndex();
    const report = await warmSearchIndex(deps, { unlocked: ana, searchIndex: index }, undefined, 2);
    expect(report.tipsIndexed).toBe(1);
    expect(report.compacted.removed).toBe(6);
    expect((await deps.store.listSearchSegmentHeads(desks[0]!.id)).length).toBe(1);
    const fresh = { unlocked: ana, summaries: new Map(), searchIndex: createSessionSearchIndex() };
    const page = await listInbox(deps, fresh, { search: 'lighthouse' }, { offset: 0, limit: 10 });
    expect(page.total).toBe(1);
  });

  it('keeps every indexed word and label off the disk in plaintext', async () => {
    const { deps, dataDir, ana } = await desk();
    const { tipId } = await submitTip(deps, {
      channel: 'web',
      language: 'en',
      fields: { message: 'QUIXOTEWORD 护照边境 ชายแดนคำ', place: 'PLACEWORDZ' },
    });
    await applyTriage(deps, ana, [tipId], { kind: 'labels', labels: ['LABELWORDQ'] });
    await warmSearchIndex(
      deps,
      { unlocked: ana, searchIndex: createSessionSearchIndex() },
      undefined,
      1,
    );
    await listInbox(
      deps,
      { unlocked: ana, summaries: new Map() },
      { search: 'quixoteword' },
      { offset: 0, limit: 10 },
    );
    for (const word of [
      ...searchWords('QUIXOTEWORD 护照边境 ชายแดนคำ PLACEWORDZ'),
      'labelwordq',
      'LABELWORDQ',
      'QUIXOTEWORD',
    ])
      expect(scanForBytes(dataDir, word)).toEqual([]);
  });
});
