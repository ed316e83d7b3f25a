import { describe, expect, it } from 'vitest';
import type { Update } from 'telegraf/types';
import { createWebhookHandler, secretsMatch } from '../../src/bot/webhook.js';
import { createTestApp } from '../server/test-app.js';
import { createMemoryLogger } from '../../src/logging/logger.js';
import { startTestBot } from './bot-harness.js';
import { CATALOGS } from '../../src/i18n/catalogs.js';

const SECRET = 'webhook-secret-0123456789abcdef';
const update = (id: number, text: string) => ({
  update_id: id,
  message: {
    message_id: 1,
    date: 1,
    chat: { id: 5_550_000_111, type: 'private' },
    from: { id: 5_550_000_111, is_bot: false, first_name: 'T', language_code: 'en' },
    text,
  },
});

async function appWithWebhook() {
  const handled: Update[] = [];
  const logger = createMemoryLogger();
  const { app } = await createTestApp({
    telegramWebhook: {
      path: '/telegram/hook',
      handle: createWebhookHandler({
        secretToken: SECRET,
        handleUpdate: (u) => {
          handled.push(u);
          return Promise.resolve();
        },
        logger,
      }),
    },
  });
  return { app, handled, logger };
}

const post = (body: unknown, secret?: string) => ({
  method: 'POST',
  headers: {
    'content-type': 'application/json',
    ...(secret === undefined ? {} : { 'x-telegram-bot-api-secret-token': secret }),
  },
  body: JSON.stringify(body),
});

describe('the Telegram webhook', () => {
  it('rejects an update with a wrong secret token and does not handle it', async () => {
    const { app, handled } = await appWithWebhook();
    const response = await app.request('/telegram/hook', post(update(1, 'hi'), `${SECRET}x`));
    expect(response.status).toBe(401);
    expect(handled).toEqual([]);
  });

  it('rejects an update without the secret header', async () => {
    const { app, handled } = await appWithWebhook();
    expect((await app.request('/telegram/hook', post(update(1, 'hi')))).status).toBe(401);
    expect(handled).toEqual([]);
  });

  it('handles an update that carries the right secret', async () => {
    const { app, handled } = await appWithWebhook();
    const response = await app.request('/telegram/hook', post(update(1, 'hi'), SECRET));
    expect(response.status).toBe(200);
    expect(handled.map((u) => u.update_id)).toEqual([1]);
  });

  it('refuses a body that is not an update', async () => {
    const { app, handled } = await appWithWebhook();
    expect((await app.request('/telegram/hook', post({ hello: 1 }, SECRET))).status).toBe(400);
    expect((await app.request('/telegram/hook', { ...post({}, SECRET), body: '{' })).status).toBe(
      400,
    );
    expect(handled).toEqual([]);
  });

  it('refuses an oversized body before reading it', async () => {
    const { app, handled } = await appWithWebhook();
    const huge = { ...update(1, 'x'.repeat(2 * 1024 * 1024)) };
    expect((await app.request('/telegram/hook', post(huge, SECRET))).status).toBe(413);
    expect(handled).toEqual([]);
  });

  it('compares secrets in full: a prefix or a longer string does not match', () => {
    expect(secretsMatch(SECRET, SECRET)).toBe(true);
    expect(secretsMatch(SECRET.slice(0, -1), SECRET)).toBe(false);
    expect(secretsMatch(`${SECRET}0`, SECRET)).toBe(false);
  });

  it('registers the webhook with its secret and answers updates the bot receives through it', async () => {
    const t = await startTestBot();
    await t.bot.startWebhook('https://tips.example.org/telegram/hook', SECRET);
    const registered = await t.fake.waitForCall((c) => c.method === 'setWebhook');
    expect(registered.payload).toMatchObject({
      url: 'https://tips.example.org/telegram/hook',
      secret_token: SECRET,
    });
    const handler = createWebhookHandler({
      secretToken: SECRET,
      handleUpdate: t.bot.handleUpdate,
      logger: t.deps.logger,
    });
    const response = await handler(
      new Request('http://localhost/telegram/hook', post(update(9_001, '/help'), SECRET)),
    );
    expect(response.status).toBe(200);
    const sent = await t.fake.waitForCall(
      (c) => c.method === 'sendMessage' && c.payload.chat_id === '5550000111',
    );
    expect(sent.payload.text).toBe(CATALOGS.en['bot.help']);
  });
});
