import { Telegraf, type Context } from 'telegraf';
import type { Update } from 'telegraf/types';
import {
  createScopedRateLimiter,
  claimTelegramUpdate,
  errorCodeOf,
  type CoreDeps,
  type TelegramDelivery,
} from '../core/index.js';
import type { EmergencyDirectory } from '../i18n/countries.js';
import { LOCALES, type Locale } from '../i18n/locales.js';
import { createTranslator, type Messages } from '../i18n/messages.js';
import {
  createChatSessions,
  DEFAULT_CHAT_SESSION_OPTIONS,
  type ChatSessionOptions,
} from './chat-sessions.js';
import { createConversation, type IncomingFile, type Turn } from './conversation.js';
import { createOutbox, DEFAULT_OUTBOX_TIMING, type OutboxOptions } from './outbox.js';
import type { TelegramAlertPort } from './alert-sender.js';

export const BOT_COMMANDS = [
  'start',
  'report',
  'submit',
  'cancel',
  'wipe',
  'language',
  'status',
  'help',
] as const;

/** Updates the bot asks for; everything else (channel posts, reactions, …) is never delivered. */
const ALLOWED_UPDATES = ['message', 'callback_query', 'my_chat_member', 'edited_message'] as const;

export interface BotOptions {
  readonly core: CoreDeps;
  readonly token: string;
  readonly apiRoot: string;
  readonly catalogs: Readonly<Partial<Record<Locale, Messages>>>;
  readonly emergencyNumbers: EmergencyDirectory;
  readonly onionAddress: string | undefined;
  /** Tips per chat per hour (the web form's limit); 0 turns it off. */
  readonly submissionsPerHour: number;
  readonly outbox?: Partial<
    Pick<OutboxOptions, 'perChatIntervalMs' | 'globalIntervalMs' | 'maxRetries' | 'sleep' | 'clock'>
  >;
  readonly sessions?: Partial<Omit<ChatSessionOptions, 'clock'>>;
  /** Inbound updates per chat per minute before the bot asks the user to slow down. */
  readonly floodPerMinute?: number;
}

export interface TipBot extends TelegramDelivery, TelegramAlertPort {
  /** The bot's @username once Telegram told us (getMe), for `t.me/<bot>?start=…` links. */
  username(): string | undefined;
  /** Registers commands in every language and starts long polling (resolves once polling runs). */
  startPolling(): Promise<void>;
  /** Registers commands and the webhook with Telegram, with a secret token it must echo. */
  startWebhook(url: string, secretToken: string): Promise<void>;
  /** Handles one update (webhook mode). Resolves when the update has been handled. */
  readonly handleUpdate: (update: Update) => Promise<void>;
  /** Stops polling and waits for queued messages to go out. */
  stop(): Promise<void>;
}

const RECENT_UPDATES = 10_000;
const MINUTE_MS = 60_000;
const realSleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

type AnyMessage = Record<string, unknown> & {
  message_id: number;
  chat: { id: number; type: string };
};

/** Maps a Telegram message with a file onto what the draft needs; undefined if it has none. */
function incomingFile(message: AnyMessage): IncomingFile | undefined {
  const m = message as {
    photo?: { file_id: string; file_size?: number }[];
    document?: { file_id: string; file_size?: number; file_name?: string; mime_type?: string };
    voice?: { file_id: string; file_size?: number; mime_type?: string };
    audio?: { file_id: string; file_size?: number; mime_type?: string; file_name?: string };
    video?: { file_id: string; file_size?: number; mime_type?: string; file_name?: string };
    video_note?: { file_id: string; file_size?: number };
  };
  const largestPhoto = m.photo?.at(-1);
  if (largestPhoto)
    return {
      fileId: largestPhoto.file_id,
      size: largestPhoto.file_size,
      name: 'photo.jpg',
      mediaType: 'image/jpeg',
    };
  if (m.document)
    return {
      fileId: m.document.file_id,
      size: m.document.file_size,
      name: m.document.file_name ?? 'document',
      mediaType: (m.document.mime_type ?? 'application/octet-stream').toLowerCase(),
    };
  if (m.voice)
    return {
      fileId: m.voice.file_id,
      size: m.voice.file_size,
      name: 'voice.ogg',
      mediaType: m.voice.mime_type ?? 'audio/ogg',
    };
  if (m.audio)
    return {
      fileId: m.audio.file_id,
      size: m.audio.file_size,
      name: m.audio.file_name ?? 'audio',
      mediaType: m.audio.mime_type ?? 'audio/mpeg',
    };
  if (m.video)
    return {
      fileId: m.video.file_id,
      size: m.video.file_size,
      name: m.video.file_name ?? 'video.mp4',
      mediaType: m.video.mime_type ?? 'video/mp4',
    };
  if (m.video_note)
    return {
      fileId: m.video_note.file_id,
      size: m.video_note.file_size,
      name: 'video-note.mp4',
      mediaType: 'video/mp4',
    };
  return undefined;
}

/**
 * The Telegram adapter. All output goes through the outbox (ordering, spacing, 429 waits);
 * handlers only parse the update and call the conversation. Privacy: telegraf's default error
 * handler prints the whole update, so it is replaced; nothing here logs chat ids, names or text.
 */
export function createTipBot(options: BotOptions): TipBot {
  const { core } = options;
  const bot = new Telegraf(options.token, {
    telegram: { apiRoot: options.apiRoot, webhookReply: false },
    handlerTimeout: 10 * MINUTE_MS,
  });
  const outbox = createOutbox(bot.telegram, {
    ...DEFAULT_OUTBOX_TIMING,
    // real time, not core's clock: spacing and 429 waits are about the wall clock Telegram keeps
    clock: Date.now,
    sleep: realSleep,
    logger: core.logger,
    ...options.outbox,
  });
  const sessions = createChatSessions({
    ...DEFAULT_CHAT_SESSION_OPTIONS,
    clock: core.clock,
    ...options.sessions,
  });
  const conversation = createConversation({
    core,
    outbox,
    sessions,
    catalogs: options.catalogs,
    emergencyNumbers: options.emergencyNumbers,
    fileUrl: (filePath) => `${options.apiRoot}/file/bot${options.token}/${filePath}`,
    submissions: createScopedRateLimiter(core, 'telegram', {
      perKeyPerHour: options.submissionsPerHour,
      globalPerHour: Math.max(options.submissionsPerHour * 500, 1),
    }),
    onionAddress: options.onionAddress,
  });
  const floodPerMinute = options.floodPerMinute ?? 30;

  // Polling redelivers after a crash or a lost getUpdates answer: handle each update once.
  const recent = new Set<number>();
  const recentOrder: number[] = [];
  // One update at a time per chat, so a burst (text, then /submit) keeps its order.
  const chatQueues = new Map<string, Promise<void>>();

  bot.catch(async (error, ctx) => {
    // never log: the update, the error message (telegraf quotes payloads), chat ids
    core.logger.error('bot.update_failed', {
      updateType: ctx.updateType,
      code: errorCodeOf(error),
    });
    const chatId = ctx.chat?.id;
    if (chatId !== undefined && ctx.chat?.type === 'private') {
      await conversation
        .failed(conversation.turnFor(String(chatId), ctx.from?.language_code))
        .catch(() => undefined);
    }
  });

  bot.use(async (ctx, next) => {
    const id = ctx.update.update_id;
    if (recent.has(id)) {
      core.logger.info('bot.duplicate_update', { updateType: ctx.updateType });
      return;
    }
    recent.add(id);
    recentOrder.push(id);
    if (recentOrder.length > RECENT_UPDATES) recent.delete(recentOrder.shift() ?? -1);
    // another instance on the database took this one (a webhook retried at the other instance)
    if (!(await claimTelegramUpdate(core, id))) {
      core.logger.info('bot.duplicate_update', { updateType: ctx.updateType });
      return;
    }
    const chat = ctx.chat;
    if (!chat) return next();
    if (chat.type !== 'private') return refuseGroup(ctx, String(chat.id), chat.type);
    const chatId = String(chat.id);
    const previous = chatQueues.get(chatId) ?? Promise.resolve();
    const run = previous.then(() => handleInOrder(ctx, chatId, next));
    const tail = run.catch(() => undefined);
    chatQueues.set(chatId, tail);
    void tail.then(() => {
      if (chatQueues.get(chatId) === tail) chatQueues.delete(chatId);
    });
    return run;
  });

  async function refuseGroup(ctx: Context, chatId: string, type: string): Promise<void> {
    if (
      ctx.updateType === 'my_chat_member' &&
      ctx.myChatMember?.new_chat_member.status !== 'member'
    )
      return; // already removed or left: nothing to answer
    if (type !== 'channel') {
      const t = createTranslator(options.catalogs, 'en');
      await outbox
        .call(chatId, 'sendMessage', { chat_id: chatId, text: t('bot.group.refused') })
        .catch(() => undefined);
    }
    await outbox
      .call(chatId, 'leaveChat', { chat_id: chatId })
      .catch((error: unknown) =>
        core.logger.warn('bot.leave_failed', { code: errorCodeOf(error) }),
      );
  }

  async function handleInOrder(
    ctx: Context,
    chatId: string,
    next: () => Promise<void>,
  ): Promise<void> {
    const session = sessions.get(chatId);
    const now = core.clock();
    if (now - session.windowStartedAt >= MINUTE_MS) {
      session.windowStartedAt = now;
      session.updatesInWindow = 0;
      session.floodWarned = false;
    }
    session.updatesInWindow += 1;
    const message = ctx.message as AnyMessage | undefined;
    if (message) sessions.track(chatId, message.message_id);
    if (session.updatesInWindow > floodPerMinute) {
      if (ctx.callbackQuery) await answerCallback(ctx);
      if (!session.floodWarned) {
        session.floodWarned = true;
        core.logger.warn('bot.flood', { count: session.updatesInWindow });
        await conversation.flood(conversation.turnFor(chatId, ctx.from?.language_code));
      }
      return;
    }
    await next();
  }

  async function answerCallback(ctx: Context): Promise<void> {
    const query = ctx.callbackQuery;
    if (!query || !ctx.chat) return;
    await outbox
      .call(String(ctx.chat.id), 'answerCallbackQuery', { callback_query_id: query.id })
      .catch((error: unknown) =>
        core.logger.warn('bot.answer_failed', { code: errorCodeOf(error) }),
      );
  }

  const turnOf = (ctx: Context): Turn =>
    conversation.turnFor(String(ctx.chat?.id), ctx.from?.language_code);

  bot.on('callback_query', async (ctx) => {
    await answerCallback(ctx);
    const data = 'data' in ctx.callbackQuery ? ctx.callbackQuery.data : undefined;
    if (typeof data === 'string' && data.length <= 64)
      await conversation.callback(turnOf(ctx), data);
  });

  bot.on('message', async (ctx) => {
    const message = ctx.message as unknown as AnyMessage;
    const turn = turnOf(ctx);
    if (typeof message.text === 'string') {
      const command = /^\/([a-z_]{1,32})(?:@\w+)?(?:\s+([\s\S]*))?$/i.exec(message.text);
      if (command)
        return runCommand(
          turn,
          (command[1] ?? '').toLowerCase(),
          command[2] ?? '',
          message.message_id,
        );
      return conversation.text(turn, message.text);
    }
    const file = incomingFile(message);
    if (file) {
      await conversation.file(turn, file);
      if (typeof message.caption === 'string') await conversation.text(turn, message.caption);
      return;
    }
    const where = message.location as { latitude: number; longitude: number } | undefined;
    if (where && message.venue === undefined)
      return conversation.location(turn, where.latitude, where.longitude);
    return conversation.unsupported(turn);
  });

  // An edit cannot change a draft already taken in; say nothing rather than confuse.
  bot.on('edited_message', () => undefined);
  bot.on('my_chat_member', () => undefined);

  async function runCommand(
    turn: Turn,
    command: string,
    args: string,
    messageId: number,
  ): Promise<void> {
    switch (command) {
      case 'start':
        return conversation.start(turn, args);
      case 'report':
        return conversation.report(turn);
      case 'submit':
        return conversation.submit(turn);
      case 'cancel':
        return conversation.cancel(turn);
      case 'wipe':
        return conversation.wipe(turn);
      case 'language':
        return conversation.chooseLanguage(turn);
      case 'status':
        return conversation.status(turn, messageId, args);
      // a reviewer linking this chat for desk alerts; not in the command menu tipsters see
      case 'link':
        return conversation.linkAlerts(turn, args);
      default:
        return conversation.help(turn);
    }
  }

  async function registerCommands(): Promise<void> {
    // who we are, for the desk's `t.me/<bot>?start=alert-…` link (telegraf keeps it)
    bot.botInfo ??= await outbox.call('commands', 'getMe', {});
    const perLanguage: { languageCode?: string; locale: Locale }[] = [
      { locale: 'en' },
      ...LOCALES.filter((l) => /^[a-z]{2}$/.test(l.tag) && l.tag !== 'en').map((l) => ({
        languageCode: l.tag,
        locale: l.tag,
      })),
      // Telegram names languages by two letters: zh and sr get their most common script
      { languageCode: 'zh', locale: 'zh-Hans' },
      { languageCode: 'sr', locale: 'sr-Cyrl' },
    ];
    for (const { languageCode, locale } of perLanguage) {
      const t = createTranslator(options.catalogs, locale);
      await outbox.call('commands', 'setMyCommands', {
        commands: BOT_COMMANDS.map((command) => ({
          command,
          description: t(`bot.command.${command}`),
        })),
        ...(languageCode ? { language_code: languageCode } : {}),
      });
    }
  }

  const sweepTimer = setInterval(() => sessions.sweep(), MINUTE_MS);
  sweepTimer.unref();
  let polling: Promise<void> | undefined;

  return {
    async startPolling() {
      await registerCommands();
      let launched!: () => void;
      const running = new Promise<void>((resolve) => (launched = resolve));
      polling = bot
        .launch({ allowedUpdates: [...ALLOWED_UPDATES], dropPendingUpdates: false }, () =>
          launched(),
        )
        .catch((error: unknown) => {
          core.logger.error('bot.polling_failed', { code: errorCodeOf(error) });
        });
      await Promise.race([running, polling]);
      core.logger.info('bot.started', { mode: 'polling' });
    },
    async startWebhook(url, secretToken) {
      await registerCommands();
      await outbox.call('webhook', 'setWebhook', {
        url,
        secret_token: secretToken,
        allowed_updates: [...ALLOWED_UPDATES],
      });
      core.logger.info('bot.started', { mode: 'webhook' });
    },
    handleUpdate: (update) => bot.handleUpdate(update),
    async stop() {
      clearInterval(sweepTimer);
      if (polling) {
        // telegraf calls launch's callback before deleteWebhook and the first getUpdates, and
        // refuses to stop until polling has begun: a stop right after start waits for that
        for (let attempt = 0; ; attempt++) {
          try {
            bot.stop('shutdown');
            break;
          } catch (error) {
            if (attempt >= 500) throw error;
            await realSleep(10);
          }
        }
        await polling;
      }
      await Promise.all([...chatQueues.values()]);
      await outbox.drain();
    },
    deliverReply: (route, text, language) =>
      conversation.deliverReply(route.chatId, text, language),
    sendAlert: (chatId, text) => conversation.deliverAlert(chatId, text),
    username: () => bot.botInfo?.username,
  };
}
