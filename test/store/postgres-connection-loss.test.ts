import { describe, expect, it, onTestFinished } from 'vitest';
import { isDomainError, type DeskId } from '../../src/core/index.js';
import { openPostgresStore } from '../../src/store/index.js';
import { asPostgresFailure, postgresFailureCode } from '../../src/store/storage-failure.js';
import { adminQuery, freshPostgresUrl, postgresAdminUrl } from '../pg-stores.js';

const withCode = (code: string) =>
  Object.assign(new Error('server text quoting a value'), { code });
/** drizzle's wrapper, which quotes the statement and its parameters. */
const drizzleWrapped = (cause: unknown) =>
  Object.assign(new Error('Failed query: insert into "tips" … params: secret'), { cause });

describe('PostgreSQL connection failures', () => {
  it('are reported as the unavailable error with a code only, through drizzle’s wrapper', () => {
    for (const [error, code] of [
      [withCode('57P01'), 'PG_57P01'],
      [withCode('57P02'), 'PG_57P02'],
      [withCode('57P03'), 'PG_57P03'],
      [withCode('08006'), 'PG_08006'],
      [withCode('08003'), 'PG_08003'],
      [withCode('08000'), 'PG_08000'],
      [withCode('53300'), 'PG_53300'],
      [withCode('25006'), 'PG_25006'],
      [withCode('ECONNRESET'), 'ECONNRESET'],
      [withCode('ECONNREFUSED'), 'ECONNREFUSED'],
      [new Error('Connection terminated unexpectedly'), 'connection_lost'],
      [
        new Error('Client has encountered a connection error and is not queryable'),
        'connection_lost',
      ],
      [new Error('timeout exceeded when trying to connect'), 'connection_lost'],
    ] as const) {
      const mapped = asPostgresFailure(drizzleWrapped(error));
      expect(isDomainError(mapped, 'unavailable'), code).toBe(true);
      expect((mapped as Error).message).toBe(code);
    }
  });

  it('leave constraint, syntax and other errors as they are', () => {
    for (const code of ['23505', '23503', '42601', '40001', '22001', 'XX000']) {
      const error = drizzleWrapped(withCode(code));
      expect(postgresFailureCode(error), code).toBeUndefined();
      expect(asPostgresFailure(error)).toBe(error);
    }
    expect(asPostgresFailure(new Error('unrelated'))).toBeInstanceOf(Error);
  });
});

describe.skipIf(!postgresAdminUrl)('a store whose connections are killed', () => {
  it('rolls back a transaction killed between statements, keeps the process up, logs a code, and works again', async () => {
    const url = await freshPostgresUrl();
    const lost: string[] = [];
    const store = await openPostgresStore(url, { onConnectionLost: (code) => lost.push(code) });
    onTestFinished(() => store.close());
    const database = new URL(url).pathname.slice(1);
    const desk = {
      id: 'desk-1' as DeskId,
      name: 'Bor',
      recoveryPublicKey: new Uint8Array(32),
      createdAt: 1,
    };

    const failed = await store
      .transaction(async () => {
        await store.insertDesk(desk);
        // the connection is checked out and idle in the transaction when the server drops it:
        // node-postgres emits 'error' on the client, which must not end the process
        await adminQuery(
          `SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = '${database}'`,
        );
        await new Promise((resolve) => setTimeout(resolve, 200));
        await store.getDesk(desk.id);
      })
      .then(
        () => undefined,
        (error: unknown) => error,
      );
    expect(isDomainError(failed, 'unavailable')).toBe(true);
    expect(lost).toContain('PG_57P01');
    expect(lost.join(' ')).not.toContain(new URL(url).password || 'no password');
    // nothing half-written, and the pool connects afresh
    expect(await store.getDesk(desk.id)).toBeUndefined();
    await store.insertDesk(desk);
    expect((await store.getDesk(desk.id))?.name).toBe('Bor');
  });
});
