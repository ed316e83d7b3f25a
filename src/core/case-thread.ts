import {
  CryptoFormatError,
  deriveInboxKeys,
  fromUtf8,
  normalizeCodename,
  openForTipster,
  openTipEnvelope,
  sealForTipster,
  sealTipEnvelope,
  utf8,
  wipe,
  type InboxKeys,
} from '../crypto/index.js';
import { DomainError } from './errors.js';
import { hexToBytes, newRandomId } from './ids.js';
import { codenameKdf } from './intake.js';
import { roundDownToHour, type CoreDeps } from './deps.js';
import { normalizeText } from './tip-content.js';
import { recordActivity } from './alerts.js';
import type { UnlockedDesks, UnlockedReviewer } from './key-material.js';
import type { InboxRecord, MessageId, MessageKind, TipId } from './ports.js';

export const MAX_THREAD_MESSAGE_CHARS = 10_000;

/** What a tipster sees in her inbox. The same shape whether or not the codename exists. */
export interface InboxView {
  readonly entries: readonly {
    readonly from: 'staff' | 'you';
    readonly text: string;
    readonly at: number;
  }[];
}

/** What a reviewer sees of a case thread. */
export interface ThreadEntry {
  readonly id: MessageId;
  readonly kind: MessageKind;
  readonly authorId: string | null;
  readonly at: number;
  readonly text: string | undefined;
}

interface ThreadPlaintext {
  v: 1;
  text: string;
}

function boundedMessage(text: string): string {
  const clean = normalizeText(text);
  if (clean.length === 0) throw new DomainError('invalid_input', 'message is required', 'message');
  if (clean.length > MAX_THREAD_MESSAGE_CHARS)
    throw new DomainError('too_large', 'message is too long', 'message');
  return clean;
}

/**
 * Derives the inbox keys for what a tipster typed. A malformed codename is invalid_input; a
 * well-formed one that matches nothing costs the same argon2id run as one that matches.
 */
async function findInbox(
  deps: CoreDeps,
  codenameInput: string,
): Promise<{ inbox: InboxRecord | undefined; keys: InboxKeys }> {
  const digits = normalizeCodename(codenameInput);
  if (digits === undefined) throw new DomainError('invalid_input', 'not a codename', 'codename');
  const { salt, params } = await codenameKdf(deps);
  const keys = await deriveInboxKeys(deps.sodium, digits, salt, params);
  return { inbox: await deps.store.getInbox(keys.lookupId), keys };
}

/** Opens a tipster's inbox. A wrong codename and an empty inbox give the same empty view. */
export async function openInbox(deps: CoreDeps, codenameInput: string): Promise<InboxView> {
  const { inbox, keys } = await findInbox(deps, codenameInput);
  try {
    if (!inbox) return { entries: [] };
    const entries: { from: 'staff' | 'you'; text: string; at: number }[] = [];
    for (const message of await deps.store.listMessages(inbox.tipId)) {
      if (!message.forTipster) continue;
      try {
        const plaintext = openForTipster(deps.sodium, keys, message.forTipster);
        const parsed = JSON.parse(fromUtf8(plaintext)) as ThreadPlaintext;
        wipe(deps.sodium, plaintext);
        entries.push({
          from: message.kind === 'reply' ? 'staff' : 'you',
          text: parsed.text,
          at: message.createdAt,
        });
      } catch (error) {
        if (!(error instanceof CryptoFormatError || error instanceof SyntaxError)) throw error;
        deps.logger.warn('inbox.message_damaged', { tipId: inbox.tipId });
      }
    }
    return { entries };
  } finally {
    wipe(deps.sodium, keys.replySecretKey);
  }
}

async function appendSealed(
  deps: CoreDeps,
  input: {
    tipId: TipId;
    kind: MessageKind;
    authorId: string | null;
    text: string;
    tipsterKey: Uint8Array | null;
  },
): Promise<MessageId> {
  const tip = await deps.store.getTip(input.tipId);
  if (!tip) throw new DomainError('not_found', 'no such tip');
  const deskKey = await deps.store.getActiveDeskKey(tip.deskId);
  if (!deskKey) throw new DomainError('not_initialised', 'desk has no key');
  const plaintext = utf8(JSON.stringify({ v: 1, text: input.text } satisfies ThreadPlaintext));
  try {
    const record = await deps.store.appendMessage({
      id: newRandomId<MessageId>(deps.random),
      tipId: input.tipId,
      kind: input.kind,
      authorId: input.authorId as never,
      deskKeyId: deskKey.id,
      createdAt: roundDownToHour(deps.clock()),
      forDesk: sealTipEnvelope(
        deps.sodium,
        { keyId: hexToBytes(deskKey.id), publicKey: deskKey.publicKey },
        plaintext,
      ),
      forTipster: input.tipsterKey
        ? sealForTipster(deps.sodium, input.tipsterKey, plaintext)
        : null,
    });
    return record.id;
  } finally {
    wipe(deps.sodium, plaintext);
  }
}

/** A tipster adds to her case with her codename. Unknown codename: not_found, nothing stored. */
export async function addFollowUp(
  deps: CoreDeps,
  codenameInput: string,
  text: string,
): Promise<void> {
  const clean = boundedMessage(text);
  const { inbox, keys } = await findInbox(deps, codenameInput);
  wipe(deps.sodium, keys.replySecretKey);
  if (!inbox) throw new DomainError('not_found', 'no inbox for that codename', 'codename');
  await appendSealed(deps, {
    tipId: inbox.tipId,
    kind: 'followup',
    authorId: null,
    text: clean,
    tipsterKey: inbox.replyPublicKey,
  });
  deps.logger.info('tip.followup', { tipId: inbox.tipId });
  // a follow-up is activity too: an ordinary (batched) alert for the tip's desk
  const tip = await deps.store.getTip(inbox.tipId);
  if (tip) await recordActivity(deps, tip.deskId);
}

/**
 * A reviewer answers a web tipster: sealed to her codename's key for /inbox and to the desk
 * for the case record. (Telegram delivery is the bot adapter's job.)
 */
export async function replyToTipster(
  deps: CoreDeps,
  reviewer: UnlockedReviewer,
  tipId: TipId,
  text: string,
): Promise<MessageId> {
  const clean = boundedMessage(text);
  const inbox = await deps.store.getInboxForTip(tipId);
  if (!inbox) throw new DomainError('not_found', 'this tip has no inbox');
  const id = appendSealed(deps, {
    tipId,
    kind: 'reply',
    authorId: reviewer.reviewer.id,
    text: clean,
    tipsterKey: inbox.replyPublicKey,
  });
  deps.logger.info('tip.reply', { tipId });
  return id;
}

/** The whole thread of a case, opened with the desk keys; a damaged entry has text undefined. */
export async function readThread(
  deps: CoreDeps,
  unlocked: UnlockedDesks,
  tipId: TipId,
): Promise<ThreadEntry[]> {
  return (await deps.store.listMessages(tipId)).map((message) => {
    const key = unlocked.deskKeys.get(message.deskKeyId);
    let text: string | undefined;
    if (key) {
      try {
        const plaintext = openTipEnvelope(deps.sodium, message.forDesk, key);
        text = (JSON.parse(fromUtf8(plaintext)) as ThreadPlaintext).text;
        wipe(deps.sodium, plaintext);
      } catch (error) {
        if (!(error instanceof CryptoFormatError || error instanceof SyntaxError)) throw error;
      }
    }
    return {
      id: message.id,
      kind: message.kind,
      authorId: message.authorId,
      at: message.createdAt,
      text,
    };
  });
}

/** A reviewer's internal note: sealed to the desk only, never shown to the tipster. */
export function addNote(
  deps: CoreDeps,
  reviewer: UnlockedReviewer,
  tipId: TipId,
  text: string,
): Promise<MessageId> {
  return appendSealed(deps, {
    tipId,
    kind: 'note',
    authorId: reviewer.reviewer.id,
    text: boundedMessage(text),
    tipsterKey: null,
  });
}
