import type { AttachmentInput } from '../core/index.js';
import type { Locale } from '../i18n/locales.js';

/*
 * Per-chat state, in memory only: a restart forgets every draft and every tracked message id
 * (the bot then tells a returning user her draft was lost). Nothing here is ever written to disk
 * or logged; the map is keyed by chat id only inside this process.
 */

export const REPORT_STEPS = ['story', 'country', 'place', 'when', 'danger', 'summary'] as const;
export type ReportStep = (typeof REPORT_STEPS)[number];
export type DangerAnswer = 'yes' | 'no' | 'unknown';

export interface Draft {
  step: ReportStep;
  readonly story: string[];
  storyChars: number;
  country?: string;
  place?: string;
  location?: string;
  when?: string;
  danger?: DangerAnswer;
  readonly files: AttachmentInput[];
  fileBytes: number;
}

export interface ChatSession {
  /** Chosen with /language, else guessed from Telegram's language_code. */
  locale: Locale | undefined;
  /** A desk other than the main one, from a deep link (t.me/bot?start=desk-name). */
  deskName: string | undefined;
  draft: Draft | undefined;
  draftTouchedAt: number;
  /** Ids and times of every message of this conversation, for /wipe (Telegram allows 48 h). */
  readonly messages: { id: number; at: number }[];
  lastSeenAt: number;
  /** Inbound flood control: start of the current window and updates in it. */
  windowStartedAt: number;
  updatesInWindow: number;
  floodWarned: boolean;
}

export interface ChatSessionOptions {
  readonly draftIdleMs: number;
  /** Sessions idle this long are dropped entirely (their messages can no longer be deleted). */
  readonly sessionIdleMs: number;
  readonly maxSessions: number;
  readonly maxTrackedMessages: number;
  readonly clock: () => number;
}

export const DEFAULT_CHAT_SESSION_OPTIONS = {
  draftIdleMs: 30 * 60_000,
  sessionIdleMs: 48 * 3_600_000,
  maxSessions: 50_000,
  maxTrackedMessages: 2_000,
} as const;

/** Overwrites a draft's files so their bytes do not linger in memory after use. */
export function wipeDraft(draft: Draft): void {
  for (const file of draft.files) file.bytes.fill(0);
  draft.files.length = 0;
  draft.story.length = 0;
  draft.fileBytes = 0;
  draft.storyChars = 0;
}

export function newDraft(): Draft {
  return { step: 'story', story: [], storyChars: 0, files: [], fileBytes: 0 };
}

export interface ChatSessions {
  /** The session for a chat, created when missing; an idle draft is wiped and dropped first. */
  get(chatId: string): ChatSession;
  /** Records a message id of the conversation for a later wipe. */
  track(chatId: string, messageId: number): void;
  /** Drops idle drafts and sessions; called on a timer and when the map grows. */
  sweep(): void;
  size(): number;
}

export function createChatSessions(options: ChatSessionOptions): ChatSessions {
  const sessions = new Map<string, ChatSession>();

  function expireDraft(session: ChatSession, now: number): void {
    if (session.draft && now - session.draftTouchedAt >= options.draftIdleMs) {
      wipeDraft(session.draft);
      session.draft = undefined;
    }
  }

  function sweep(): void {
    const now = options.clock();
    for (const [chatId, session] of sessions) {
      expireDraft(session, now);
      if (now - session.lastSeenAt >= options.sessionIdleMs) sessions.delete(chatId);
    }
    // still too many: drop the longest idle (Map keeps insertion order; get() re-inserts)
    for (const chatId of sessions.keys()) {
      if (sessions.size <= options.maxSessions) break;
      const session = sessions.get(chatId);
      if (session?.draft) wipeDraft(session.draft);
      sessions.delete(chatId);
    }
  }

  return {
    get(chatId) {
      const now = options.clock();
      let session = sessions.get(chatId);
      if (session) {
        sessions.delete(chatId);
        expireDraft(session, now);
      } else {
        session = {
          locale: undefined,
          deskName: undefined,
          draft: undefined,
          draftTouchedAt: now,
          messages: [],
          lastSeenAt: now,
          windowStartedAt: now,
          updatesInWindow: 0,
          floodWarned: false,
        };
      }
      session.lastSeenAt = now;
      sessions.set(chatId, session);
      if (sessions.size > options.maxSessions) sweep();
      return session;
    },
    track(chatId, messageId) {
      const session = sessions.get(chatId);
      if (!session) return;
      session.messages.push({ id: messageId, at: options.clock() });
      if (session.messages.length > options.maxTrackedMessages) session.messages.shift();
    },
    sweep,
    size: () => sessions.size,
  };
}
