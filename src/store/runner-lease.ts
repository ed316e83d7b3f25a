import pg from 'pg';

/*
 * One instance among several on the same PostgreSQL runs the work that must happen once: the
 * daily retention purge, alert delivery and urgent-tip escalation, and Telegram long polling
 * (Telegram answers a second getUpdates consumer with 409). The runner is whoever holds a
 * session advisory lock on a connection of its own, outside the pool: PostgreSQL releases it
 * when that connection ends, so a killed or partitioned runner hands over by itself.
 */

const LOCK_CLASS = 0x7469706c; // 'tipl', as postgres-store.ts
const RUNNER_LOCK = 3;

export interface RunnerLease {
  /** True while this instance holds the lock; tries to take it when it does not. Never throws. */
  held(): Promise<boolean>;
  close(): Promise<void>;
}

export function createRunnerLease(connectionString: string): RunnerLease {
  let client: pg.Client | undefined;
  let holding = false;
  let closed = false;
  let pending: Promise<boolean> | undefined;

  const drop = () => {
    const gone = client;
    client = undefined;
    holding = false;
    // errors after a drop (the server ended the connection) are expected: never crash on them
    void gone?.end().catch(() => undefined);
  };

  async function check(): Promise<boolean> {
    if (closed) return false;
    try {
      if (client && holding) {
        // a cheap proof the connection, and with it the lock, is still alive
        await client.query('SELECT 1');
        return true;
      }
      if (!client) {
        const fresh = new pg.Client({
          connectionString,
          connectionTimeoutMillis: 10_000,
          application_name: 'tipline-runner',
        });
        fresh.on('error', () => {
          if (client === fresh) drop();
        });
        client = fresh;
        await fresh.connect();
      }
      const result = await client.query<{ locked: boolean }>(
        'SELECT pg_try_advisory_lock($1, $2) AS locked',
        [LOCK_CLASS, RUNNER_LOCK],
      );
      holding = result.rows[0]?.locked === true;
      return holding;
    } catch {
      drop();
      return false;
    }
  }

  return {
    held: () => (pending ??= check().finally(() => (pending = undefined))),
    close: async () => {
      closed = true;
      await pending?.catch(() => undefined);
      const last = client;
      client = undefined;
      holding = false;
      await last?.end().catch(() => undefined);
    },
  };
}
