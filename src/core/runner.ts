import type { CoreDeps } from './deps.js';

/** Whether this instance runs the once-per-database work (see Store.isRunner). */
export function isBackgroundRunner(deps: Pick<CoreDeps, 'store'>): Promise<boolean> {
  return deps.store.isRunner();
}

/**
 * Runs `start` once, as soon as this instance is the runner: now, or at a later check when the
 * runner before it has gone (its lock passes when its database connection ends). Returns a
 * function that stops the checks; `onStandby` is told once when another instance runs.
 */
export function startWhenRunner(
  deps: Pick<CoreDeps, 'store'>,
  options: {
    readonly start: () => void;
    readonly onStandby: () => void;
    readonly every: (run: () => void) => () => void;
  },
): () => void {
  let started = false;
  let stopped = false;
  let toldStandby = false;
  let stopTimer: (() => void) | undefined;
  const attempt = async () => {
    if (started || stopped) return;
    if (await isBackgroundRunner(deps)) {
      if (started || stopped) return;
      started = true;
      stopTimer?.();
      options.start();
    } else if (!toldStandby) {
      toldStandby = true;
      options.onStandby();
    }
  };
  void attempt().then(() => {
    if (!started && !stopped) stopTimer = options.every(() => void attempt());
  });
  return () => {
    stopped = true;
    stopTimer?.();
  };
}
