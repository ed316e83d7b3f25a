/**
 * A plain e-mail address: local part of common characters, a dotted domain, at most 254
 * characters, no spaces, quotes, comments, display names or line breaks (nothing that could
 * smuggle a header). Deliberately narrower than RFC 5322.
 */
const EMAIL =
  /^[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+(?:\.[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+)*@(?:[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?\.)+[A-Za-z]{2,63}$/;

/** The address trimmed, with its domain lowercased; undefined if it is not a plain address. */
export function parseEmailAddress(input: string): string | undefined {
  const text = input.trim();
  if (text.length > 254 || !EMAIL.test(text)) return undefined;
  const at = text.lastIndexOf('@');
  if (at > 64) return undefined;
  return `${text.slice(0, at)}@${text.slice(at + 1).toLowerCase()}`;
}
