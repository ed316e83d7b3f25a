import { AsyncLocalStorage } from 'node:async_hooks';

/** The three statements a gate needs from a connection that runs one transaction at a time. */
export interface TransactionStatements {
  begin(): void;
  commit(): void;
  rollback(): void;
  savepoint(name: string): void;
  release(name: string): void;
  rollbackTo(name: string): void;
}

export interface TransactionGate {
  /** Runs a synchronous statement now, or after the open transaction if the caller is outside it. */
  run<T>(statement: () => T): Promise<T>;
  transaction<T>(work: () => Promise<T>): Promise<T>;
}

interface OpenTransaction {
  savepoints: number;
}

/**
 * One SQLite connection, an asynchronous port. A transaction's body awaits between its
 * statements, so without a gate another request's statement could run in the middle of it
 * on the same connection and become part of it. The gate tracks which async context owns the
 * open transaction (AsyncLocalStorage): calls from inside it run at once, everyone else waits
 * until it commits or rolls back. Outside a transaction a statement runs synchronously at the
 * call, so the order of calls is the order of statements, as it was with the synchronous port.
 */
export function createTransactionGate(statements: TransactionStatements): TransactionGate {
  const owner = new AsyncLocalStorage<OpenTransaction>();
  let open: Promise<void> | undefined;

  // The check and what follows it must run in one synchronous step: between a wake-up and a
  // later microtask another waiter could open a transaction.
  const afterOpenTransaction = async <T>(next: () => T): Promise<T> => {
    while (open) await open;
    return next();
  };

  return {
    run<T>(statement: () => T): Promise<T> {
      // the executor runs synchronously; a throw inside it becomes the rejection
      if (open === undefined || owner.getStore() !== undefined)
        return new Promise<T>((resolve) => resolve(statement()));
      return afterOpenTransaction(statement);
    },

    async transaction<T>(work: () => Promise<T>): Promise<T> {
      const outer = owner.getStore();
      if (outer) {
        const name = `tipline_sp${++outer.savepoints}`;
        statements.savepoint(name);
        try {
          const result = await work();
          statements.release(name);
          return result;
        } catch (error) {
          statements.rollbackTo(name);
          statements.release(name);
          throw error;
        }
      }
      while (open) await open;
      let close!: () => void;
      open = new Promise<void>((resolve) => (close = resolve));
      try {
        statements.begin();
        try {
          const result = await owner.run({ savepoints: 0 }, work);
          statements.commit();
          return result;
        } catch (error) {
          statements.rollback();
          throw error;
        }
      } finally {
        open = undefined;
        close();
      }
    },
  };
}
