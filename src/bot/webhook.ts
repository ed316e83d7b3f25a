import { createHash, timingSafeEqual } from 'node:crypto';
import type { Update } from 'telegraf/types';
import type { Logger } from '../core/index.js';

/** Telegram's updates are small; a larger body is not from Telegram. */
const MAX_UPDATE_BYTES = 1024 * 1024;
const SECRET_HEADER = 'x-telegram-bot-api-secret-token';

/** Compares two secrets in constant time (hashing first makes the lengths equal). */
export function secretsMatch(given: string, expected: string): boolean {
  const a = createHash('sha256').update(given).digest();
  const b = createHash('sha256').update(expected).digest();
  return timingSafeEqual(a, b) && given.length === expected.length;
}

/**
 * The webhook endpoint as a fetch handler, for mounting on the web server. Telegram must echo
 * the secret token set with setWebhook; anything else gets 401 and is not read further.
 * Answers 200 once the update is handled, so Telegram redelivers only what failed to arrive.
 */
export function createWebhookHandler(input: {
  secretToken: string;
  handleUpdate: (update: Update) => Promise<void>;
  logger: Logger;
}): (request: Request) => Promise<Response> {
  return async (request) => {
    if (request.method !== 'POST') return new Response(null, { status: 405 });
    if (!secretsMatch(request.headers.get(SECRET_HEADER) ?? '', input.secretToken)) {
      input.logger.warn('bot.webhook_rejected', { code: 'bad_secret' });
      return new Response(null, { status: 401 });
    }
    const length = Number(request.headers.get('content-length') ?? '0');
    if (length > MAX_UPDATE_BYTES) return new Response(null, { status: 413 });
    let update: unknown;
    try {
      const body = await request.arrayBuffer();
      if (body.byteLength > MAX_UPDATE_BYTES) return new Response(null, { status: 413 });
      update = JSON.parse(new TextDecoder().decode(body));
    } catch {
      return new Response(null, { status: 400 });
    }
    if (
      typeof update !== 'object' ||
      update === null ||
      !Number.isSafeInteger((update as { update_id?: unknown }).update_id)
    ) {
      return new Response(null, { status: 400 });
    }
    await input.handleUpdate(update as Update);
    return new Response(null, { status: 200 });
  };
}
