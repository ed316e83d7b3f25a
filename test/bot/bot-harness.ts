import { onTestFinished } from 'vitest';
import { initialiseDesk } from '../../src/core/index.js';
import { createTipBot, type BotOptions, type TipBot } from '../../src/bot/create-bot.js';
import { CATALOGS } from '../../src/i18n/catalogs.js';
import { EMERGENCY_NUMBERS } from '../../src/i18n/emergency-numbers.js';
import { createTestDeps, PASSPHRASE, type TestContext } from '../helpers.js';
import { FAKE_TOKEN, startFakeBotApi, type FakeBotApi } from './fake-bot-api.js';

export interface TestBot extends TestContext {
  readonly fake: FakeBotApi;
  readonly bot: TipBot;
  readonly recoveryKey: string;
}

/**
 * A fresh desk, the fake Bot API on loopback and the bot polling it, as `npm start` wires them
 * (only the outbox spacing is shortened so conversations do not take a second per message).
 */
export async function startTestBot(
  overrides: Partial<Omit<BotOptions, 'core' | 'token' | 'apiRoot'>> = {},
): Promise<TestBot> {
  const context = await createTestDeps();
  const { recoveryKey } = await initialiseDesk(context.deps, {
    reviewerName: 'ana',
    passphrase: PASSPHRASE,
  });
  const fake = await startFakeBotApi();
  const bot = createTipBot({
    core: context.deps,
    token: FAKE_TOKEN,
    apiRoot: fake.apiRoot,
    catalogs: CATALOGS,
    emergencyNumbers: EMERGENCY_NUMBERS,
    onionAddress: undefined,
    submissionsPerHour: 20,
    ...overrides,
    outbox: { perChatIntervalMs: 0, globalIntervalMs: 0, ...overrides.outbox },
  });
  await bot.startPolling();
  onTestFinished(async () => {
    await bot.stop();
    await fake.close();
  });
  return { ...context, fake, bot, recoveryKey };
}

/** Waits until the memory logger has written a line containing `fragment`. */
export async function logLine(
  lines: string[],
  fragment: string,
  timeoutMs = 10_000,
): Promise<string> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const line = lines.find((l) => l.includes(fragment));
    if (line) return line;
    if (Date.now() > deadline) throw new Error(`no log line with ${fragment}`);
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
}
