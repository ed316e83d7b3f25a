import {
  concatBytes,
  constantTimeEqual,
  leadingZeroBits,
  powHash,
  type Sodium,
} from '../crypto/index.js';
import { DomainError } from './errors.js';
import type { Clock, Random } from './ports.js';

/** A challenge the browser must solve before a sealed tip is accepted under load. */
export interface PowChallenge {
  readonly token: string;
  readonly difficulty: number;
}

export interface PowGate {
  /** A challenge when load is above the threshold, otherwise undefined (no work asked). */
  challengeIfLoaded(): PowChallenge | undefined;
  /** Throws DomainError('rate_limited') unless a fresh, unused, correct solution is given when one is required. */
  admit(token: string | undefined, nonce: string | undefined): Promise<void>;
}

export interface PowGateOptions {
  readonly sodium: Sodium;
  readonly clock: Clock;
  readonly random: Random;
  /** Sealed tips per window above which work is required. 0 = always. */
  readonly threshold: number;
  readonly windowMs: number;
  readonly difficulty: number;
  readonly ttlMs: number;
  /** The challenge MAC key: shared by the instances on one database, else random per process. */
  readonly macKey?: Uint8Array;
}

const ID_BYTES = 16;
const MAC_BYTES = 32;

/**
 * Stateless challenges (id | expiry | difficulty, MACed with a key held only in memory) and a
 * bounded set of spent ids, so each solution is accepted once and only before it expires.
 */
export function createPowGate(options: PowGateOptions): PowGate {
  const { sodium, clock } = options;
  const macKey = options.macKey ?? options.random.bytes(32);
  const spent = new Map<string, number>();
  const arrivals: number[] = [];

  const loaded = () => {
    const now = clock();
    while (arrivals.length > 0 && (arrivals[0] ?? 0) <= now - options.windowMs) arrivals.shift();
    return arrivals.length >= options.threshold;
  };
  const mac = (body: Uint8Array) => sodium.crypto_generichash(MAC_BYTES, body, macKey);
  const forget = (now: number) => {
    for (const [id, expires] of spent) if (expires <= now) spent.delete(id);
  };

  return {
    challengeIfLoaded: () => {
      if (!loaded()) return undefined;
      const body = new Uint8Array(ID_BYTES + 9);
      body.set(options.random.bytes(ID_BYTES), 0);
      new DataView(body.buffer).setFloat64(ID_BYTES, clock() + options.ttlMs);
      body[ID_BYTES + 8] = options.difficulty;
      return {
        token: sodium.to_base64(concatBytes(body, mac(body))),
        difficulty: options.difficulty,
      };
    },
    admit: async (token, nonce) => {
      const now = clock();
      if (token === undefined && nonce === undefined && !loaded()) {
        arrivals.push(now);
        return;
      }
      const refuse = () => new DomainError('rate_limited', 'proof of work missing or wrong');
      if (
        token === undefined ||
        nonce === undefined ||
        token.length > 200 ||
        !/^\d{1,20}$/.test(nonce)
      )
        throw refuse();
      let raw: Uint8Array;
      try {
        raw = sodium.from_base64(token);
      } catch {
        throw refuse();
      }
      if (raw.length !== ID_BYTES + 9 + MAC_BYTES) throw refuse();
      const body = raw.subarray(0, ID_BYTES + 9);
      if (!constantTimeEqual(sodium, mac(body), raw.subarray(ID_BYTES + 9))) throw refuse();
      const expires = new DataView(body.buffer, body.byteOffset).getFloat64(ID_BYTES);
      const difficulty = body[ID_BYTES + 8] ?? 255;
      const id = sodium.to_hex(body.subarray(0, ID_BYTES));
      forget(now);
      if (expires <= now || spent.has(id)) throw refuse();
      if (leadingZeroBits(await powHash(nonce, body.subarray(0, ID_BYTES))) < difficulty)
        throw refuse();
      spent.set(id, expires);
      arrivals.push(now);
    },
  };
}
