import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import type { Update } from 'telegraf/types';
import { startTestBot } from '../bot/bot-harness.js';

/**
 * Random updates straight into the bot's update handler (what polling and the webhook call):
 * text, commands with random arguments, photos and documents with unknown file ids, locations
 * out of range, stickers, button presses with random data, edits, group and channel chats,
 * membership changes and update kinds the bot does not know. The handler must settle within
 * 5 s, no handler may throw (`bot.update_failed`), no reply may carry a stack trace, and a
 * tip is stored only when the bot answered with a codename.
 */
const RUNS = Number(process.env.TIPLINE_FUZZ_RUNS ?? 100);
const CODENAME = /\d{4}(?: \d{4}){4}/;
const STACK = /\bat [\w.<>$]+ \(|node:internal|\.tsx?:\d+|\bError: /;

const COMMANDS = [
  '/start',
  '/report',
  '/submit',
  '/cancel',
  '/wipe',
  '/language',
  '/status',
  '/help',
  '/nope',
];
const chatId = fc.constantFrom(9_100_000_001, 9_100_000_002, 9_100_000_003, -1_001_234_567_890);
const chatType = fc.constantFrom('private', 'private', 'private', 'group', 'supergroup', 'channel');
const words = fc.string({ maxLength: 300, unit: 'grapheme' });
const from = fc.record({
  id: fc.integer({ min: 1, max: 2 ** 40 }),
  is_bot: fc.boolean(),
  first_name: fc.string({ maxLength: 10 }),
  language_code: fc.option(fc.constantFrom('en', 'vi', 'zh-hans', 'zh-TW', 'sr', 'xx', '', 'a'.repeat(50)), { nil: undefined }),
}); // prettier-ignore

const messageBody = fc.oneof(
  fc.oneof(words, fc.tuple(fc.constantFrom(...COMMANDS), words).map(([c, w]) => `${c} ${w}`), fc.constantFrom(...COMMANDS)).map((text) => ({
    text,
    ...(text.startsWith('/') ? { entities: [{ type: 'bot_command', offset: 0, length: text.split(' ')[0]!.length }] } : {}),
  })),
  fc.record({ photo: fc.array(fc.record({ file_id: fc.string({ maxLength: 20 }), file_unique_id: fc.string({ maxLength: 5 }), width: fc.nat(), height: fc.nat(), file_size: fc.option(fc.integer({ min: -1, max: 2 ** 40 }), { nil: undefined }) }), { maxLength: 3 }), caption: fc.option(words, { nil: undefined }) }),
  fc.record({ document: fc.record({ file_id: fc.string({ maxLength: 20 }), file_unique_id: fc.constant('u'), file_name: fc.option(fc.string({ maxLength: 300 }), { nil: undefined }), mime_type: fc.option(fc.constantFrom('application/pdf', 'image/jpeg', 'x/y', ''), { nil: undefined }), file_size: fc.option(fc.integer({ min: -1, max: 2 ** 40 }), { nil: undefined }) }) }),
  fc.record({ location: fc.record({ latitude: fc.double({ noNaN: true, noDefaultInfinity: true, min: -1e6, max: 1e6 }), longitude: fc.double({ noNaN: true, noDefaultInfinity: true, min: -1e6, max: 1e6 }) }) }),
  fc.record({ voice: fc.record({ file_id: fc.string({ maxLength: 20 }), file_unique_id: fc.constant('v'), duration: fc.nat() }) }),
  fc.record({ sticker: fc.record({ file_id: fc.constant('s'), file_unique_id: fc.constant('s'), type: fc.constant('regular'), width: fc.nat(), height: fc.nat(), is_animated: fc.boolean(), is_video: fc.boolean() }) }),
  fc.constant({}),
); // prettier-ignore

const update = fc.oneof(
  fc.tuple(chatId, chatType, from, messageBody).map(([id, type, user, body]) => ({ message: { message_id: 1, date: 1_700_000_000, chat: { id, type }, from: user, ...body } })),
  fc.tuple(chatId, chatType, from, messageBody).map(([id, type, user, body]) => ({ edited_message: { message_id: 1, date: 1_700_000_000, edit_date: 1_700_000_001, chat: { id, type }, from: user, ...body } })),
  fc.tuple(chatId, from, fc.oneof(fc.constantFrom('report', 'send', 'cancel', 'next', 'skip', 'wipe', 'keep', 'language', 'lang:vi', 'lang:xx', 'country:RS', 'country:ZZ', 'danger:yes', 'danger:maybe'), fc.string({ maxLength: 64 }))).map(([id, user, data]) => ({ callback_query: { id: 'cb', from: user, chat_instance: 'ci', data, message: { message_id: 1, date: 1_700_000_000, chat: { id, type: 'private' }, text: 'x' } } })),
  fc.tuple(chatId, chatType, from, fc.constantFrom('member', 'left', 'kicked', 'administrator')).map(([id, type, user, status]) => ({ my_chat_member: { chat: { id, type }, from: user, date: 1, old_chat_member: { user, status: 'left' }, new_chat_member: { user, status } } })),
  fc.tuple(chatId, words).map(([id, text]) => ({ channel_post: { message_id: 1, date: 1, chat: { id, type: 'channel', title: 't' }, text } })),
  fc.dictionary(fc.string({ maxLength: 12 }), fc.jsonValue({ maxDepth: 2 }), { maxKeys: 3 }),
); // prettier-ignore

describe('random updates into the bot', () => {
  it('settle without a thrown handler or a stack trace, and store a tip only with a codename reply', async () => {
    const t = await startTestBot();
    let updateId = 1_000_000;
    // one real report first, so that the tip count below is checked against a receipt
    const alice = t.fake.user({ chatId: 9_100_000_001, languageCode: 'en' });
    alice.send('/report');
    await alice.nextReply();
    alice.send('a real story among the noise');
    await alice.nextReply();
    alice.send('/submit');
    expect((await alice.nextReply()).text).toMatch(CODENAME);
    await fc.assert(
      fc.asyncProperty(fc.array(update, { minLength: 1, maxLength: 6 }), async (updates) => {
        for (const u of updates) {
          let timer: NodeJS.Timeout | undefined;
          await Promise.race([
            t.bot.handleUpdate({ update_id: updateId++, ...u } as unknown as Update),
            new Promise<never>((_, reject) => {
              timer = setTimeout(() => reject(new Error('update not handled within 5 s')), 5_000);
            }),
          ]).finally(() => clearTimeout(timer));
        }
      }),
      { numRuns: RUNS },
    );
    // let the outbox deliver what it queued
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(t.logLines.filter((l) => l.includes('bot.update_failed'))).toEqual([]);
    const sent = t.fake.calls
      .filter((c) => c.method === 'sendMessage')
      .map((c) => String(c.payload.text));
    expect(sent.length).toBeGreaterThan(0);
    for (const text of sent) expect(text).not.toMatch(STACK);
    const receipts = sent.filter((text) => CODENAME.test(text) && !text.startsWith('/'));
    expect(receipts.length).toBeGreaterThan(0);
    expect(await t.deps.store.countTips()).toBe(receipts.length);
  }, 120_000);
});
