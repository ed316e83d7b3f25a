import { describe, expect, it } from 'vitest';
import { createOutbox } from '../../src/bot/outbox.js';
import { createMemoryLogger } from '../../src/logging/logger.js';

/** A Bot API client that records calls at the fake time and can fail with 429 first. */
function fakeApi(clock: { now: number }, failures: number[] = []) {
  const calls: { method: string; at: number; chat: unknown }[] = [];
  return {
    calls,
    client: {
      callApi(method: string, payload: Record<string, unknown>): Promise<unknown> {
        const retryAfter = failures.shift();
        if (retryAfter !== undefined) {
          return Promise.reject(
            Object.assign(new Error('Too Many Requests'), {
              code: 429,
              parameters: { retry_after: retryAfter },
            }),
          );
        }
        calls.push({ method, at: clock.now, chat: payload.chat_id });
        return Promise.resolve({ message_id: calls.length });
      },
    },
  };
}

function outboxOver(api: ReturnType<typeof fakeApi>, clock: { now: number }) {
  return createOutbox(api.client, {
    perChatIntervalMs: 1_000,
    globalIntervalMs: 34,
    maxRetries: 3,
    clock: () => clock.now,
    // the fake sleep moves the fake clock, so no test waits in real time
    sleep: (ms) => {
      clock.now += ms;
      return Promise.resolve();
    },
    logger: createMemoryLogger(),
  });
}

describe('the bot outbox', () => {
  it('spaces messages into one chat by at least a second', async () => {
    const clock = { now: 0 };
    const api = fakeApi(clock);
    const outbox = outboxOver(api, clock);
    await Promise.all([1, 2, 3].map((n) => outbox.call('42', 'sendMessage', { chat_id: 42, n })));
    const times = api.calls.map((c) => c.at);
    expect(times[1]! - times[0]!).toBeGreaterThanOrEqual(1_000);
    expect(times[2]! - times[1]!).toBeGreaterThanOrEqual(1_000);
  });

  it('does not hold one chat back for another beyond the global spacing', async () => {
    const clock = { now: 0 };
    const api = fakeApi(clock);
    const outbox = outboxOver(api, clock);
    await Promise.all(
      ['1', '2', '3'].map((chat) => outbox.call(chat, 'sendMessage', { chat_id: chat })),
    );
    expect(api.calls.at(-1)!.at - api.calls[0]!.at).toBeLessThan(1_000);
  });

  it('keeps the order of calls into one chat', async () => {
    const clock = { now: 0 };
    const api = fakeApi(clock);
    const outbox = outboxOver(api, clock);
    await Promise.all([
      outbox.call('7', 'sendMessage', { chat_id: 7 }),
      outbox.call('7', 'deleteMessages', { chat_id: 7 }),
      outbox.call('7', 'sendMessage', { chat_id: 7 }),
    ]);
    expect(api.calls.map((c) => c.method)).toEqual([
      'sendMessage',
      'deleteMessages',
      'sendMessage',
    ]);
  });

  it('waits retry_after seconds after a 429 and then sends the same call', async () => {
    const clock = { now: 0 };
    const api = fakeApi(clock, [7]);
    const outbox = outboxOver(api, clock);
    await outbox.call('42', 'sendMessage', { chat_id: 42 });
    expect(api.calls).toHaveLength(1);
    expect(api.calls[0]!.at).toBeGreaterThanOrEqual(7_000);
  });

  it('gives up after the configured number of 429 answers', async () => {
    const clock = { now: 0 };
    const api = fakeApi(clock, [1, 1, 1, 1, 1]);
    const outbox = outboxOver(api, clock);
    await expect(outbox.call('42', 'sendMessage', { chat_id: 42 })).rejects.toMatchObject({
      code: 429,
    });
    expect(api.calls).toHaveLength(0);
  });
});
