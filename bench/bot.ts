/*
 * Telegram bot throughput through the project's fake Bot API over loopback, beside a bare
 * telegraf bot (one reply per message, nothing else) measured in the same run, plus the
 * process RSS with many drafts held in memory.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { Telegraf } from 'telegraf';
import { createDeps } from '../src/compose.js';
import { initialiseDesk } from '../src/core/index.js';
import { createTipBot } from '../src/bot/create-bot.js';
import { CATALOGS } from '../src/i18n/catalogs.js';
import { EMERGENCY_NUMBERS } from '../src/i18n/emergency-numbers.js';
import { createMemoryLogger } from '../src/logging/logger.js';
import { FAKE_TOKEN, startFakeBotApi, type FakeBotApi } from '../test/bot/fake-bot-api.js';

const mib = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(0)} MiB`;

async function botReplies(fake: FakeBotApi, count: number, timeoutMs = 300_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (fake.calls.filter((c) => c.method === 'sendMessage').length < count) {
    if (Date.now() > deadline) throw new Error('bench: the bot stopped answering');
    await new Promise((resolve) => setTimeout(resolve, 2));
  }
}

/** Sends one message from each of `users` chats and times until every one has its answer. */
async function burst(
  fake: FakeBotApi,
  users: number,
  firstChat: number,
  text: string,
  already: number,
) {
  const start = performance.now();
  for (let i = 0; i < users; i++)
    fake.user({ chatId: firstChat + i, languageCode: 'en' }).send(text);
  await botReplies(fake, already + users);
  const ms = performance.now() - start;
  return { ms, perSecond: (users * 1000) / ms };
}

const line = (label: string, r: { ms: number; perSecond: number }, n: number, ratio?: number) =>
  `${label.padEnd(52)} n=${String(n).padStart(5)}  ${r.ms.toFixed(0).padStart(6)} ms  ${r.perSecond.toFixed(0).padStart(6)} updates/s${ratio === undefined ? '' : `  x${ratio.toFixed(2)} baseline`}`;

export async function benchBot(): Promise<void> {
  const users = 1000;
  console.log('\n# Telegram bot through the fake Bot API on loopback (long polling)');
  const rssAtStart = process.memoryUsage().rss;

  // baseline: telegraf alone, answering every message once
  const bareApi = await startFakeBotApi();
  const bare = new Telegraf(FAKE_TOKEN, { telegram: { apiRoot: bareApi.apiRoot } });
  bare.on('message', async (ctx) => {
    await ctx.telegram.sendMessage(ctx.chat.id, 'ok');
  });
  let launched!: () => void;
  const running = new Promise<void>((resolve) => (launched = resolve));
  const barePolling = bare.launch(() => launched());
  await running;
  await burst(bareApi, 50, 1, 'warm-up', 0);
  const baseline = await burst(bareApi, users, 10_000, 'hello', 50);
  bare.stop('bench');
  await barePolling;
  await bareApi.close();
  console.log(line('baseline: bare telegraf, one reply per message', baseline, users));

  const dataDir = mkdtempSync(join(tmpdir(), 'tipline-bench-bot-'));
  const fake = await startFakeBotApi();
  try {
    const deps = await createDeps({ dataDir }, { logger: createMemoryLogger() });
    await initialiseDesk(deps, {
      reviewerName: 'bench',
      passphrase: new TextEncoder().encode('bench passphrase long enough'),
    });
    const options = {
      core: deps,
      token: FAKE_TOKEN,
      apiRoot: fake.apiRoot,
      catalogs: CATALOGS,
      emergencyNumbers: EMERGENCY_NUMBERS,
      onionAddress: undefined,
      submissionsPerHour: 0,
    };
    // processing capacity: the outbox's Telegram spacing switched off
    const bot = createTipBot({ ...options, outbox: { perChatIntervalMs: 0, globalIntervalMs: 0 } });
    await bot.startPolling();
    let sent = fake.calls.filter((c) => c.method === 'sendMessage').length;
    await burst(fake, 50, 1, '/report', sent);
    sent += 50;
    const opening = await burst(fake, users, 100_000, '/report', sent);
    sent += users;
    const story = await burst(fake, users, 100_000, 'x'.repeat(2000), sent);
    sent += users;
    console.log(
      line(
        'tipline bot: /report (new draft)',
        opening,
        users,
        opening.perSecond / baseline.perSecond,
      ),
    );
    console.log(
      line(
        'tipline bot: 2 KB story message into a draft',
        story,
        users,
        story.perSecond / baseline.perSecond,
      ),
    );
    const rssWithDrafts = process.memoryUsage().rss;
    await bot.stop();

    // production spacing: Telegram's ~30 messages/s ceiling is what a real deployment gets
    const paced = createTipBot(options);
    await paced.startPolling();
    const pacedUsers = 150;
    const pacedRun = await burst(
      fake,
      pacedUsers,
      500_000,
      '/help',
      fake.calls.filter((c) => c.method === 'sendMessage').length,
    );
    console.log(
      line(
        'tipline bot with production outbox spacing (/help)',
        pacedRun,
        pacedUsers,
        pacedRun.perSecond / baseline.perSecond,
      ),
    );
    await paced.stop();
    console.log(
      `process RSS (this bench process, fake Bot API included): ${mib(rssAtStart)} at start of the bot bench, ${mib(rssWithDrafts)} with ${users + 50} drafts of 2 KB in memory, ${mib(process.memoryUsage().rss)} at the end`,
    );
    await deps.store.close();
  } finally {
    await fake.close();
    rmSync(dataDir, { recursive: true, force: true });
  }
}
