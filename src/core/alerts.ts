import {
  CryptoFormatError,
  fromUtf8,
  openFromServer,
  sealToServer,
  utf8,
  wipe,
} from '../crypto/index.js';
import { recordAudit } from './audit.js';
import { parseEmailAddress } from './email-address.js';
import { DomainError, errorCodeOf } from './errors.js';
import { newRandomId } from './ids.js';
import type { CoreDeps } from './deps.js';
export { createAlertSignal, type AlertOptions, type AlertSignal } from './alert-options.js';
import type { UnlockedDesks } from './key-material.js';
import type { AlertChannel, DeskId, ReviewerId, ReviewerRecord, TipId } from './ports.js';

/*
 * Reviewer alerts, the part that decides and records: who is alerted, when, and through
 * which channel. Nothing here sends anything (see alert-delivery.ts) and nothing here says
 * what happened: the outbox holds who and when, never a tip, a desk or a count.
 *
 * Addresses and chat ids are sealed to the server alert key (deps.alerts.keys), whose secret
 * half is a file in the data directory and lives in the running server's memory.
 */

/** A linking code works for this long, once. */
export const ALERT_LINK_TTL_MS = 15 * 60_000;
const LINK_CODE_ALPHABET = '0123456789abcdefghjkmnpqrstvwxyz';
const LINK_CODE_CHARS = 10;
/** Telegram deep links carry `alert-<code>`; desk names may not start with it. */
export const ALERT_LINK_PREFIX = 'alert-';

export const DEFAULT_ALERT_INTERVAL_MS = 15 * 60_000;
export const DEFAULT_ESCALATE_MS = 30 * 60_000;

/** What the account page shows: which channels are on, the address only partly. */
export interface AlertSettingsView {
  readonly language: string;
  /** "a…@example.org": enough to recognise, not enough to read over a shoulder. */
  readonly emailHint: string | undefined;
  readonly telegram: boolean;
}

function sealText(deps: CoreDeps, text: string): Uint8Array {
  const bytes = utf8(text);
  try {
    return sealToServer(deps.sodium, deps.alerts.keys.publicKey, bytes);
  } finally {
    wipe(deps.sodium, bytes);
  }
}

/**
 * Opens a sealed address with the server alert key. JavaScript strings cannot be wiped; the
 * bytes are, and the string lives only as long as one send.
 */
export function openSealedText(deps: CoreDeps, sealed: Uint8Array): string {
  const bytes = openFromServer(deps.sodium, deps.alerts.keys, sealed);
  try {
    return fromUtf8(bytes);
  } finally {
    wipe(deps.sodium, bytes);
  }
}

function maskEmail(address: string): string {
  const at = address.lastIndexOf('@');
  return `${address.slice(0, 1)}…${address.slice(at)}`;
}

/** A reviewer's alert settings as the account page shows them. */
export async function alertSettingsOf(
  deps: CoreDeps,
  reviewerId: ReviewerId,
): Promise<AlertSettingsView> {
  const settings = await deps.store.getAlertSettings(reviewerId);
  let emailHint: string | undefined;
  if (settings?.emailSealed) {
    try {
      emailHint = maskEmail(openSealedText(deps, settings.emailSealed));
    } catch (error) {
      if (!(error instanceof CryptoFormatError)) throw error;
      emailHint = '…';
    }
  }
  return {
    language: settings?.language ?? 'en',
    emailHint,
    telegram: settings?.telegramSealed != null,
  };
}

async function activeReviewer(deps: CoreDeps, reviewerId: ReviewerId): Promise<ReviewerRecord> {
  const reviewer = await deps.store.getReviewer(reviewerId);
  if (!reviewer || reviewer.revokedAt !== null)
    throw new DomainError('not_found', 'no active reviewer', 'name');
  return reviewer;
}

/** The reviewer named, for the operator's CLI. */
export async function activeReviewerByName(deps: CoreDeps, name: string): Promise<ReviewerRecord> {
  const reviewer = name.length <= 64 ? await deps.store.getReviewerByName(name) : undefined;
  if (!reviewer || reviewer.revokedAt !== null)
    throw new DomainError('not_found', 'no active reviewer with that name', 'name');
  return reviewer;
}

/**
 * Turns on e-mail alerts to `address` (sealed before it is stored) in `language`. A value
 * that is not a plain e-mail address is invalid_input on field `email`; nothing changes.
 */
export async function setEmailAlerts(
  deps: CoreDeps,
  input: { reviewerId: ReviewerId; address: string; language: string; actor: string },
): Promise<void> {
  const address = parseEmailAddress(input.address);
  if (address === undefined)
    throw new DomainError('invalid_input', 'not an e-mail address', 'email');
  if (!/^[A-Za-z]{2,3}(-[A-Za-z0-9]{2,8}){0,2}$/.test(input.language))
    throw new DomainError('invalid_input', 'bad language', 'language');
  await activeReviewer(deps, input.reviewerId);
  const sealed = sealText(deps, address);
  await deps.store.transaction(async () => {
    const current = await deps.store.getAlertSettings(input.reviewerId);
    await deps.store.putAlertSettings({
      reviewerId: input.reviewerId,
      language: input.language,
      emailSealed: sealed,
      telegramSealed: current?.telegramSealed ?? null,
    });
    // never an address in the audit: which channel, that is all
    await recordAudit(deps, {
      actor: input.actor,
      action: 'alerts.set',
      subject: input.reviewerId,
      detail: 'email',
    });
  });
}

/** Changes only the language of a reviewer's alerts (channels stay as they are). */
export async function setAlertLanguage(
  deps: CoreDeps,
  reviewerId: ReviewerId,
  language: string,
): Promise<void> {
  if (!/^[A-Za-z]{2,3}(-[A-Za-z0-9]{2,8}){0,2}$/.test(language))
    throw new DomainError('invalid_input', 'bad language', 'language');
  await deps.store.transaction(async () => {
    const current = await deps.store.getAlertSettings(reviewerId);
    await deps.store.putAlertSettings({
      reviewerId,
      language,
      emailSealed: current?.emailSealed ?? null,
      telegramSealed: current?.telegramSealed ?? null,
    });
  });
}

/** Turns one channel off, or every channel (and forgets pending alerts and link codes). */
export async function turnAlertsOff(
  deps: CoreDeps,
  input: { reviewerId: ReviewerId; actor: string; channel?: AlertChannel },
): Promise<void> {
  await deps.store.transaction(async () => {
    const current = await deps.store.getAlertSettings(input.reviewerId);
    const emailSealed = input.channel === 'telegram' ? (current?.emailSealed ?? null) : null;
    const telegramSealed = input.channel === 'email' ? (current?.telegramSealed ?? null) : null;
    if (!emailSealed && !telegramSealed) {
      await deps.store.deleteAlertSettings(input.reviewerId);
    } else {
      await deps.store.putAlertSettings({
        reviewerId: input.reviewerId,
        language: current?.language ?? 'en',
        emailSealed,
        telegramSealed,
      });
      if (input.channel) await deps.store.deleteScheduledAlert(input.reviewerId, input.channel);
    }
    await recordAudit(deps, {
      actor: input.actor,
      action: 'alerts.set',
      subject: input.reviewerId,
      detail: input.channel ? `${input.channel}:off` : 'off',
    });
  });
}

function linkCodeHash(deps: CoreDeps, digits: string): Uint8Array {
  // keyed with a subkey of the server alert key: a stolen database cannot test codes offline
  const key = deps.sodium.crypto_generichash(
    32,
    utf8('tipline alert link code v1'),
    deps.alerts.keys.secretKey,
  );
  try {
    return deps.sodium.crypto_generichash(32, utf8(digits), key);
  } finally {
    wipe(deps.sodium, key);
  }
}

/** The canonical code from what a reviewer typed or a deep link carried; undefined if malformed. */
export function normalizeLinkCode(input: string): string | undefined {
  const text = input.trim().toLowerCase();
  const bare = (text.startsWith(ALERT_LINK_PREFIX) ? text.slice(ALERT_LINK_PREFIX.length) : text)
    .replace(/[\s-]/g, '')
    .slice(0, 64);
  if (bare.length !== LINK_CODE_CHARS) return undefined;
  for (const char of bare) if (!LINK_CODE_ALPHABET.includes(char)) return undefined;
  return bare;
}

/**
 * A fresh one-time code for linking a Telegram chat, valid ALERT_LINK_TTL_MS and replacing
 * any earlier one. Only its hash is stored. Show `display`; the deep link carries `code`.
 */
export async function createTelegramLinkCode(
  deps: CoreDeps,
  input: { reviewerId: ReviewerId; actor: string },
): Promise<{ code: string; display: string; expiresAt: number }> {
  await activeReviewer(deps, input.reviewerId);
  let code = '';
  for (let i = 0; i < LINK_CODE_CHARS; i++)
    code += LINK_CODE_ALPHABET[deps.random.uniform(LINK_CODE_ALPHABET.length)];
  const expiresAt = deps.clock() + ALERT_LINK_TTL_MS;
  await deps.store.putAlertLinkCode({
    codeHash: linkCodeHash(deps, code),
    reviewerId: input.reviewerId,
    expiresAt,
  });
  return { code, display: `${code.slice(0, 5)}-${code.slice(5)}`, expiresAt };
}

/**
 * The bot's side of linking: a code sent from a private chat links that chat (its id sealed)
 * to the code's reviewer. Any failure (malformed, unknown, used, expired, revoked) is the same
 * `false`, so the bot answers with one neutral line. The chat id is never logged.
 */
export async function linkTelegramAlerts(
  deps: CoreDeps,
  codeInput: string,
  chatId: string,
  language: string,
): Promise<boolean> {
  const code = normalizeLinkCode(codeInput);
  if (code === undefined || !/^-?\d{1,20}$/.test(chatId)) return false;
  const record = await deps.store.takeAlertLinkCode(linkCodeHash(deps, code));
  if (!record || record.expiresAt <= deps.clock()) return false;
  const reviewer = await deps.store.getReviewer(record.reviewerId);
  if (!reviewer || reviewer.revokedAt !== null) return false;
  const sealed = sealText(deps, chatId);
  await deps.store.transaction(async () => {
    const current = await deps.store.getAlertSettings(reviewer.id);
    await deps.store.putAlertSettings({
      reviewerId: reviewer.id,
      language: current?.language ?? language,
      emailSealed: current?.emailSealed ?? null,
      telegramSealed: sealed,
    });
    await recordAudit(deps, {
      actor: reviewer.id,
      action: 'alerts.set',
      subject: reviewer.id,
      detail: 'telegram',
    });
  });
  return true;
}

/** Active reviewers holding a grant for any key of `deskId`. */
async function deskMembers(deps: CoreDeps, deskId: DeskId): Promise<ReviewerRecord[]> {
  const deskKeys = new Set((await deps.store.listDeskKeys(deskId)).map((k) => k.id));
  const members: ReviewerRecord[] = [];
  for (const reviewer of await deps.store.listReviewers()) {
    if (reviewer.revokedAt !== null) continue;
    const grants = await deps.store.listGrantsForReviewer(reviewer.id);
    if (grants.some((g) => deskKeys.has(g.deskKeyId))) members.push(reviewer);
  }
  return members;
}

/**
 * Queues alerts for the alerting members of a desk: urgent ones due now, ordinary ones at
 * the end of each reviewer's interval (so a burst makes one alert per interval). Returns
 * whether anything is due now.
 */
async function scheduleForDesk(
  deps: CoreDeps,
  deskId: DeskId,
  options: { urgent: boolean; adminsOnly?: boolean },
): Promise<boolean> {
  const now = deps.clock();
  let dueNow = false;
  for (const reviewer of await deskMembers(deps, deskId)) {
    if (options.adminsOnly && reviewer.role !== 'admin') continue;
    const settings = await deps.store.getAlertSettings(reviewer.id);
    if (!settings) continue;
    const due = options.urgent
      ? now
      : Math.max(now, (settings.lastAlertAt ?? -Infinity) + deps.alerts.intervalMs);
    const channels: AlertChannel[] = [];
    if (settings.emailSealed) channels.push('email');
    if (settings.telegramSealed) channels.push('telegram');
    for (const channel of channels) await deps.store.scheduleAlert(reviewer.id, channel, due);
    if (channels.length > 0 && due <= now) dueNow = true;
  }
  return dueNow;
}

interface UrgentPlaintext {
  readonly t: string;
  readonly at: number;
}

/**
 * Something happened on a desk that its reviewers should look at: a tip (urgent when the
 * tipster said someone is in danger now) or a follow-up. Writes only outbox rows and, for an
 * urgent tip, one sealed pending row; sends nothing. Never throws: a tip already stored must
 * not be refused because an alert could not be queued (the failure is logged by code).
 */
export async function recordActivity(
  deps: CoreDeps,
  deskId: DeskId,
  urgentTip?: TipId,
): Promise<void> {
  try {
    const dueNow = await deps.store.transaction(async () => {
      if (urgentTip !== undefined) {
        const plaintext: UrgentPlaintext = { t: urgentTip, at: deps.clock() };
        await deps.store.insertUrgentTip({
          id: newRandomId(deps.random),
          sealed: sealText(deps, JSON.stringify(plaintext)),
          escalated: false,
        });
      }
      return scheduleForDesk(deps, deskId, { urgent: urgentTip !== undefined });
    });
    if (dueNow) deps.alerts.signal.notify();
  } catch (error) {
    // never log: which tip, which desk
    deps.logger.error('alert.enqueue_failed', { code: errorCodeOf(error) });
  }
}

/** A pending danger tip as the desk shows it. */
export interface WaitingDangerTip {
  readonly tipId: TipId;
  readonly deskId: DeskId;
  readonly waitingMs: number;
}

type OpenedUrgent = { id: string; tipId: TipId; at: number; escalated: boolean };

async function openUrgentRows(deps: CoreDeps): Promise<OpenedUrgent[]> {
  const opened: OpenedUrgent[] = [];
  for (const row of await deps.store.listUrgentTips()) {
    try {
      const parsed = JSON.parse(openSealedText(deps, row.sealed)) as UrgentPlaintext;
      if (typeof parsed.t !== 'string' || typeof parsed.at !== 'number') throw new SyntaxError();
      opened.push({
        id: row.id,
        tipId: parsed.t as TipId,
        at: parsed.at,
        escalated: row.escalated,
      });
    } catch (error) {
      if (!(error instanceof CryptoFormatError || error instanceof SyntaxError)) throw error;
      // sealed to another key (the key file was replaced) or damaged: nothing to act on
      await deps.store.deleteUrgentTip(row.id);
    }
  }
  return opened;
}

/**
 * Danger tips still `new` on the desks this session can open, longest waiting first: the
 * desk shows them above the inbox and counts them on every page.
 */
export async function waitingDangerTips(
  deps: CoreDeps,
  unlocked: UnlockedDesks,
): Promise<WaitingDangerTip[]> {
  const desks = new Set<DeskId>();
  for (const keyId of unlocked.deskKeys.keys()) {
    const record = await deps.store.getDeskKey(keyId);
    if (record) desks.add(record.deskId);
  }
  if (desks.size === 0) return [];
  const now = deps.clock();
  const waiting: WaitingDangerTip[] = [];
  for (const row of await openUrgentRows(deps)) {
    const tip = await deps.store.getTip(row.tipId);
    if (!tip || tip.status !== 'new' || !desks.has(tip.deskId)) continue;
    waiting.push({ tipId: tip.id, deskId: tip.deskId, waitingMs: Math.max(0, now - row.at) });
  }
  return waiting.sort((a, b) => b.waitingMs - a.waitingMs);
}

/**
 * Escalation and tidying, run every minute by the server: a danger tip that left `new` (or
 * was purged) loses its pending row; one still `new` after escalateMs alerts its desk's
 * admins again, once. Expired link codes are deleted.
 */
export async function sweepUrgentTips(deps: CoreDeps): Promise<void> {
  const now = deps.clock();
  let dueNow = false;
  for (const row of await openUrgentRows(deps)) {
    const tip = await deps.store.getTip(row.tipId);
    if (!tip || tip.status !== 'new') {
      await deps.store.deleteUrgentTip(row.id);
      continue;
    }
    if (row.escalated || now - row.at < deps.alerts.escalateMs) continue;
    await deps.store.transaction(async () => {
      await deps.store.markUrgentTipEscalated(row.id);
      if (await scheduleForDesk(deps, tip.deskId, { urgent: true, adminsOnly: true }))
        dueNow = true;
    });
    deps.logger.info('alert.escalated');
  }
  await deps.store.deleteExpiredAlertLinkCodes(now);
  if (dueNow) deps.alerts.signal.notify();
}
