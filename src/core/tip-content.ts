import { z } from 'zod';
import { CHANNELS, type Channel } from './ports.js';
import { DomainError } from './errors.js';
import type { IntakeLimits } from './intake-limits.js';

export { normalizeText } from './text.js';
import { normalizeText } from './text.js';

/** What a tipster tells us, the same on every channel. */
export interface TipFields {
  readonly message: string;
  readonly country?: string;
  readonly place?: string;
  readonly when?: string;
  readonly danger?: boolean;
  readonly contact?: string;
  /** A shared map point, "latitude,longitude" in decimal degrees (Telegram locations). */
  readonly location?: string;
}

export interface AttachmentInput {
  readonly name: string;
  readonly mediaType: string;
  readonly bytes: Uint8Array;
}

/** How a reviewer's reply reaches a tipster who came through Telegram. Sealed, never stored plain. */
export interface TelegramReplyRoute {
  readonly kind: 'telegram';
  readonly chatId: string;
}

/** Channel-neutral tip input, validated by submitTip. */
export interface TipSubmission {
  readonly channel: Channel;
  readonly language: string;
  readonly fields: TipFields;
  readonly attachments?: readonly AttachmentInput[];
  readonly replyRoute?: TelegramReplyRoute;
  readonly deskName?: string;
  /**
   * Answers to the desk's questionnaire as the channel received them (question id to values),
   * and the version the form showed; checked by submitTip, sealed with the rest. Absent: the
   * channel did not ask the questionnaire, and the tip records none.
   */
  readonly answers?: {
    readonly raw: Readonly<Record<string, readonly string[]>>;
    readonly questionnaireId?: string;
  };
}

export const TIP_CONTENT_VERSION = 1;

const attachmentRefSchema = z.object({
  id: z.string().max(64),
  key: z.string().max(64),
  name: z.string().max(255),
  type: z.string().max(127),
  size: z.number().int().nonnegative(),
});

/** The JSON sealed inside a tip envelope, v1. */
export const tipContentSchema = z.object({
  v: z.literal(TIP_CONTENT_VERSION),
  channel: z.enum(CHANNELS),
  language: z.string().max(35),
  fields: z.object({
    message: z.string(),
    country: z.string().optional(),
    place: z.string().optional(),
    when: z.string().optional(),
    danger: z.boolean().optional(),
    contact: z.string().optional(),
    location: z.string().max(40).optional(),
  }),
  attachments: z.array(attachmentRefSchema),
  replyRoute: z.object({ kind: z.literal('telegram'), chatId: z.string().max(32) }).optional(),
  /** The questionnaire version answered and the answers (core's questionnaire.ts). */
  answers: z
    .object({
      questionnaire: z.string().max(64),
      version: z.number().int().positive(),
      values: z.record(z.string().max(40), z.union([z.string(), z.array(z.string())])),
    })
    .optional(),
});

export type TipContent = z.infer<typeof tipContentSchema>;
export type AttachmentRef = z.infer<typeof attachmentRefSchema>;

const LANGUAGE_TAG = /^[A-Za-z]{2,3}(-[A-Za-z0-9]{2,8}){0,3}$/;
const COUNTRY_CODE = /^[A-Z]{2}$/;
const LOCATION = /^-?\d{1,2}(\.\d{1,6})?,-?\d{1,3}(\.\d{1,6})?$/;
const MEDIA_TYPE = /^[a-z]+\/[a-z0-9.+-]+$/;

function boundedText(value: string | undefined, max: number, field: string): string | undefined {
  if (value === undefined) return undefined;
  const text = normalizeText(value);
  if (text.length > max) throw new DomainError('too_large', `${field} is too long`, field);
  return text.length === 0 ? undefined : text;
}

/** Validates and normalizes a submission; throws DomainError naming the field at fault. */
export function validateSubmission(
  submission: TipSubmission,
  limits: IntakeLimits,
): {
  fields: TipFields;
  attachments: readonly AttachmentInput[];
} {
  if (!CHANNELS.includes(submission.channel))
    throw new DomainError('invalid_input', 'unknown channel', 'channel');
  if (!LANGUAGE_TAG.test(submission.language))
    throw new DomainError('invalid_input', 'bad language tag', 'language');
  const message = boundedText(submission.fields.message, limits.maxMessageChars, 'message');
  if (message === undefined)
    throw new DomainError('invalid_input', 'message is required', 'message');
  const country = boundedText(submission.fields.country, 2, 'country')?.toUpperCase();
  if (country !== undefined && !COUNTRY_CODE.test(country))
    throw new DomainError('invalid_input', 'bad country code', 'country');
  const location = submission.fields.location;
  if (location !== undefined && !LOCATION.test(location))
    throw new DomainError('invalid_input', 'bad location', 'location');
  const optional = {
    location,
    country,
    place: boundedText(submission.fields.place, limits.maxFieldChars, 'place'),
    when: boundedText(submission.fields.when, limits.maxFieldChars, 'when'),
    contact: boundedText(submission.fields.contact, limits.maxFieldChars, 'contact'),
    danger: submission.fields.danger,
  };
  const fields: TipFields = {
    message,
    ...Object.fromEntries(Object.entries(optional).filter(([, value]) => value !== undefined)),
  };

  const attachments = submission.attachments ?? [];
  if (attachments.length > limits.maxAttachments)
    throw new DomainError('too_large', 'too many attachments', 'attachments');
  let total = 0;
  for (const file of attachments) {
    total += file.bytes.length;
    if (!MEDIA_TYPE.test(file.mediaType))
      throw new DomainError('invalid_input', 'bad media type', 'attachments');
  }
  if (total > limits.maxAttachmentBytesTotal)
    throw new DomainError('too_large', 'attachments too large', 'attachments');
  if (submission.replyRoute && !/^-?\d{1,20}$/.test(submission.replyRoute.chatId)) {
    throw new DomainError('invalid_input', 'bad reply route', 'replyRoute');
  }
  return { fields, attachments };
}

/** A safe file name for the sealed record: no path, no control characters, bounded. */
export function sanitizeFileName(name: string): string {
  const base = normalizeText(name)
    .replace(/^.*[\\/]/, '')
    .replace(/[<>:"|?*]/g, '_');
  return base.slice(0, 120) || 'file';
}
