import { describe, expect, it } from 'vitest';
import {
  createDesk,
  createTelegramLinkCode,
  isDomainError,
  unlockReviewer,
} from '../../src/core/index.js';
import { CATALOGS } from '../../src/i18n/catalogs.js';
import { PASSPHRASE } from '../helpers.js';
import { startTestBot } from './bot-harness.js';

const REVIEWER_CHAT = 7_200_000_001;

describe('linking a reviewer’s Telegram chat for alerts', () => {
  it('answers a wrong, a reused and a malformed code with the same neutral line, and never logs the chat id', async () => {
    const t = await startTestBot();
    const ana = (await t.deps.store.getReviewerByName('ana'))!;
    const link = await createTelegramLinkCode(t.deps, { reviewerId: ana.id, actor: ana.id });
    const chat = t.fake.user({ chatId: REVIEWER_CHAT, languageCode: 'ru' });
    chat.send('/link 00000-00000');
    expect((await chat.nextReply()).text).toBe(CATALOGS.ru['bot.alertLink.failed']);
    chat.send(`/link ${link.display}`);
    expect((await chat.nextReply()).text).toBe(CATALOGS.ru['bot.alertLink.done']);
    chat.send(`/start alert-${link.code}`);
    expect((await chat.nextReply()).text).toBe(CATALOGS.ru['bot.alertLink.failed']);
    chat.send('/link');
    expect((await chat.nextReply()).text).toBe(CATALOGS.ru['bot.alertLink.failed']);
    expect((await t.deps.store.getAlertSettings(ana.id))?.telegramSealed).toBeInstanceOf(
      Uint8Array,
    );
    expect(t.logLines.join('\n')).not.toContain(String(REVIEWER_CHAT));
    expect(t.logLines.join('\n')).not.toContain(link.code);
  });

  it('keeps /link out of the command menu tipsters see', async () => {
    const t = await startTestBot();
    const menus = t.fake.calls.filter((c) => c.method === 'setMyCommands');
    expect(menus.length).toBeGreaterThan(0);
    for (const menu of menus) expect(JSON.stringify(menu.payload)).not.toContain('"link"');
    expect(t.bot.username()).toBe('tipline_test_bot');
  });

  it('refuses a desk named like an alert link, so /start <desk> stays unambiguous', async () => {
    const t = await startTestBot();
    const unlocked = await unlockReviewer(t.deps, 'ana', PASSPHRASE);
    const error = await createDesk(t.deps, unlocked, 'alert-team').catch((e: unknown) => e);
    unlocked.wipe();
    expect(isDomainError(error, 'invalid_input')).toBe(true);
  });
});
