import {
  DomainError,
  errorCodeOf,
  isDomainError,
  linkTelegramAlerts,
  normalizeText,
  ALERT_LINK_PREFIX,
  openInbox,
  submitTip,
  type AttachmentInput,
  type CheckBack,
  type CoreDeps,
  type RateLimiter,
  findDeskByName,
} from '../core/index.js';
import { countryName, countryOptions, type EmergencyDirectory } from '../i18n/countries.js';
import { LOCALES, matchLocale, type Locale } from '../i18n/locales.js';
import {
  createTranslator,
  type MessageKey,
  type Messages,
  type Translate,
} from '../i18n/messages.js';
import {
  newDraft,
  wipeDraft,
  type ChatSession,
  type ChatSessions,
  type DangerAnswer,
  type Draft,
} from './chat-sessions.js';
import type { Outbox } from './outbox.js';
import { BOT_API_DOWNLOAD_LIMIT, downloadIntoMemory, FileTooLargeError } from './telegram-files.js';

/*
 * The conversation: the same questions as the web form, one at a time, with buttons for every
 * step and commands that always work. Channel-specific only in how it talks; the tip is sealed
 * by core's submitTip like any other.
 */

export interface ConversationDeps {
  readonly core: CoreDeps;
  readonly outbox: Outbox;
  readonly sessions: ChatSessions;
  readonly catalogs: Readonly<Partial<Record<Locale, Messages>>>;
  readonly emergencyNumbers: EmergencyDirectory;
  /** Builds the download URL for a getFile path (it holds the token: never logged). */
  readonly fileUrl: (filePath: string) => string;
  readonly submissions: RateLimiter;
  readonly onionAddress: string | undefined;
}

/** A file as Telegram announces it, before it is downloaded. */
export interface IncomingFile {
  readonly fileId: string;
  readonly size: number | undefined;
  readonly name: string;
  readonly mediaType: string;
}

interface InlineButton {
  text: string;
  callback_data: string;
}
type Keyboard = InlineButton[][];

/** Telegram may delete messages for 48 hours; stay a little inside that. */
const DELETABLE_MS = 48 * 3_600_000 - 10 * 60_000;
const DELETE_BATCH = 100;
const STORY_SEPARATOR = '\n\n';

export interface Turn {
  readonly chatId: string;
  readonly session: ChatSession;
  readonly locale: Locale;
  readonly t: Translate;
}

export function createConversation(deps: ConversationDeps) {
  const { core, outbox, sessions } = deps;
  const limits = core.intakeLimits;

  function turnFor(chatId: string, languageCode: string | undefined): Turn {
    const session = sessions.get(chatId);
    const locale = session.locale ?? matchLocale(languageCode ?? '') ?? 'en';
    return { chatId, session, locale, t: createTranslator(deps.catalogs, locale) };
  }

  async function say(turn: Pick<Turn, 'chatId'>, text: string, keyboard?: Keyboard): Promise<void> {
    const sent = await outbox.call<{ message_id: number }>(turn.chatId, 'sendMessage', {
      chat_id: turn.chatId,
      text,
      link_preview_options: { is_disabled: true },
      ...(keyboard ? { reply_markup: { inline_keyboard: keyboard } } : {}),
    });
    sessions.track(turn.chatId, sent.message_id);
  }

  const button = (t: Translate, key: MessageKey, data: string): InlineButton => ({
    text: t(key),
    callback_data: data,
  });

  function touch(turn: Turn): Draft | undefined {
    if (turn.session.draft) turn.session.draftTouchedAt = core.clock();
    return turn.session.draft;
  }

  async function start(turn: Turn, payload = ''): Promise<void> {
    const { t } = turn;
    // a reviewer's link from the desk: `/start alert-<code>` (no desk may be named alert-…)
    if (payload.trim().toLowerCase().startsWith(ALERT_LINK_PREFIX))
      return linkAlerts(turn, payload);
    // a partner's deep link names its desk; an unknown name is ignored
    const deskName = payload.trim();
    if (/^[\p{L}\p{N}._-]{1,64}$/u.test(deskName) && (await findDeskByName(core, deskName)))
      turn.session.deskName = deskName;
    const lines = [t('bot.start.greeting'), '', t('bot.start.safety')];
    if (deps.onionAddress)
      lines.push('', t('bot.start.webForm', { address: `http://${deps.onionAddress}` }));
    lines.push('', t('bot.start.next'));
    await say(turn, lines.join('\n'), [
      [button(t, 'bot.button.report', 'report'), button(t, 'bot.button.language', 'language')],
    ]);
  }

  /** A reviewer links this chat for desk alerts; any failure gets the same neutral line. */
  async function linkAlerts(turn: Turn, code: string): Promise<void> {
    // never log: the code, the chat id
    const linked = await linkTelegramAlerts(core, code, turn.chatId, turn.locale);
    await say(turn, turn.t(linked ? 'bot.alertLink.done' : 'bot.alertLink.failed'));
  }

  async function chooseLanguage(turn: Turn): Promise<void> {
    const rows: Keyboard = [];
    for (let i = 0; i < LOCALES.length; i += 2) {
      rows.push(
        LOCALES.slice(i, i + 2).map((l) => ({ text: l.name, callback_data: `lang:${l.tag}` })),
      );
    }
    await say(turn, turn.t('bot.language.choose'), rows);
  }

  async function setLanguage(turn: Turn, tag: string): Promise<void> {
    const locale = LOCALES.find((l) => l.tag === tag)?.tag;
    if (!locale) return;
    turn.session.locale = locale;
    await say(turn, createTranslator(deps.catalogs, locale)('bot.language.set'));
  }

  async function ask(turn: Turn, draft: Draft): Promise<void> {
    const { t } = turn;
    const skip = [button(t, 'bot.button.skip', 'skip')];
    switch (draft.step) {
      case 'story':
        return say(turn, t('bot.report.story'), [[button(t, 'bot.button.continue', 'next')]]);
      case 'country': {
        const options = countryOptions(turn.locale, deps.emergencyNumbers);
        const rows: Keyboard = [];
        for (let i = 0; i < options.length; i += 2) {
          rows.push(
            options
              .slice(i, i + 2)
              .map((o) => ({ text: o.name, callback_data: `country:${o.code}` })),
          );
        }
        rows.push([button(t, 'form.country.other', 'skip')]);
        return say(turn, t('bot.report.country'), rows);
      }
      case 'place':
        return say(turn, t('bot.report.place'), [skip]);
      case 'when':
        return say(turn, t('bot.report.when'), [skip]);
      case 'danger':
        return say(turn, t('bot.report.danger'), [
          [
            button(t, 'form.danger.yes', 'danger:yes'),
            button(t, 'form.danger.no', 'danger:no'),
            button(t, 'form.danger.unknown', 'danger:unknown'),
          ],
        ]);
      case 'summary':
        return say(turn, t('bot.report.summary', { summary: summarize(turn, draft) }), [
          [button(t, 'bot.button.send', 'send'), button(t, 'bot.button.cancel', 'cancel')],
        ]);
    }
  }

  function summarize(turn: Turn, draft: Draft): string {
    const { t } = turn;
    const lines = [`• ${t('bot.summary.messages', { count: draft.story.length })}`];
    if (draft.files.length > 0)
      lines.push(`• ${t('bot.summary.files', { count: draft.files.length })}`);
    if (draft.country)
      lines.push(
        `• ${t('bot.summary.country', { country: countryName(turn.locale, draft.country) })}`,
      );
    if (draft.place) lines.push(`• ${t('bot.summary.place', { place: draft.place })}`);
    if (draft.location) lines.push(`• ${t('bot.summary.location')}`);
    if (draft.when) lines.push(`• ${t('bot.summary.when', { when: draft.when })}`);
    if (draft.danger) {
      const answer = t(`form.danger.${draft.danger}`);
      lines.push(`• ${t('bot.summary.danger', { answer })}`);
    }
    return lines.join('\n');
  }

  async function advance(turn: Turn, draft: Draft): Promise<void> {
    const order = ['story', 'country', 'place', 'when', 'danger', 'summary'] as const;
    const next = order[Math.min(order.indexOf(draft.step) + 1, order.length - 1)] ?? 'summary';
    draft.step = next;
    await ask(turn, draft);
  }

  async function report(turn: Turn): Promise<void> {
    turn.session.draft ??= newDraft();
    turn.session.draftTouchedAt = core.clock();
    await ask(turn, turn.session.draft);
  }

  async function draftLost(turn: Turn): Promise<void> {
    await say(turn, turn.t('bot.draft.lost'), [[button(turn.t, 'bot.button.report', 'report')]]);
  }

  async function text(turn: Turn, input: string): Promise<void> {
    const draft = touch(turn);
    if (!draft) return draftLost(turn);
    const clean = normalizeText(input);
    if (clean.length === 0) return;
    switch (draft.step) {
      case 'story':
      case 'summary':
      case 'danger': {
        const added =
          draft.storyChars + (draft.story.length > 0 ? STORY_SEPARATOR.length : 0) + clean.length;
        if (added > limits.maxMessageChars) return say(turn, turn.t('bot.draft.full'));
        draft.story.push(clean);
        draft.storyChars = added;
        if (draft.step === 'story')
          return say(turn, turn.t('bot.report.added'), [
            [button(turn.t, 'bot.button.continue', 'next')],
          ]);
        return ask(turn, draft);
      }
      case 'country': {
        const match = countryOptions(turn.locale, deps.emergencyNumbers).find(
          (o) => o.name.toLocaleLowerCase(turn.locale) === clean.toLocaleLowerCase(turn.locale),
        );
        if (match) {
          draft.country = match.code;
          return advance(turn, draft);
        }
        draft.place = clean.slice(0, limits.maxFieldChars);
        draft.step = 'place';
        return advance(turn, draft);
      }
      case 'place':
        draft.place = clean.slice(0, limits.maxFieldChars);
        return advance(turn, draft);
      case 'when':
        draft.when = clean.slice(0, limits.maxFieldChars);
        return advance(turn, draft);
    }
  }

  async function file(turn: Turn, incoming: IncomingFile): Promise<void> {
    const draft = touch(turn);
    if (!draft) return draftLost(turn);
    const { t } = turn;
    if (draft.files.length >= limits.maxAttachments)
      return say(turn, t('bot.file.tooMany', { count: limits.maxAttachments }));
    const room = Math.min(BOT_API_DOWNLOAD_LIMIT, limits.maxAttachmentBytesTotal - draft.fileBytes);
    const tooBig = () =>
      say(
        turn,
        t('bot.file.tooBig', {
          megabytes: Math.floor(
            Math.min(BOT_API_DOWNLOAD_LIMIT, limits.maxAttachmentBytesTotal) / 1024 / 1024,
          ),
        }),
      );
    if (incoming.size !== undefined && incoming.size > room) return tooBig();
    let bytes: Uint8Array;
    try {
      const info = await outbox.call<{ file_path?: string }>(turn.chatId, 'getFile', {
        file_id: incoming.fileId,
      });
      if (!info.file_path) return await say(turn, t('bot.file.unreadable'));
      bytes = await downloadIntoMemory(deps.fileUrl(info.file_path), room);
    } catch (error) {
      if (error instanceof FileTooLargeError) return tooBig();
      core.logger.warn('bot.file_failed', {
        code: error instanceof Error ? error.name : 'unknown',
      });
      return say(turn, t('bot.file.unreadable'));
    }
    let clean: AttachmentInput;
    try {
      clean = await core.attachmentSanitizer.sanitize({
        name: incoming.name,
        mediaType: incoming.mediaType,
        bytes,
      });
    } catch (error) {
      bytes.fill(0);
      if (isDomainError(error)) return say(turn, t('bot.file.unreadable'));
      throw error;
    }
    if (clean.bytes !== bytes) bytes.fill(0);
    if (!turn.session.draft) {
      clean.bytes.fill(0);
      return draftLost(turn);
    }
    draft.files.push(clean);
    draft.fileBytes += clean.bytes.length;
    if (draft.step === 'story')
      return say(turn, t('bot.report.fileAdded'), [[button(t, 'bot.button.continue', 'next')]]);
    return say(turn, t('bot.report.fileAdded'));
  }

  async function location(turn: Turn, latitude: number, longitude: number): Promise<void> {
    const draft = touch(turn);
    if (!draft) return draftLost(turn);
    if (
      !Number.isFinite(latitude) ||
      !Number.isFinite(longitude) ||
      Math.abs(latitude) > 90 ||
      Math.abs(longitude) > 180
    )
      return say(turn, turn.t('bot.unsupported'));
    draft.location = `${latitude.toFixed(6)},${longitude.toFixed(6)}`;
    if (draft.step === 'place') {
      await say(turn, turn.t('bot.report.locationAdded'));
      return advance(turn, draft);
    }
    return say(turn, turn.t('bot.report.locationAdded'));
  }

  async function answerDanger(turn: Turn, draft: Draft, answer: DangerAnswer): Promise<void> {
    draft.danger = answer;
    if (answer === 'yes') {
      const { t } = turn;
      const entry = draft.country ? deps.emergencyNumbers[draft.country] : undefined;
      const lines = [t('danger.heading')];
      if (entry && draft.country) {
        lines.push(t('danger.call', { country: countryName(turn.locale, draft.country) }));
        for (const n of entry.numbers) lines.push(`${t(`danger.kind.${n.kind}`)}: ${n.number}`);
      } else {
        lines.push(t('danger.callLocal'));
      }
      await say(turn, lines.join('\n'));
    }
    draft.step = 'summary';
    await ask(turn, draft);
  }

  async function submit(turn: Turn): Promise<void> {
    const draft = touch(turn);
    if (!draft) return draftLost(turn);
    const { t } = turn;
    if (draft.story.length === 0) return say(turn, t('bot.submit.empty'));
    if (!(await deps.submissions.take(turn.chatId))) return say(turn, t('error.rateLimited'));
    let codename: string;
    let checkBack: CheckBack;
    try {
      const receipt = await submitTip(core, {
        channel: 'telegram',
        language: turn.locale,
        fields: {
          message: draft.story.join(STORY_SEPARATOR),
          ...(draft.country ? { country: draft.country } : {}),
          ...(draft.place ? { place: draft.place } : {}),
          ...(draft.when ? { when: draft.when } : {}),
          ...(draft.location ? { location: draft.location } : {}),
          ...(draft.danger && draft.danger !== 'unknown' ? { danger: draft.danger === 'yes' } : {}),
        },
        attachments: draft.files,
        replyRoute: { kind: 'telegram', chatId: turn.chatId },
        ...(turn.session.deskName ? { deskName: turn.session.deskName } : {}),
      });
      codename = receipt.codename;
      checkBack = receipt.checkBack;
    } catch (error) {
      return say(turn, t(submitErrorMessage(error)));
    }
    wipeDraft(draft);
    turn.session.draft = undefined;
    await say(turn, `${t('bot.submitted', { codename })}\n\n${t(`receipt.next.${checkBack}`)}`);
    await say(turn, t('bot.wipe.offer'), [
      [button(t, 'bot.button.wipe', 'wipe'), button(t, 'bot.button.keep', 'keep')],
    ]);
  }

  async function cancel(turn: Turn): Promise<void> {
    const draft = turn.session.draft;
    if (!draft) return say(turn, turn.t('bot.cancel.none'));
    wipeDraft(draft);
    turn.session.draft = undefined;
    await say(turn, turn.t('bot.cancel.done'));
  }

  /** Deletes every message of the conversation Telegram still allows, then leaves one line. */
  async function wipe(turn: Turn): Promise<void> {
    const now = core.clock();
    const tracked = turn.session.messages.splice(0);
    const deletable = tracked.filter((m) => now - m.at < DELETABLE_MS).map((m) => m.id);
    let failed = tracked.length - deletable.length;
    for (let i = 0; i < deletable.length; i += DELETE_BATCH) {
      const batch = deletable.slice(i, i + DELETE_BATCH);
      try {
        await outbox.call(turn.chatId, 'deleteMessages', {
          chat_id: turn.chatId,
          message_ids: batch,
        });
      } catch (error) {
        failed += batch.length;
        core.logger.warn('bot.wipe_failed', { code: errorCodeOf(error) });
      }
    }
    const { t } = turn;
    await say(
      turn,
      failed > 0 ? `${t('bot.wipe.done')} ${t('bot.wipe.older')}` : t('bot.wipe.done'),
    );
  }

  async function status(turn: Turn, messageId: number, args: string): Promise<void> {
    const { t } = turn;
    if (args.trim() === '') return say(turn, t('bot.status.ask'));
    // the codename should not stay on the phone: remove the message that carried it
    try {
      await outbox.call(turn.chatId, 'deleteMessages', {
        chat_id: turn.chatId,
        message_ids: [messageId],
      });
    } catch (error) {
      core.logger.warn('bot.delete_failed', { code: errorCodeOf(error) });
    }
    let lines: string[];
    try {
      const view = await openInbox(core, args);
      lines =
        view.entries.length === 0
          ? [t('inbox.none')]
          : [
              t('bot.status.heading'),
              ...view.entries.map(
                (e) =>
                  `\n${e.from === 'staff' ? t('inbox.fromStaff') : t('inbox.fromYou')}:\n${e.text}`,
              ),
            ];
    } catch (error) {
      if (isDomainError(error, 'invalid_input')) return say(turn, t('bot.status.ask'));
      throw error;
    }
    await say(turn, `${lines.join('\n')}\n\n${t('bot.status.removed')}`);
  }

  async function callback(turn: Turn, data: string): Promise<void> {
    if (data === 'report') return report(turn);
    if (data === 'language') return chooseLanguage(turn);
    if (data.startsWith('lang:')) return setLanguage(turn, data.slice(5));
    if (data === 'wipe') return wipe(turn);
    if (data === 'keep') return say(turn, turn.t('bot.wipe.kept'));
    const draft = touch(turn);
    if (!draft) return draftLost(turn);
    if (data === 'send') return submit(turn);
    if (data === 'cancel') return cancel(turn);
    if (data === 'next') return draft.step === 'story' ? advance(turn, draft) : ask(turn, draft);
    if (data === 'skip') return advance(turn, draft);
    if (data.startsWith('country:') && draft.step === 'country') {
      const code = data.slice(8);
      if (code in deps.emergencyNumbers) draft.country = code;
      return advance(turn, draft);
    }
    if (data.startsWith('danger:') && draft.step === 'danger') {
      const answer = data.slice(7);
      if (answer === 'yes' || answer === 'no' || answer === 'unknown')
        return answerDanger(turn, draft, answer);
    }
    return ask(turn, draft);
  }

  /** A reviewer's reply: into the chat, in the language the tipster last used. */
  async function deliverReply(chatId: string, replyText: string, language: string): Promise<void> {
    const session = sessions.get(chatId);
    const locale = session.locale ?? matchLocale(language) ?? 'en';
    const t = createTranslator(deps.catalogs, locale);
    await say({ chatId }, t('bot.reply.incoming', { text: replyText }));
  }

  /** A desk alert into a reviewer's linked chat: the fixed text, nothing tracked for /wipe. */
  async function deliverAlert(chatId: string, text: string): Promise<void> {
    await outbox.call(chatId, 'sendMessage', {
      chat_id: chatId,
      text,
      link_preview_options: { is_disabled: true },
    });
  }

  return {
    turnFor,
    say,
    start,
    help: (turn: Turn) => say(turn, turn.t('bot.help')),
    chooseLanguage,
    report,
    text,
    file,
    location,
    submit,
    cancel,
    wipe,
    status,
    callback,
    unsupported: (turn: Turn) => say(turn, turn.t('bot.unsupported')),
    flood: (turn: Turn) => say(turn, turn.t('bot.flood')),
    failed: (turn: Turn) => say(turn, turn.t('bot.error')),
    deliverReply,
    deliverAlert,
    linkAlerts,
  };
}

export type Conversation = ReturnType<typeof createConversation>;

function submitErrorMessage(error: unknown): MessageKey {
  if (!(error instanceof DomainError)) throw error;
  switch (error.code) {
    case 'too_large':
      return 'error.tooLarge';
    case 'invalid_input':
      return error.field === 'attachments' ? 'bot.file.unreadable' : 'error.badInput';
    case 'not_initialised':
      return 'error.notReady';
    case 'rate_limited':
      return 'error.rateLimited';
    case 'unavailable':
      // the draft is not wiped: the same /submit can be sent again once storage is back
      return 'bot.unavailable';
    default:
      throw error;
  }
}
