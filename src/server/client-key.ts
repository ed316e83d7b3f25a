import type { Context } from 'hono';
import { getConnInfo } from '@hono/node-server/conninfo';
import type { Sodium } from '../crypto/index.js';

/**
 * Rate limiting without storing addresses: the address is hashed with a key made at start-up
 * and held only in memory, and only the hash is used as a bucket key. Restarting forgets all.
 * never log: the address, or this key
 */
export function createClientKeyer(sodium: Sodium, key: Uint8Array): (c: Context) => string {
  return (c) => {
    let address = 'unknown';
    try {
      address = getConnInfo(c).remote.address ?? 'unknown';
    } catch {
      // in-process requests (tests) have no socket
    }
    return sodium.crypto_generichash(16, address, key, 'hex');
  };
}
