import { CryptoFormatError } from '../crypto/index.js';
import { openSealedText, sweepUrgentTips } from './alerts.js';
import { recordAudit } from './audit.js';
import { errorCodeOf } from './errors.js';
import type { CoreDeps } from './deps.js';
import type { AlertChannel, AlertDueRecord } from './ports.js';

/** The fixed alert text in one language, already padded to constant length. */
export interface AlertMessage {
  readonly subject: string;
  readonly body: string;
}

/**
 * One way to reach a reviewer (e-mail, Telegram), implemented by an adapter. `send` rejects
 * when delivery failed; the error's `code` is what gets logged and audited, never its message
 * (which may quote the address).
 */
export interface AlertSender {
  readonly channel: AlertChannel;
  send(address: string, message: AlertMessage): Promise<void>;
}

export interface AlertDeliveryOptions {
  readonly senders: readonly AlertSender[];
  /** The alert text for a reviewer's language (src/i18n/alert-text.ts). */
  readonly message: (language: string) => AlertMessage;
  /** Tries before a pending alert is given up (audited and logged). */
  readonly maxAttempts?: number;
  /** Wait before try n+1 after n failures. */
  readonly backoffMs?: (failures: number) => number;
}

export interface AlertDelivery {
  /** Sends every alert that is due now; concurrent calls share one run. */
  runDue(): Promise<void>;
  /** Escalation and tidying of pending danger tips (see sweepUrgentTips). */
  sweep(): Promise<void>;
  /**
   * Runs runDue every `pollMs`, sweep every `sweepMs`, and runDue at once when an urgent
   * alert is queued. Returns a stop function that waits for a run in progress.
   */
  start(timers: {
    readonly every: (ms: number, run: () => void) => () => void;
    readonly pollMs: number;
    readonly sweepMs: number;
  }): () => Promise<void>;
}

export const DEFAULT_MAX_ALERT_ATTEMPTS = 12;
const BACKOFF_STEPS_MS = [15_000, 30_000, 60_000, 120_000, 300_000, 600_000, 1_800_000];
/** 15 s, 30 s, 1, 2, 5, 10, 30 min, then hourly: an urgent retry stays inside a minute at first. */
export const defaultAlertBackoff = (failures: number): number =>
  BACKOFF_STEPS_MS[failures - 1] ?? 3_600_000;

const BATCH = 50;
const PARALLEL = 5;

/** Delivers the outbox: payload-free rows in, one fixed text out, every outcome audited. */
export function createAlertDelivery(deps: CoreDeps, options: AlertDeliveryOptions): AlertDelivery {
  const maxAttempts = options.maxAttempts ?? DEFAULT_MAX_ALERT_ATTEMPTS;
  const backoff = options.backoffMs ?? defaultAlertBackoff;
  const senders = new Map(options.senders.map((s) => [s.channel, s]));
  let running: Promise<void> | undefined;
  let again = false;

  const audit = (row: AlertDueRecord, action: 'alert.sent' | 'alert.failed', detail: string) =>
    recordAudit(deps, { actor: 'server', action, subject: row.reviewerId, detail });

  async function deliver(row: AlertDueRecord): Promise<void> {
    const { store } = deps;
    const reviewer = await store.getReviewer(row.reviewerId);
    const settings = await store.getAlertSettings(row.reviewerId);
    const sealed = row.channel === 'email' ? settings?.emailSealed : settings?.telegramSealed;
    if (!reviewer || reviewer.revokedAt !== null || !settings || !sealed) {
      await store.deleteScheduledAlert(row.reviewerId, row.channel);
      return;
    }
    const sender = senders.get(row.channel);
    if (!sender) {
      // the channel is not configured on this server (no SMTP, no bot): nothing can deliver it
      await store.transaction(async () => {
        await store.deleteScheduledAlert(row.reviewerId, row.channel);
        await audit(row, 'alert.failed', `${row.channel}:unavailable`);
      });
      deps.logger.warn('alert.channel_unavailable', { channel: row.channel });
      return;
    }
    let address: string;
    try {
      address = openSealedText(deps, sealed);
    } catch (error) {
      if (!(error instanceof CryptoFormatError)) throw error;
      await store.transaction(async () => {
        await store.deleteScheduledAlert(row.reviewerId, row.channel);
        await audit(row, 'alert.failed', `${row.channel}:unreadable`);
      });
      deps.logger.error('alert.address_unreadable', { channel: row.channel });
      return;
    }
    try {
      await sender.send(address, options.message(settings.language));
    } catch (error) {
      // never log: the address, the error message (SMTP replies quote the recipient)
      const code = errorCodeOf(error);
      const failures = row.attempts + 1;
      const giveUp = failures >= maxAttempts;
      await store.transaction(async () => {
        if (giveUp) await store.deleteScheduledAlert(row.reviewerId, row.channel);
        else
          await store.rescheduleAlert(
            row.reviewerId,
            row.channel,
            deps.clock() + backoff(failures),
            failures,
          );
        await audit(row, 'alert.failed', `${row.channel}:${code}${giveUp ? ':gave_up' : ''}`);
      });
      const fields = { channel: row.channel, code, count: failures };
      if (giveUp) deps.logger.error('alert.failed', fields);
      else deps.logger.warn('alert.failed', fields);
      return;
    }
    await store.transaction(async () => {
      await store.deleteScheduledAlert(row.reviewerId, row.channel);
      await store.setLastAlertAt(row.reviewerId, deps.clock());
      await audit(row, 'alert.sent', row.channel);
    });
    deps.logger.info('alert.sent', { channel: row.channel });
  }

  async function deliverSafely(row: AlertDueRecord): Promise<void> {
    try {
      await deliver(row);
    } catch (error) {
      deps.logger.error('alert.delivery_error', { channel: row.channel, code: errorCodeOf(error) });
    }
  }

  async function runOnce(): Promise<void> {
    // with two instances on one database, only the runner sends: never the same alert twice
    if (!(await deps.store.isRunner())) return;
    for (;;) {
      again = false;
      const due = await deps.store.listDueAlerts(deps.clock(), BATCH);
      for (let i = 0; i < due.length; i += PARALLEL)
        await Promise.all(due.slice(i, i + PARALLEL).map(deliverSafely));
      if (due.length < BATCH && !again) return;
    }
  }

  function runDue(): Promise<void> {
    if (running) {
      again = true;
      return running;
    }
    running = runOnce()
      .catch((error: unknown) => {
        deps.logger.error('alert.run_failed', { code: errorCodeOf(error) });
      })
      .finally(() => {
        running = undefined;
      });
    return running;
  }

  async function sweep(): Promise<void> {
    try {
      if (!(await deps.store.isRunner())) return;
      await sweepUrgentTips(deps);
    } catch (error) {
      deps.logger.error('alert.sweep_failed', { code: errorCodeOf(error) });
    }
  }

  return {
    runDue,
    sweep,
    start(timers) {
      const stopPoll = timers.every(timers.pollMs, () => void runDue());
      const stopSweep = timers.every(timers.sweepMs, () => void sweep());
      const unlisten = deps.alerts.signal.listen(() => void runDue());
      // whatever survived a restart and is due goes out now
      void sweep().then(() => runDue());
      return async () => {
        stopPoll();
        stopSweep();
        unlisten();
        await running;
      };
    },
  };
}
