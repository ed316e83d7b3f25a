import type { Sodium } from './sodium.js';

/** Thrown for any envelope, grant or wrapped key that fails to parse or authenticate. */
export class CryptoFormatError extends Error {
  override readonly name = 'CryptoFormatError';
}

/** Concatenates byte arrays into a fresh buffer. */
export function concatBytes(...parts: readonly Uint8Array[]): Uint8Array {
  const total = parts.reduce((sum, part) => sum + part.length, 0);
  const out = new Uint8Array(total);
  let offset = 0;
  for (const part of parts) {
    out.set(part, offset);
    offset += part.length;
  }
  return out;
}

/**
 * Constant-time equality for secrets (verifiers, tokens, MACs). Lengths are not secret here;
 * a length mismatch returns false without comparing.
 */
export function constantTimeEqual(sodium: Sodium, a: Uint8Array, b: Uint8Array): boolean {
  if (a.length !== b.length) return false;
  if (a.length === 0) return true;
  return sodium.memcmp(a, b);
}

/** Overwrites secret buffers with zeros. Safe to call with undefined entries. */
export function wipe(sodium: Sodium, ...buffers: readonly (Uint8Array | undefined)[]): void {
  for (const buffer of buffers) if (buffer && buffer.length > 0) sodium.memzero(buffer);
}

const encoder = new TextEncoder();
const decoder = new TextDecoder('utf-8', { fatal: true });

export function utf8(text: string): Uint8Array {
  return encoder.encode(text);
}

export function fromUtf8(bytes: Uint8Array): string {
  return decoder.decode(bytes);
}

export function readMagic(bytes: Uint8Array, magic: Uint8Array, what: string): void {
  if (bytes.length < magic.length) throw new CryptoFormatError(`${what}: too short`);
  for (let i = 0; i < magic.length; i++) {
    if (bytes[i] !== magic[i]) throw new CryptoFormatError(`${what}: unknown format`);
  }
}
