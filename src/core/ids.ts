import type { Random } from './ports.js';

const hex = (bytes: Uint8Array): string => Buffer.from(bytes).toString('hex');

/** A random, non-sequential id: 96 bits as hex, so ids reveal nothing about order or count. */
export function newRandomId<T extends string>(random: Random): T {
  return hex(random.bytes(12)) as T;
}

export const bytesToHex = hex;
export const hexToBytes = (text: string): Uint8Array => new Uint8Array(Buffer.from(text, 'hex'));
