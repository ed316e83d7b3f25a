import { describe, expect, it } from 'vitest';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import {
  codenameKdf,
  exportTips,
  initialiseDesk,
  isDomainError,
  normalizeText,
  openAttachment,
  openTip,
  submitTip,
  unlockReviewer,
} from '../../src/core/index.js';
import { deriveInboxKeys, normalizeCodename } from '../../src/crypto/index.js';
import { createTestDeps, PASSPHRASE, submission, collect, onSqliteFile } from '../helpers.js';

async function ready() {
  const ctx = await createTestDeps();
  await initialiseDesk(ctx.deps, { reviewerName: 'ana', passphrase: PASSPHRASE });
  const unlocked = await unlockReviewer(ctx.deps, 'ana', PASSPHRASE);
  return { ...ctx, unlocked };
}

describe('submitTip', () => {
  it('seals a tip that only the desk key opens, with every field intact', async () => {
    const { deps, unlocked } = await ready();
    const receipt = await submitTip(deps, {
      channel: 'web',
      language: 'sr-Latn',
      fields: {
        message: 'Pasoši su oduzeti',
        country: 'rs',
        place: 'Bor',
        when: 'juče',
        danger: true,
        contact: 'signal',
      },
    });
    const tip = (await deps.store.getTip(receipt.tipId))!;
    expect(Buffer.from(tip.envelope).includes(Buffer.from('Paso'))).toBe(false);
    const content = openTip(deps, unlocked, tip);
    expect(content.fields).toEqual({
      message: 'Pasoši su oduzeti',
      country: 'RS',
      place: 'Bor',
      when: 'juče',
      danger: true,
      contact: 'signal',
    });
    expect(content.language).toBe('sr-Latn');
  });

  it('records the receipt time rounded down to the hour', async () => {
    const { deps, setNow } = await ready();
    setNow(Date.UTC(2026, 0, 2, 3, 59, 59, 999));
    const receipt = await submitTip(deps, submission('x'));
    expect((await deps.store.getTip(receipt.tipId))!.receivedAt).toBe(Date.UTC(2026, 0, 2, 3));
  });

  it('gives a codename of 20 digits whose derived lookup id finds the tip', async () => {
    const { deps } = await ready();
    const receipt = await submitTip(deps, submission('find me'));
    expect(receipt.codename).toMatch(/^\d{4}( \d{4}){4}$/);
    const { salt, params } = await codenameKdf(deps);
    const keys = await deriveInboxKeys(
      deps.sodium,
      normalizeCodename(receipt.codename)!,
      salt,
      params,
    );
    expect((await deps.store.getInbox(keys.lookupId))?.tipId).toBe(receipt.tipId);
  });

  it('rejects an empty message and stores nothing', async () => {
    const { deps } = await ready();
    await expect(submitTip(deps, submission('   \u0000 '))).rejects.toSatisfy(
      (e) => isDomainError(e, 'invalid_input') && e.field === 'message',
    );
    expect(await deps.store.countTips()).toBe(0);
  });

  it('rejects a message over the limit and stores nothing', async () => {
    const { deps } = await ready();
    await expect(submitTip(deps, submission('x'.repeat(20_001)))).rejects.toSatisfy((e) =>
      isDomainError(e, 'too_large'),
    );
    expect(await deps.store.countTips()).toBe(0);
  });

  it('rejects more attachments than allowed and stores nothing', async () => {
    const { deps } = await ready();
    const file = { name: 'a.ogg', mediaType: 'audio/ogg', bytes: new Uint8Array(10) };
    await expect(
      submitTip(deps, submission('m', { attachments: Array(6).fill(file) })),
    ).rejects.toSatisfy((e) => isDomainError(e, 'too_large'));
    expect(await deps.store.countTips()).toBe(0);
  });

  it('rejects a country that is not a two-letter code', async () => {
    const { deps } = await ready();
    await expect(
      submitTip(deps, submission('m', { fields: { message: 'm', country: 'Serbia' } })),
    ).rejects.toSatisfy((e) => isDomainError(e, 'too_large') || isDomainError(e, 'invalid_input'));
  });

  it('refuses tips before tipline is initialised', async () => {
    const { deps } = await createTestDeps();
    await expect(submitTip(deps, submission('m'))).rejects.toSatisfy((e) =>
      isDomainError(e, 'not_initialised'),
    );
  });

  it('seals attachments under their own keys and opens them again', async () => {
    const { deps, unlocked } = await ready();
    const photo = new Uint8Array(100_000).map((_, i) => i % 251);
    const receipt = await submitTip(
      deps,
      submission('with photo', {
        attachments: [{ name: '../../etc/p\u0000ic.ogg', mediaType: 'audio/ogg', bytes: photo }],
      }),
    );
    const tip = (await deps.store.getTip(receipt.tipId))!;
    const content = openTip(deps, unlocked, tip);
    expect(content.attachments[0]?.name).toBe('pic.ogg');
    expect(await openAttachment(deps, tip, content, content.attachments[0]!.id)).toEqual(photo);
    expect((await deps.store.listAttachments(tip.id))[0]!.ciphertext.length).toBe(
      131_072 + 5 + 24 + 2 * 17,
    );
  });

  it('keeps a Telegram reply route inside the envelope only', async () => {
    const { deps, unlocked } = await ready();
    const receipt = await submitTip(
      deps,
      submission('via bot', {
        channel: 'telegram',
        replyRoute: { kind: 'telegram', chatId: '987654321' },
      }),
    );
    const tip = (await deps.store.getTip(receipt.tipId))!;
    expect(openTip(deps, unlocked, tip).replyRoute).toEqual({
      kind: 'telegram',
      chatId: '987654321',
    });
  });

  it('logs the arrival without the text', async () => {
    const { deps, logLines } = await ready();
    await submitTip(deps, submission('MARKER-LOG-7731'));
    expect(logLines.some((l) => l.includes('tip.received'))).toBe(true);
    expect(logLines.join('\n')).not.toContain('MARKER-LOG-7731');
  });
});

describe('normalizeText', () => {
  it('removes control characters, folds CRLF and repairs lone surrogates', () => {
    expect(normalizeText(' a\u0000b\r\nc\u0007\ud800 ')).toBe('ab\nc\ufffd');
  });
});

describe('exportTips', () => {
  // opens the SQLite file itself
  it.skipIf(!onSqliteFile())('reports a damaged tip and still yields the others', async () => {
    const { deps, unlocked, dataDir } = await ready();
    const good = await submitTip(deps, submission('good one'));
    const bad = await submitTip(deps, submission('bad one'));
    const raw = new Database(join(dataDir, 'tipline.db'));
    const damaged = Buffer.from((await deps.store.getTip(bad.tipId))!.envelope);
    damaged[damaged.length - 3]! ^= 0xff;
    raw.prepare('UPDATE tips SET envelope = ? WHERE id = ?').run(damaged, bad.tipId);
    raw.close();
    const results = await collect(exportTips(deps, unlocked));
    expect(results).toHaveLength(2);
    expect(results.find((r) => r.tip.id === good.tipId)?.ok).toBe(true);
    expect(results.find((r) => r.tip.id === bad.tipId)).toMatchObject({
      ok: false,
      reason: 'damaged',
    });
  });
});
