import type { ServerKeyPair } from '../crypto/server-seal.js';

/** Wakes the running delivery loop when an alert became due now (urgent). Memory only. */
export interface AlertSignal {
  notify(): void;
  listen(listener: () => void): () => void;
}

export function createAlertSignal(): AlertSignal {
  const listeners = new Set<() => void>();
  return {
    notify: () => {
      for (const listener of listeners) listener();
    },
    listen: (listener) => {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
}

/** What core needs to schedule and seal alerts; built once from config (src/compose.ts). */
export interface AlertOptions {
  readonly keys: ServerKeyPair;
  /** At most one ordinary alert per reviewer per this many ms. */
  readonly intervalMs: number;
  /** A danger tip still `new` after this long alerts its desk's admins again. */
  readonly escalateMs: number;
  readonly signal: AlertSignal;
}
