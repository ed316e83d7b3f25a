import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { onTestFinished } from 'vitest';
import { createDeps } from '../src/compose.js';
import { createMemoryLogger } from '../src/logging/logger.js';
import {
  createInProcessScanner,
  type CoreDeps,
  type Store,
  type TipSubmission,
} from '../src/core/index.js';
import { loadSodium, type KdfParams } from '../src/crypto/index.js';

/** Cheap argon2id for in-process tests; production parameters are pinned by the crypto vectors. */
export const TEST_KDF_PARAMS: KdfParams = {
  algorithm: 'argon2id',
  memoryKiB: 256,
  iterations: 1,
  parallelism: 1,
};

/** A fresh temp directory, removed when the calling test finishes. */
export function tempDir(prefix = 'tipline-test-'): string {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  onTestFinished(() => rmSync(dir, { recursive: true, force: true }));
  return dir;
}

export interface TestContext {
  readonly deps: CoreDeps;
  readonly dataDir: string;
  readonly logLines: string[];
  /** Moves the fake clock. */
  setNow(ms: number): void;
}

let testStore: (() => Promise<Store>) | undefined;

/**
 * Makes every createTestDeps in this test file use another store (test/core/on-pglite.test.ts
 * runs core suites on PostgreSQL this way). Call before the suites are collected.
 */
export function useTestStore(open: () => Promise<Store>): void {
  testStore = open;
}

/** False while useTestStore has swapped SQLite out: for tests that open the SQLite file itself. */
export function onSqliteFile(): boolean {
  return testStore === undefined;
}

/**
 * Core deps over a fresh migrated SQLite file (or useTestStore's), a fake clock, a memory
 * logger and the in-process scanner (the worker-thread one is tested on its own, test/scan).
 */
export async function createTestDeps(overrides: Partial<CoreDeps> = {}): Promise<TestContext> {
  const dataDir = tempDir();
  let now = Date.UTC(2026, 10, 22, 14, 37, 12);
  const logger = createMemoryLogger();
  const scanner = overrides.scanner ?? createInProcessScanner(await loadSodium());
  const store = overrides.store ?? (testStore ? await testStore() : undefined);
  const deps = await createDeps(
    { dataDir },
    {
      clock: () => now,
      logger,
      kdfParams: TEST_KDF_PARAMS,
      scanner,
      ...overrides,
      ...(store ? { store } : {}),
    },
  );
  onTestFinished(async () => {
    await deps.scanner.close();
    await deps.store.close();
  });
  return { deps, dataDir, logLines: logger.lines, setNow: (ms) => (now = ms) };
}

export const PASSPHRASE = new TextEncoder().encode('correct horse battery staple');

export function submission(message: string, extra: Partial<TipSubmission> = {}): TipSubmission {
  return { channel: 'web', language: 'en', fields: { message }, ...extra };
}

/** Every file below `dir`, for byte scans. */
export function filesBelow(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? filesBelow(path) : [path];
  });
}

/** Finds `needle` in any file below `dir`, as UTF-8 or UTF-16LE. Returns the files that hold it. */
export function scanForBytes(dir: string, needle: string): string[] {
  const forms = [Buffer.from(needle, 'utf8'), Buffer.from(needle, 'utf16le')];
  return filesBelow(dir).filter((file) => {
    const bytes = readFileSync(file);
    return forms.some((form) => bytes.includes(form));
  });
}

/** A TCP port on loopback that was free a moment ago, for child-process servers. */
export async function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const probe = createServer();
    probe.listen(0, '127.0.0.1', () => {
      const address = probe.address();
      probe.close(() => resolve(typeof address === 'object' && address ? address.port : 0));
    });
  });
}

/** Everything an async iterable yields, in order (Array.fromAsync needs Node 22). */
export async function collect<T>(items: AsyncIterable<T>): Promise<T[]> {
  const all: T[] = [];
  for await (const item of items) all.push(item);
  return all;
}
