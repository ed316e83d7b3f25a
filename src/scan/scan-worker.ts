import { workerData } from 'node:worker_threads';
import { loadSodium } from '../crypto/index.js';
import {
  createKeyLedger,
  runScanTask,
  type ScanResult,
  type ScanTask,
} from '../core/sealed-scan.js';

/*
 * One scan thread (piscina). Each task brings copies of the desk keys it needs; they are
 * wiped when the task ends, whatever happens. The thread writes how many non-zero key bytes
 * it still holds into its slot of a shared counter array, so the pool (and a test) can see
 * that no thread keeps a key after its task.
 */

interface ScanWorkerData {
  /** Int32Array over a SharedArrayBuffer: [next free slot, slot 1, slot 2, …]. */
  readonly held: Int32Array;
  /** Tests of the hook itself: skip the wipe, so the hook must report the key bytes. */
  readonly testOnlyKeepKeys?: boolean;
}

const data = workerData as ScanWorkerData;
const sodium = await loadSodium();
const ledger = createKeyLedger(sodium);
const slot = 1 + Atomics.add(data.held, 0, 1);
const report = () => {
  if (slot < data.held.length) Atomics.store(data.held, slot, ledger.nonZero());
};

export default function scan(task: ScanTask): ScanResult {
  ledger.take(task.keys);
  report();
  try {
    return runScanTask(sodium, task);
  } finally {
    // never keep a desk key beyond its task
    if (!data.testOnlyKeepKeys) ledger.wipe(task.keys);
    report();
  }
}
