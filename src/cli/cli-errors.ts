import { DomainError, type DomainErrorCode } from '../core/index.js';
import { ConfigError } from '../config/config.js';
import { StoreOpenError } from '../compose.js';

/** Wrong arguments; exit code 2 with the usage hint. */
export class CliUsageError extends Error {
  override readonly name = 'CliUsageError';
}

const EXIT_CODES: Record<DomainErrorCode, number> = {
  invalid_input: 2,
  too_large: 2,
  bad_envelope: 1,
  rate_limited: 1,
  not_found: 2,
  bad_credentials: 2,
  forbidden: 2,
  already_initialised: 1,
  not_initialised: 1,
  conflict: 1,
  damaged: 1,
  unavailable: 1,
};

/** One line for the operator, and the exit code. Never a stack trace, never secret material. */
export function describeCliError(error: unknown): { line: string; exitCode: number } {
  if (error instanceof DomainError && error.code === 'unavailable')
    return {
      line: `the database cannot be written now (${error.message}): is the disk full or read-only, or another tipline holding it? the change was not made`,
      exitCode: EXIT_CODES.unavailable,
    };
  if (error instanceof DomainError)
    return { line: error.message, exitCode: EXIT_CODES[error.code] };
  if (error instanceof CliUsageError)
    return { line: `${error.message} (see tipline --help)`, exitCode: 2 };
  if (error instanceof ConfigError || error instanceof StoreOpenError)
    return { line: error.message, exitCode: 2 };
  return { line: 'unexpected error; nothing more is printed so no secret can leak', exitCode: 1 };
}
