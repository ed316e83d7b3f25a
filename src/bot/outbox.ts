import type { Logger } from '../core/index.js';

/** The one call the outbox needs from telegraf's `Telegram` client. */
export interface BotApiClient {
  callApi(method: string, payload: Record<string, unknown>): Promise<unknown>;
}

export interface OutboxOptions {
  /** Minimum gap between two messages into the same chat (Telegram asks for about 1 s). */
  readonly perChatIntervalMs: number;
  /** Minimum gap between any two messages the bot sends (Telegram's ~30 messages/s ceiling). */
  readonly globalIntervalMs: number;
  /** How often a call answered with 429 is tried again before giving up. */
  readonly maxRetries: number;
  readonly clock: () => number;
  readonly sleep: (ms: number) => Promise<void>;
  readonly logger: Logger;
}

export const DEFAULT_OUTBOX_TIMING = {
  perChatIntervalMs: 1_000,
  globalIntervalMs: 34,
  maxRetries: 5,
} as const;

const MAX_TRACKED_CHATS = 10_000;

/** Methods that post something into a chat and so count against Telegram's flood limits. */
const POSTS = /^(send|copy|forward)/;

function retryAfterSeconds(error: unknown): number | undefined {
  const e = error as { code?: unknown; parameters?: { retry_after?: unknown } };
  if (e.code !== 429) return undefined;
  const seconds = e.parameters?.retry_after;
  return typeof seconds === 'number' && seconds >= 0 && seconds <= 3_600 ? seconds : 5;
}

export interface Outbox {
  /**
   * Calls the Bot API for one chat. Calls for the same chat run in order; messages into a chat
   * are spaced by perChatIntervalMs; a 429 pauses every chat for `retry_after` seconds and the
   * call is tried again (telegraf's callApi does not retry by itself).
   */
  call<T = unknown>(chatId: string, method: string, payload: Record<string, unknown>): Promise<T>;
  /** Resolves when everything queued so far has been sent or has failed. */
  drain(): Promise<void>;
}

export function createOutbox(api: BotApiClient, options: OutboxOptions): Outbox {
  const { clock, sleep } = options;
  // chat id → tail of that chat's queue and when it last posted; memory only, dropped when idle
  const queues = new Map<string, Promise<unknown>>();
  const lastPostAt = new Map<string, number>();
  let lastGlobalPostAt = 0;
  let pausedUntil = 0;

  // a chat whose last post is older than the interval needs no record to be spaced correctly
  function forgetQuietChats(now: number): void {
    for (const [chat, at] of lastPostAt) {
      if (now - at >= options.perChatIntervalMs) lastPostAt.delete(chat);
    }
  }

  async function waitForTurn(chatId: string, posts: boolean): Promise<void> {
    for (;;) {
      const now = clock();
      let readyAt = pausedUntil;
      if (posts) {
        readyAt = Math.max(
          readyAt,
          (lastPostAt.get(chatId) ?? -Infinity) + options.perChatIntervalMs,
          lastGlobalPostAt + options.globalIntervalMs,
        );
      }
      if (readyAt <= now) break;
      await sleep(readyAt - now);
    }
    if (posts) {
      lastGlobalPostAt = clock();
      lastPostAt.set(chatId, lastGlobalPostAt);
      if (lastPostAt.size > MAX_TRACKED_CHATS) forgetQuietChats(lastGlobalPostAt);
    }
  }

  async function send(
    chatId: string,
    method: string,
    payload: Record<string, unknown>,
  ): Promise<unknown> {
    const posts = POSTS.test(method);
    for (let attempt = 0; ; attempt++) {
      await waitForTurn(chatId, posts);
      try {
        return await api.callApi(method, payload);
      } catch (error) {
        const seconds = retryAfterSeconds(error);
        if (seconds === undefined || attempt >= options.maxRetries) throw error;
        options.logger.warn('bot.flood_wait', { method, durationMs: seconds * 1000 });
        pausedUntil = Math.max(pausedUntil, clock() + seconds * 1000);
      }
    }
  }

  return {
    call<T>(chatId: string, method: string, payload: Record<string, unknown>): Promise<T> {
      const previous = queues.get(chatId) ?? Promise.resolve();
      const result = previous.then(() => send(chatId, method, payload));
      const tail = result.then(
        () => undefined,
        () => undefined,
      );
      queues.set(chatId, tail);
      void tail.then(() => {
        if (queues.get(chatId) === tail) queues.delete(chatId);
      });
      return result as Promise<T>;
    },
    async drain(): Promise<void> {
      while (queues.size > 0) await Promise.all([...queues.values()]);
    },
  };
}
