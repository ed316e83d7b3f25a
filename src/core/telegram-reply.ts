import { DomainError, errorCodeOf } from './errors.js';
import { replyToTipster } from './case-thread.js';
import { openTip } from './reading.js';
import { normalizeText } from './text.js';
import type { CoreDeps } from './deps.js';
import type { UnlockedReviewer } from './key-material.js';
import type { MessageId, TipId } from './ports.js';
import type { TelegramReplyRoute } from './tip-content.js';

/**
 * The bot's side of a reply: core hands it the route opened from the sealed envelope and the
 * text, and never keeps either. Implemented by src/bot; absent when the bot is off.
 */
export interface TelegramDelivery {
  deliverReply(route: TelegramReplyRoute, text: string, language: string): Promise<void>;
}

export type ReplyOutcome =
  | { readonly messageId: MessageId; readonly delivery: 'inbox' }
  | { readonly messageId: MessageId; readonly delivery: 'telegram' }
  /** Stored in the case (readable with /status or /inbox) but the chat could not be reached. */
  | { readonly messageId: MessageId; readonly delivery: 'telegram_failed' };

/**
 * A reviewer answers a tipster on her channel. The reply is always stored sealed in the case
 * (to the desk, and to the codename's key so /inbox and /status show it). For a Telegram tip
 * the chat id is opened from the envelope with the reviewer's unlocked desk key only now, used
 * for this one message, and dropped: the server holds it nowhere else.
 */
export async function sendReply(
  deps: CoreDeps,
  telegram: TelegramDelivery | undefined,
  reviewer: UnlockedReviewer,
  tipId: TipId,
  text: string,
): Promise<ReplyOutcome> {
  const tip = await deps.store.getTip(tipId);
  if (!tip) throw new DomainError('not_found', 'no such tip');
  const content = tip.channel === 'telegram' ? openTip(deps, reviewer, tip) : undefined;
  const messageId = await replyToTipster(deps, reviewer, tipId, text);
  if (!content?.replyRoute) return { messageId, delivery: 'inbox' };
  if (!telegram) {
    deps.logger.warn('reply.telegram_off', { tipId });
    return { messageId, delivery: 'telegram_failed' };
  }
  try {
    await telegram.deliverReply(content.replyRoute, normalizeText(text), content.language);
    return { messageId, delivery: 'telegram' };
  } catch (error) {
    // never log: the chat id or the text; the code says enough to act on
    deps.logger.warn('reply.telegram_failed', {
      tipId,
      code: errorCodeOf(error),
    });
    return { messageId, delivery: 'telegram_failed' };
  }
}
