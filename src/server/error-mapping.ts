import { isDomainError } from '../core/index.js';
import type { MessageKey } from '../i18n/messages.js';

export type TipsterErrorStatus = 400 | 409 | 413 | 429 | 503;

/**
 * The one place a domain error becomes an HTTP status and a message a tipster can read.
 * Anything not listed is a bug and goes to the generic 500 handler.
 */
export function tipsterError(
  error: unknown,
): { status: TipsterErrorStatus; key: MessageKey } | undefined {
  if (!isDomainError(error)) return undefined;
  switch (error.code) {
    case 'invalid_input':
      if (error.field === 'message') return { status: 400, key: 'error.messageRequired' };
      if (error.field === 'attachments') return { status: 400, key: 'error.badFile' };
      return { status: 400, key: 'error.badInput' };
    case 'too_large':
      if (error.field === 'attachments') return { status: 413, key: 'error.tooLarge' };
      if (
        error.field === 'message' ||
        error.field === 'place' ||
        error.field === 'when' ||
        error.field === 'contact'
      ) {
        return { status: 400, key: 'error.tooLong' };
      }
      return { status: 413, key: 'error.tooLarge' };
    case 'bad_envelope':
    case 'not_found':
      return { status: 400, key: 'error.badInput' };
    case 'conflict':
      // only a replayed sealed envelope: the browser seals every attempt afresh
      return { status: 409, key: 'error.badInput' };
    case 'rate_limited':
      return { status: 429, key: 'error.rateLimited' };
    case 'not_initialised':
      return { status: 503, key: 'error.notReady' };
    case 'unavailable':
      return { status: 503, key: 'error.unavailable' };
    default:
      return undefined;
  }
}

/** Seconds a client is asked to wait (Retry-After) when storage is unavailable. */
export const UNAVAILABLE_RETRY_AFTER_SECONDS = 60;

/**
 * For the default error handler: storage that cannot take writes is a 503 on every route,
 * desk included, never a 500 with an incident number.
 */
export function isUnavailable(error: unknown): boolean {
  return isDomainError(error, 'unavailable');
}
