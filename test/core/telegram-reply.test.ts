import { describe, expect, it } from 'vitest';
import {
  initialiseDesk,
  openInbox,
  readThread,
  sendReply,
  submitTip,
  unlockReviewer,
  type TelegramDelivery,
} from '../../src/core/index.js';
import { createTestDeps, PASSPHRASE, scanForBytes, submission } from '../helpers.js';

const CHAT_ID = '5550001112';

async function telegramTip() {
  const ctx = await createTestDeps();
  await initialiseDesk(ctx.deps, { reviewerName: 'ana', passphrase: PASSPHRASE });
  const receipt = await submitTip(ctx.deps, {
    channel: 'telegram',
    language: 'vi',
    fields: { message: 'from the bot' },
    replyRoute: { kind: 'telegram', chatId: CHAT_ID },
  });
  const ana = await unlockReviewer(ctx.deps, 'ana', PASSPHRASE);
  return { ...ctx, ...receipt, ana };
}

describe('sendReply', () => {
  it('hands a Telegram reply to the bot with the chat id opened from the envelope, and keeps it sealed in the case', async () => {
    const { deps, dataDir, logLines, tipId, codename, ana } = await telegramTip();
    const delivered: unknown[] = [];
    const telegram: TelegramDelivery = {
      deliverReply: (route, text, language) => {
        delivered.push([route.chatId, text, language]);
        return Promise.resolve();
      },
    };
    const outcome = await sendReply(deps, telegram, ana, tipId, 'MARKER-REPLY we read it');
    expect(outcome.delivery).toBe('telegram');
    expect(delivered).toEqual([[CHAT_ID, 'MARKER-REPLY we read it', 'vi']]);
    expect((await readThread(deps, ana, tipId)).map((e) => [e.kind, e.text])).toEqual([
      ['reply', 'MARKER-REPLY we read it'],
    ]);
    expect((await openInbox(deps, codename)).entries.map((e) => e.text)).toEqual([
      'MARKER-REPLY we read it',
    ]);
    expect(scanForBytes(dataDir, 'MARKER-REPLY')).toEqual([]);
    expect(scanForBytes(dataDir, CHAT_ID)).toEqual([]);
    expect(logLines.join('\n')).not.toContain(CHAT_ID);
    expect(logLines.join('\n')).not.toContain('MARKER-REPLY');
  });

  it('stores the reply in the case when the bot is off or fails, and logs no chat id', async () => {
    const { deps, logLines, tipId, ana } = await telegramTip();
    const off = await sendReply(deps, undefined, ana, tipId, 'first');
    const failing: TelegramDelivery = {
      deliverReply: () =>
        Promise.reject(Object.assign(new Error(`chat ${CHAT_ID}`), { code: 403 })),
    };
    const failed = await sendReply(deps, failing, ana, tipId, 'second');
    expect([off.delivery, failed.delivery]).toEqual(['telegram_failed', 'telegram_failed']);
    expect((await readThread(deps, ana, tipId)).map((e) => e.text)).toEqual(['first', 'second']);
    expect(logLines.join('\n')).not.toContain(CHAT_ID);
  });

  it('answers a web tipster in her inbox without calling the bot', async () => {
    const { deps } = await telegramTip();
    const web = await submitTip(deps, submission('from the web form'));
    const ana = await unlockReviewer(deps, 'ana', PASSPHRASE);
    let calls = 0;
    const telegram: TelegramDelivery = {
      deliverReply: () => {
        calls++;
        return Promise.resolve();
      },
    };
    const outcome = await sendReply(deps, telegram, ana, web.tipId, 'hello');
    expect(outcome.delivery).toBe('inbox');
    expect(calls).toBe(0);
    expect((await openInbox(deps, web.codename)).entries.map((e) => e.text)).toEqual(['hello']);
  });
});
