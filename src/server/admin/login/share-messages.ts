import { RecoverySharesRefused } from '../../../core/index.js';
import type { AdminTranslate } from '../desk-frame.js';

/** The desk's line for refused recovery shares (core's RecoverySharesRefused), or undefined. */
export function shareProblemText(error: unknown, t: AdminTranslate): string | undefined {
  if (!(error instanceof RecoverySharesRefused)) return;
  // the share's position in what was typed, never its content
  return t(`recover.share.${error.problem}`, { n: String(error.shareNumber ?? '') });
}
