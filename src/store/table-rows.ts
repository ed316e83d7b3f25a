import { getTableColumns, getTableName, type Column, type Table } from 'drizzle-orm';
import type { StoreRow } from '../core/ports.js';

/*
 * Whole-table rows for `tipline migrate-store`, shared by both dialects: rows are keyed by
 * column name (the same in schema.ts and pg-schema.ts), bytes are Uint8Array, integers are
 * numbers. Tables come in foreign-key order, so inserting them in turn never meets a missing
 * parent.
 */

export interface TableShape {
  readonly name: string;
  readonly table: Table;
  /** Primary-key columns, for a stable paging order. */
  readonly keys: readonly Column[];
  /** Names of the tables this one's foreign keys point to. */
  readonly parents: readonly string[];
}

/** Orders tables so that each comes after its parents (a depth-first topological sort). */
export function parentsFirst(shapes: readonly TableShape[]): TableShape[] {
  const byName = new Map(shapes.map((s) => [s.name, s]));
  const ordered: TableShape[] = [];
  const seen = new Set<string>();
  const visit = (shape: TableShape) => {
    if (seen.has(shape.name)) return;
    seen.add(shape.name);
    for (const parent of shape.parents) {
      const p = byName.get(parent);
      if (p && p !== shape) visit(p);
    }
    ordered.push(shape);
  };
  [...shapes].sort((a, b) => (a.name < b.name ? -1 : 1)).forEach(visit);
  return ordered;
}

export function tableShape(
  table: Table,
  keys: readonly Column[],
  parents: readonly Table[],
): TableShape {
  return { name: getTableName(table), table, keys, parents: parents.map(getTableName) };
}

const asBytes = (value: Uint8Array): Uint8Array =>
  new Uint8Array(value.buffer, value.byteOffset, value.byteLength);

/** A drizzle row (property names) as a StoreRow (column names). */
export function toStoreRow(table: Table, row: Record<string, unknown>): StoreRow {
  const out: Record<string, string | number | Uint8Array | null> = {};
  for (const [key, column] of Object.entries(getTableColumns(table))) {
    const value = row[key];
    // a flag (boolean mode in schema.ts) travels as 0/1, as SQLite keeps it
    out[column.name] =
      value instanceof Uint8Array
        ? asBytes(value)
        : typeof value === 'boolean'
          ? Number(value)
          : (value as string | number | null);
  }
  return out;
}

/** A StoreRow back to drizzle's property names; `bytes` adapts byte values to the driver. */
export function fromStoreRow(
  table: Table,
  row: StoreRow,
  bytes: (value: Uint8Array) => unknown = (value) => value,
): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [key, column] of Object.entries(getTableColumns(table))) {
    if (!(column.name in row))
      throw new Error(`row for ${getTableName(table)} lacks ${column.name}`);
    const value = row[column.name];
    out[key] = value instanceof Uint8Array ? bytes(value) : value;
  }
  return out;
}

export function findShape(shapes: readonly TableShape[], name: string): TableShape {
  const shape = shapes.find((s) => s.name === name);
  if (!shape) throw new Error(`no table ${name} in this store`);
  return shape;
}
