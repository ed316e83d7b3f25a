import { availableParallelism } from 'node:os';
import { Piscina } from 'piscina';
import type {
  OpenedSegment,
  OpenedTip,
  ScanKey,
  ScanResult,
  ScanTask,
  SealedScanner,
} from '../core/index.js';

/*
 * The SealedScanner of production: a small piscina pool running src/scan/scan-worker. Keys
 * are moved to the worker with the task (transferred, so this thread's copy is gone) and wiped
 * there when the task ends; a cancelled scan submits no more tasks, and the ones in flight
 * finish and wipe (they are bounded: a few hundred tips or a few segments).
 */

export interface PiscinaScannerOptions {
  /** Worker threads (default: one less than the cores, at least 1, at most 4). */
  readonly threads?: number;
  /** Lower the scan threads' CPU priority (Linux `nice`), so intake keeps its share. */
  readonly niceIncrement?: number;
  /** Only for the test of the key-wiping hook: workers keep their key copies. */
  readonly testOnlyKeepKeys?: boolean;
}

const MAX_SLOTS = 64;

/**
 * Runs from dist (compiled .js) and from the TypeScript sources (vitest, `tsx`). From sources
 * the worker is loaded through a small .mjs that imports it with tsx's API: on Node 20,
 * `execArgv: ['--import', 'tsx']` on a worker did not get .ts files loaded (ERR_UNKNOWN_FILE_EXTENSION).
 */
function workerFile(): { filename: string } {
  const fromSources = import.meta.url.endsWith('.ts');
  const file = fromSources ? './scan-worker-from-sources.mjs' : './scan-worker.js';
  return { filename: new URL(file, import.meta.url).href };
}

export function createPiscinaScanner(options: PiscinaScannerOptions = {}): SealedScanner {
  const threads = options.threads ?? Math.max(1, Math.min(4, availableParallelism() - 1));
  const held = new Int32Array(new SharedArrayBuffer(4 * (MAX_SLOTS + 1)));
  let pool: Piscina | undefined;
  // created on first use: a CLI command that never scans starts no thread
  const thePool = () =>
    (pool ??= new Piscina({
      ...workerFile(),
      minThreads: 0,
      maxThreads: threads,
      idleTimeout: 60_000,
      niceIncrement: options.niceIncrement ?? (process.platform === 'linux' ? 10 : 0),
      workerData: { held, testOnlyKeepKeys: options.testOnlyKeepKeys === true },
    }));

  const run = async (task: ScanTask, signal?: AbortSignal): Promise<ScanResult> => {
    // a cancelled scan submits nothing more; a task in flight is not aborted (that would
    // terminate its thread before the wipe), it finishes in milliseconds and wipes its keys
    signal?.throwIfAborted();
    const moved = task.keys.map((k) => ({
      keyId: k.keyId,
      pair: {
        keyId: k.pair.keyId,
        publicKey: k.pair.publicKey,
        secretKey: new Uint8Array(k.pair.secretKey),
      },
    })) satisfies ScanKey[];
    const transferList = moved.map((k) => k.pair.secretKey.buffer);
    return (await thePool().run({ ...task, keys: moved }, { transferList })) as ScanResult;
  };

  return {
    async openTips(keys, tips, signal): Promise<OpenedTip[]> {
      const result = await run({ kind: 'tips', keys, tips }, signal);
      return result.kind === 'tips' ? result.tips : [];
    },
    async openSegments(keys, segments, signal): Promise<OpenedSegment[]> {
      const result = await run({ kind: 'segments', keys, segments }, signal);
      return result.kind === 'segments' ? result.segments : [];
    },
    heldKeyBytes() {
      let total = 0;
      for (let i = 1; i < held.length; i++) total += Atomics.load(held, i);
      return total;
    },
    async close() {
      const closing = pool;
      pool = undefined;
      await closing?.destroy();
    },
  };
}
