/**
 * The closed set of failures core reports. Adapters map each code to an HTTP status, a bot
 * reply or a CLI exit code in one place; messages here are for logs and never hold user data.
 */
export type DomainErrorCode =
  | 'invalid_input'
  | 'too_large'
  | 'bad_envelope'
  | 'rate_limited'
  | 'not_found'
  | 'bad_credentials'
  | 'forbidden'
  | 'already_initialised'
  | 'not_initialised'
  | 'conflict'
  | 'damaged'
  /** Storage cannot take writes right now (disk full, read-only, I/O error, busy): retry later. */
  | 'unavailable';

export class DomainError extends Error {
  override readonly name = 'DomainError';
  constructor(
    readonly code: DomainErrorCode,
    message: string = code,
    /** Which input field was wrong, for re-rendering a form; never the value. */
    readonly field?: string,
  ) {
    super(message);
  }
}

export const isDomainError = (error: unknown, code?: DomainErrorCode): error is DomainError =>
  error instanceof DomainError && (code === undefined || error.code === code);

/**
 * The code of any failure (a Bot API error number, a Node error code), for logs: never the
 * message or description, which may quote user input.
 */
export function errorCodeOf(error: unknown): string {
  const code = (error as { code?: unknown } | null | undefined)?.code;
  return typeof code === 'number' || typeof code === 'string' ? String(code) : 'unknown';
}
