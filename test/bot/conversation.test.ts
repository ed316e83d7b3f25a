import { describe, expect, it } from 'vitest';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import sharp from 'sharp';
import { CATALOGS } from '../../src/i18n/catalogs.js';
import { sendReply, unlockReviewer, type TipId } from '../../src/core/index.js';
import { PASSPHRASE, scanForBytes, tempDir } from '../helpers.js';
import { runCli } from '../cli/run-cli.js';
import { logLine, startTestBot, type TestBot } from './bot-harness.js';
import type { FakeUser } from './fake-bot-api.js';

const CHAT_ID = 7_700_123_456;

async function photoWithExif(marker: string): Promise<Uint8Array> {
  const jpeg = await sharp({ create: { width: 16, height: 16, channels: 3, background: 'blue' } })
    .jpeg()
    .withExif({ IFD0: { Copyright: marker } })
    .toBuffer();
  return new Uint8Array(jpeg);
}

/** Runs `tipline export` on the bot's data directory, as an operator would. */
function exportTips(t: TestBot): Record<string, unknown>[] {
  const passphraseFile = join(tempDir(), 'pass.txt');
  writeFileSync(passphraseFile, new TextDecoder().decode(PASSPHRASE));
  const result = runCli(['export', '--reviewer', 'ana', '--passphrase-file', passphraseFile], {
    TIPLINE_DATA_DIR: t.dataDir,
  });
  expect(result.stderr).toBe('');
  expect(result.status).toBe(0);
  return result.stdout
    .trim()
    .split('\n')
    .filter((line) => line !== '')
    .map((line) => JSON.parse(line) as Record<string, unknown>);
}

/** Story, photo, document, country, location, time and danger, then /submit. Returns the codename. */
async function reportEverything(
  user: FakeUser,
  locale: keyof typeof CATALOGS,
  markers: { story: string; photo: Uint8Array; pdf: Uint8Array },
): Promise<string> {
  const m = CATALOGS[locale];
  user.send('/start');
  expect((await user.nextReply()).text).toContain(m['bot.start.greeting']);
  user.press('report');
  expect((await user.nextReply()).text).toBe(m['bot.report.story']);
  user.send(`${markers.story} part one`);
  expect((await user.nextReply()).text).toBe(m['bot.report.added']);
  user.send(`${markers.story} part two`);
  expect((await user.nextReply()).text).toBe(m['bot.report.added']);
  user.sendPhoto(markers.photo);
  expect((await user.nextReply()).text).toBe(m['bot.report.fileAdded']);
  user.sendDocument(markers.pdf, 'MARKER-statement.pdf', 'application/pdf');
  expect((await user.nextReply()).text).toBe(m['bot.report.fileAdded']);
  user.press('next');
  expect((await user.nextReply()).text).toBe(m['bot.report.country']);
  user.press('country:RS');
  expect((await user.nextReply()).text).toBe(m['bot.report.place']);
  user.sendLocation(44.0165, 22.0993);
  expect((await user.nextReply()).text).toBe(m['bot.report.locationAdded']);
  expect((await user.nextReply()).text).toBe(m['bot.report.when']);
  user.send('MARKER-WHEN last week');
  expect((await user.nextReply()).text).toBe(m['bot.report.danger']);
  user.press('danger:yes');
  const numbers = await user.nextReply();
  expect(numbers.text).toContain(m['danger.heading']);
  expect(numbers.text).toContain('192');
  const summary = await user.nextReply();
  expect(summary.buttons.map((b) => b.data)).toEqual(['send', 'cancel']);
  user.send('/submit');
  const receipt = await user.nextReply();
  const codename = /\d{4}(?: \d{4}){4}/.exec(receipt.text ?? '')?.[0];
  expect(codename).toBeDefined();
  expect((await user.nextReply()).text).toBe(m['bot.wipe.offer']);
  return codename ?? '';
}

describe('a Telegram conversation through the fake Bot API', () => {
  it('walks a report in English with text, photo, document and location into a tip that tipline export opens', async () => {
    const t = await startTestBot();
    const alice = t.fake.user({ chatId: CHAT_ID, languageCode: 'en' });
    const story = 'MARKER-BOT-STORY-91c2';
    const photo = await photoWithExif('MARKER-BOT-EXIF-GPS');
    const pdf = new TextEncoder().encode(`%PDF-1.4 MARKER-BOT-PDF-BODY`);
    await reportEverything(alice, 'en', { story, photo, pdf });

    const tips = exportTips(t);
    expect(tips).toHaveLength(1);
    expect(tips[0]).toMatchObject({
      channel: 'telegram',
      language: 'en',
      fields: {
        message: `${story} part one\n\n${story} part two`,
        country: 'RS',
        location: '44.016500,22.099300',
        when: 'MARKER-WHEN last week',
        danger: true,
      },
    });
    const attachments = tips[0]?.attachments as { name: string; type: string }[];
    expect(attachments.map((a) => a.type)).toEqual(['image/jpeg', 'application/pdf']);

    // nothing readable on disk or in the log: story, EXIF, file name, chat id
    for (const marker of [
      story,
      'MARKER-BOT-EXIF-GPS',
      'MARKER-statement',
      'MARKER-BOT-PDF-BODY',
      'MARKER-WHEN',
      String(CHAT_ID),
    ]) {
      expect(scanForBytes(t.dataDir, marker), marker).toEqual([]);
      expect(
        t.logLines.filter((line) => line.includes(marker)),
        marker,
      ).toEqual([]);
    }
  });

  it('speaks Russian to a user whose Telegram is in Russian, through to the sealed tip', async () => {
    const t = await startTestBot();
    const ivan = t.fake.user({ chatId: CHAT_ID + 1, languageCode: 'ru' });
    await reportEverything(ivan, 'ru', {
      story: 'У меня забрали паспорт',
      photo: await photoWithExif('x'),
      pdf: new TextEncoder().encode('%PDF-1.4 x'),
    });
    const [tip] = exportTips(t);
    expect(tip).toMatchObject({ language: 'ru', channel: 'telegram' });
    expect((tip?.fields as { message: string }).message).toContain('У меня забрали паспорт');
  });

  it('switches to Simplified Chinese with /language and seals the tip in that language', async () => {
    const t = await startTestBot();
    const mei = t.fake.user({ chatId: CHAT_ID + 2, languageCode: 'en' });
    mei.send('/language');
    expect((await mei.nextReply()).text).toBe(CATALOGS.en['bot.language.choose']);
    mei.press('lang:zh-Hans');
    expect((await mei.nextReply()).text).toBe(CATALOGS['zh-Hans']['bot.language.set']);
    await reportEverything(mei, 'zh-Hans', {
      story: '他们拿走了我的护照',
      photo: await photoWithExif('x'),
      pdf: new TextEncoder().encode('%PDF-1.4 x'),
    });
    const [tip] = exportTips(t);
    expect(tip).toMatchObject({ language: 'zh-Hans' });
  });

  it('takes a voice note into the sealed tip', async () => {
    const t = await startTestBot();
    const alice = t.fake.user({ chatId: CHAT_ID + 3, languageCode: 'en' });
    alice.send('/report');
    await alice.nextReply();
    alice.send('listen to this');
    await alice.nextReply();
    alice.sendVoice(new TextEncoder().encode('OggS fake opus payload'));
    expect((await alice.nextReply()).text).toBe(CATALOGS.en['bot.report.fileAdded']);
    alice.send('/submit');
    expect((await alice.nextReply()).text).toMatch(/\d{4}(?: \d{4}){4}/);
    const [tip] = exportTips(t);
    expect(tip?.attachments).toEqual([
      expect.objectContaining({ name: 'voice.ogg', type: 'audio/ogg' }),
    ]);
  });

  it('clears the whole conversation on request and leaves one neutral line', async () => {
    const t = await startTestBot();
    const alice = t.fake.user({ chatId: CHAT_ID, languageCode: 'en' });
    alice.send('/report');
    await alice.nextReply();
    alice.send('MARKER-WIPE-STORY');
    await alice.nextReply();
    alice.send('/submit');
    await alice.nextReply();
    await alice.nextReply();
    alice.press('wipe');
    expect((await alice.nextReply()).text).toBe(CATALOGS.en['bot.wipe.done']);
    const visible = t.fake.chat(CHAT_ID).filter((m) => !m.deleted);
    expect(visible.map((m) => m.text)).toEqual([CATALOGS.en['bot.wipe.done']]);
    expect(t.fake.chat(CHAT_ID).length).toBeGreaterThan(5);
  });

  it('wipes on /wipe at any time, the command message included', async () => {
    const t = await startTestBot();
    const alice = t.fake.user({ chatId: CHAT_ID, languageCode: 'en' });
    alice.send('/start');
    await alice.nextReply();
    alice.send('/wipe');
    await alice.nextReply();
    expect(t.fake.chat(CHAT_ID).filter((m) => !m.deleted)).toHaveLength(1);
  });

  it('delivers a reviewer reply into the chat and shows it again with /status, deleting the codename message', async () => {
    const t = await startTestBot();
    const alice = t.fake.user({ chatId: CHAT_ID, languageCode: 'en' });
    alice.send('/report');
    await alice.nextReply();
    alice.send('They took our passports');
    await alice.nextReply();
    alice.send('/submit');
    const codename = /\d{4}(?: \d{4}){4}/.exec((await alice.nextReply()).text ?? '')?.[0] ?? '';
    await alice.nextReply();

    const reviewer = await unlockReviewer(t.deps, 'ana', PASSPHRASE);
    const [tip] = await t.deps.store.listTips({ limit: 10 });
    const outcome = await sendReply(
      t.deps,
      t.bot,
      reviewer,
      tip?.id as TipId,
      'MARKER-REPLY we can help',
    );
    reviewer.wipe();
    expect(outcome.delivery).toBe('telegram');
    expect((await alice.nextReply()).text).toBe(
      CATALOGS.en['bot.reply.incoming'].replace('{text}', 'MARKER-REPLY we can help'),
    );

    alice.send(`/status ${codename}`);
    const statusMessageId = t.fake.chat(CHAT_ID).at(-1)?.id;
    const status = await alice.nextReply();
    expect(status.text).toContain('MARKER-REPLY we can help');
    expect(status.text).toContain(CATALOGS.en['bot.status.removed']);
    expect(t.fake.chat(CHAT_ID).find((m) => m.id === statusMessageId)?.deleted).toBe(true);
    expect(scanForBytes(t.dataDir, 'MARKER-REPLY')).toEqual([]);
    expect(scanForBytes(t.dataDir, String(CHAT_ID))).toEqual([]);
    expect(t.logLines.filter((l) => l.includes(String(CHAT_ID)) || l.includes('MARKER'))).toEqual(
      [],
    );
  });

  it('stores a tip once when Telegram delivers the /submit update a second time', async () => {
    const t = await startTestBot();
    const alice = t.fake.user({ chatId: CHAT_ID, languageCode: 'en' });
    alice.send('/report');
    await alice.nextReply();
    alice.send('once only');
    await alice.nextReply();
    const submitUpdate = alice.send('/submit');
    await alice.nextReply();
    await alice.nextReply();
    t.fake.redeliver(submitUpdate);
    await logLine(t.logLines, 'bot.duplicate_update');
    expect(await t.deps.store.countTips()).toBe(1);
  });

  it('waits retry_after seconds when the Bot API answers 429, then sends', async () => {
    const t = await startTestBot();
    const alice = t.fake.user({ chatId: CHAT_ID, languageCode: 'en' });
    t.fake.failNext('sendMessage', {
      error_code: 429,
      description: 'Too Many Requests: retry after 1',
      retry_after: 1,
    });
    alice.send('/help');
    expect((await alice.nextReply()).text).toBe(CATALOGS.en['bot.help']);
    const failed = t.fake.calls.find((c) => c.method === 'sendMessage:failed');
    const sent = t.fake.calls.find((c) => c.method === 'sendMessage');
    expect(failed).toBeDefined();
    expect((sent?.at ?? 0) - (failed?.at ?? 0)).toBeGreaterThanOrEqual(1000);
  });
});
