/**
 * Makes untrusted text safe to keep and show: well-formed UTF-16 (lone surrogates replaced),
 * NFC, CRLF folded to LF, and control characters other than tab and newline removed.
 * Dependency-free so the browser bundle can use the same rule.
 */
export function normalizeText(input: string): string {
  return (
    input
      .toWellFormed()
      .normalize('NFC')
      .replace(/\r\n?/g, '\n')
      // eslint-disable-next-line no-control-regex -- removing control characters is the point
      .replace(/[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u200b\u2028\u2029\ufeff]/g, '')
      .trim()
  );
}
