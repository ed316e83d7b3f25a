import { describe, expect, it } from 'vitest';
import { CATALOGS } from '../../src/i18n/catalogs.js';
import { createDesk, unlockReviewer } from '../../src/core/index.js';
import { PASSPHRASE } from '../helpers.js';
import { startTestBot } from './bot-harness.js';

const en = CATALOGS.en;
const CHAT_ID = 7_700_999_001;

describe('the bot with bad or unexpected input', () => {
  it('answers a sticker with a short note and stores nothing', async () => {
    const t = await startTestBot();
    const alice = t.fake.user({ chatId: CHAT_ID, languageCode: 'en' });
    alice.send('/report');
    await alice.nextReply();
    alice.sendSticker();
    expect((await alice.nextReply()).text).toBe(en['bot.unsupported']);
    expect(await t.deps.store.countTips()).toBe(0);
  });

  it('refuses a file over the Bot API download limit and keeps the rest of the draft', async () => {
    const t = await startTestBot();
    const alice = t.fake.user({ chatId: CHAT_ID, languageCode: 'en' });
    alice.send('/report');
    await alice.nextReply();
    alice.send('the story stays');
    await alice.nextReply();
    alice.sendDocument(new Uint8Array(10), 'big.pdf', 'application/pdf', 21 * 1024 * 1024);
    expect((await alice.nextReply()).text).toBe(en['bot.file.tooBig'].replace('{megabytes}', '20'));
    alice.send('/submit');
    expect((await alice.nextReply()).text).toMatch(/\d{4}(?: \d{4}){4}/);
    expect(await t.deps.store.countTips()).toBe(1);
  });

  it('refuses a file that is larger than it claimed once the download passes the cap', async () => {
    const t = await startTestBot({});
    const alice = t.fake.user({ chatId: CHAT_ID, languageCode: 'en' });
    alice.send('/report');
    await alice.nextReply();
    const big = new Uint8Array(26 * 1024 * 1024);
    big.set(new TextEncoder().encode('%PDF-1.4'));
    alice.sendDocument(big, 'liar.pdf', 'application/pdf', 1000);
    expect((await alice.nextReply()).text).toBe(en['bot.file.tooBig'].replace('{megabytes}', '20'));
  });

  it('refuses more files than the configured number', async () => {
    const t = await startTestBot();
    const alice = t.fake.user({ chatId: CHAT_ID, languageCode: 'en' });
    alice.send('/report');
    await alice.nextReply();
    const pdf = new TextEncoder().encode('%PDF-1.4 small');
    for (let i = 0; i < t.deps.intakeLimits.maxAttachments; i++) {
      alice.sendDocument(pdf, `f${i}.pdf`, 'application/pdf');
      expect((await alice.nextReply()).text).toBe(en['bot.report.fileAdded']);
    }
    alice.sendDocument(pdf, 'one-too-many.pdf', 'application/pdf');
    expect((await alice.nextReply()).text).toBe(
      en['bot.file.tooMany'].replace('{count}', String(t.deps.intakeLimits.maxAttachments)),
    );
  });

  it('answers a photo it cannot read with a clear message', async () => {
    const t = await startTestBot();
    const alice = t.fake.user({ chatId: CHAT_ID, languageCode: 'en' });
    alice.send('/report');
    await alice.nextReply();
    alice.sendPhoto(new TextEncoder().encode('not a jpeg at all'));
    expect((await alice.nextReply()).text).toBe(en['bot.file.unreadable']);
  });

  it('asks for the story first when /submit comes with an empty draft', async () => {
    const t = await startTestBot();
    const alice = t.fake.user({ chatId: CHAT_ID, languageCode: 'en' });
    alice.send('/report');
    await alice.nextReply();
    alice.send('/submit');
    expect((await alice.nextReply()).text).toBe(en['bot.submit.empty']);
    expect(await t.deps.store.countTips()).toBe(0);
  });

  it('answers an unknown command with the help text', async () => {
    const t = await startTestBot();
    const alice = t.fake.user({ chatId: CHAT_ID, languageCode: 'en' });
    alice.send('/passport');
    expect((await alice.nextReply()).text).toBe(en['bot.help']);
  });

  it('throws a draft away on /cancel so that /submit finds nothing', async () => {
    const t = await startTestBot();
    const alice = t.fake.user({ chatId: CHAT_ID, languageCode: 'en' });
    alice.send('/report');
    await alice.nextReply();
    alice.send('never mind');
    await alice.nextReply();
    alice.send('/cancel');
    expect((await alice.nextReply()).text).toBe(en['bot.cancel.done']);
    alice.send('/submit');
    expect((await alice.nextReply()).text).toBe(en['bot.draft.lost']);
    expect(await t.deps.store.countTips()).toBe(0);
  });

  it('says the draft was lost when the user goes on after 30 idle minutes', async () => {
    const t = await startTestBot();
    const alice = t.fake.user({ chatId: CHAT_ID, languageCode: 'en' });
    alice.send('/report');
    await alice.nextReply();
    alice.send('first part');
    await alice.nextReply();
    t.setNow(Date.UTC(2026, 10, 22, 15, 10, 0));
    alice.send('second part');
    expect((await alice.nextReply()).text).toBe(en['bot.draft.lost']);
  });

  it('says the draft was lost when the user goes on after a restart', async () => {
    const t = await startTestBot();
    const alice = t.fake.user({ chatId: CHAT_ID, languageCode: 'en' });
    // a fresh process knows no drafts: the first thing it hears is the middle of a report
    alice.send('and then they locked the door');
    expect((await alice.nextReply()).text).toBe(en['bot.draft.lost']);
  });

  it('refuses a group chat politely and leaves it', async () => {
    const t = await startTestBot();
    const group = t.fake.user({ chatId: -100_200_300, languageCode: 'en', chatType: 'group' });
    group.send('/start');
    expect((await group.nextReply()).text).toBe(en['bot.group.refused']);
    await t.fake.waitForCall((c) => c.method === 'leaveChat');
    expect(await t.deps.store.countTips()).toBe(0);
  });

  it('asks a user who floods it to slow down, once, and ignores the rest of the burst', async () => {
    const t = await startTestBot({ floodPerMinute: 5 });
    const alice = t.fake.user({ chatId: CHAT_ID, languageCode: 'en' });
    for (let i = 0; i < 8; i++) alice.send('/help');
    for (let i = 0; i < 5; i++) expect((await alice.nextReply()).text).toBe(en['bot.help']);
    expect((await alice.nextReply()).text).toBe(en['bot.flood']);
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(t.fake.chat(CHAT_ID).filter((m) => m.from === 'bot')).toHaveLength(6);
  });
});

describe('the bot and several desks', () => {
  it('routes a tip to the desk named in a /start deep link, and ignores an unknown one', async () => {
    const t = await startTestBot();
    const admin = await unlockReviewer(t.deps, 'ana', PASSPHRASE);
    const balkansId = await createDesk(t.deps, admin, 'balkans');
    admin.wipe();
    const alice = t.fake.user({ chatId: CHAT_ID, languageCode: 'en' });
    alice.send('/start balkans');
    await alice.nextReply();
    alice.send('/report');
    await alice.nextReply();
    alice.send('for the balkans team');
    await alice.nextReply();
    alice.send('/submit');
    expect((await alice.nextReply()).text).toMatch(/\d{4}(?: \d{4}){4}/);
    const bob = t.fake.user({ chatId: CHAT_ID + 1, languageCode: 'en' });
    bob.send('/start nowhere');
    await bob.nextReply();
    bob.send('/report');
    await bob.nextReply();
    bob.send('for whoever reads');
    await bob.nextReply();
    bob.send('/submit');
    await bob.nextReply();
    expect(await t.deps.store.countTips({ deskId: balkansId })).toBe(1);
    expect(await t.deps.store.countTips()).toBe(2);
  });
});
