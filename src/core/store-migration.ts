import { concatBytes } from '../crypto/index.js';
import { recordAudit } from './audit.js';
import type { CoreDeps } from './deps.js';
import { DomainError } from './errors.js';
import type { Store, StoreRow, StoreTables } from './ports.js';

/** One table after a copy: its rows on each side and whether every row arrived unchanged. */
export interface TableCopyResult {
  readonly table: string;
  readonly sourceRows: number;
  readonly targetRows: number;
  /** BLAKE2b over the sorted hashes of every row: equal on both sides when every row is. */
  readonly sourceDigest: string;
  readonly targetDigest: string;
  readonly ok: boolean;
}

const PAGE_ROWS = 100;
const encoder = new TextEncoder();

function tablesOf(store: Store, which: string): StoreTables {
  if (!store.tables)
    throw new DomainError('conflict', `the ${which} store cannot be copied row by row`);
  return store.tables;
}

/** A row's hash, from its columns in name order; bytes, numbers and text are told apart. */
function rowHash(deps: CoreDeps, row: StoreRow): Uint8Array {
  const fields = Object.keys(row)
    .sort()
    .map((name) => {
      const value = row[name];
      if (value instanceof Uint8Array) return [name, 'b', deps.sodium.to_hex(value)];
      if (value === null || value === undefined) return [name, 'n'];
      return [name, typeof value === 'number' ? 'i' : 's', String(value)];
    });
  return deps.sodium.crypto_generichash(32, encoder.encode(JSON.stringify(fields)), null);
}

/** Row count and order-independent digest of one table (row order may differ by collation). */
async function digestTable(
  deps: CoreDeps,
  tables: StoreTables,
  table: string,
): Promise<{ rows: number; digest: string }> {
  const hashes: string[] = [];
  for (let offset = 0; ; offset += PAGE_ROWS) {
    const page = await tables.readRows(table, offset, PAGE_ROWS);
    for (const row of page) hashes.push(deps.sodium.to_hex(rowHash(deps, row)));
    if (page.length < PAGE_ROWS) break;
  }
  hashes.sort();
  const all = concatBytes(...hashes.map((h) => deps.sodium.from_hex(h)));
  return {
    rows: hashes.length,
    digest: deps.sodium.to_hex(deps.sodium.crypto_generichash(32, all, null)),
  };
}

/**
 * Copies every row of every table of this instance's store into `target`, an empty store of
 * the same schema (PostgreSQL, for `tipline migrate-store`), in one target transaction, while
 * holding a transaction on the source so nothing changes under the copy. Then reads both sides
 * back and compares each table's row count and the hash of every row. Rows are copied as they
 * are: ciphertext stays ciphertext, nothing is decrypted. The target's audit log then records
 * the copy (after the check, so the check compares the copy itself).
 */
export async function copyStoreInto(deps: CoreDeps, target: Store): Promise<TableCopyResult[]> {
  const from = tablesOf(deps.store, 'source');
  const to = tablesOf(target, 'target');
  const names = from.names();
  const targetNames = new Set(to.names());
  const missing = names.filter((name) => !targetNames.has(name));
  if (missing.length > 0 || targetNames.size !== names.length) {
    throw new DomainError(
      'conflict',
      `the two stores do not have the same tables (${missing.join(', ') || 'extra tables in the target'}); run the same tipline version on both`,
    );
  }
  for (const name of names) {
    if ((await to.readRows(name, 0, 1)).length > 0)
      throw new DomainError(
        'conflict',
        `the target already holds data (table ${name}); migrate-store copies only into an empty database`,
      );
  }
  await deps.store.transaction(() =>
    target.transaction(async () => {
      for (const name of names) {
        for (let offset = 0; ; offset += PAGE_ROWS) {
          const page = await from.readRows(name, offset, PAGE_ROWS);
          await to.writeRows(name, page);
          if (page.length < PAGE_ROWS) break;
        }
      }
    }),
  );
  const results: TableCopyResult[] = [];
  for (const table of names) {
    const source = await digestTable(deps, from, table);
    const copy = await digestTable(deps, to, table);
    results.push({
      table,
      sourceRows: source.rows,
      targetRows: copy.rows,
      sourceDigest: source.digest,
      targetDigest: copy.digest,
      ok: source.rows === copy.rows && source.digest === copy.digest,
    });
  }
  const copied = results.reduce((n, r) => n + r.targetRows, 0);
  if (results.every((r) => r.ok)) {
    await recordAudit(
      { ...deps, store: target },
      {
        actor: 'cli',
        action: 'store.migrate',
        detail: `${copied} rows in ${results.length} tables copied and verified`,
      },
    );
  }
  return results;
}
