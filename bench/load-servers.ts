/*
 * The two servers `npm run bench` loads over loopback with autocannon, each in its own process
 * (so each has its own RSS): `tipline` (the real app, as src/main.ts builds it, proof of work
 * off so the sealed path can be loaded) and `pipeline`, a minimal hand-written server doing the
 * same work: Hono, argon2id for the codename inbox (same parameters), seal to the desk key,
 * and an insert with synchronous=FULL, group-committed (all inserts of one event-loop turn in
 * one transaction). A third mode, `desk`, is the real app on a data directory bench/desk-scale.ts
 * seeded, with the compiled worker scanner (dist/) and the search routes of
 * bench/desk-scale-routes.ts. Usage: tsx bench/load-servers.ts tipline|pipeline|desk DATA_DIR PORT
 */
import { join } from 'node:path';
import { serve } from '@hono/node-server';
import { Hono } from 'hono';
import Database from 'better-sqlite3';
import { hashRaw } from '@node-rs/argon2';
import { createDeps } from '../src/compose.js';
import { currentDeskKey, initialiseDesk, type SealedScanner } from '../src/core/index.js';
import { DEFAULT_KDF_PARAMS, loadSodium, sealTipEnvelope } from '../src/crypto/index.js';
import { CATALOGS } from '../src/i18n/catalogs.js';
import { EMERGENCY_NUMBERS } from '../src/i18n/emergency-numbers.js';
import { createLogger } from '../src/logging/logger.js';
import { createApp } from '../src/server/app.js';
import { applyHttpLimits, HTTP_SERVER_OPTIONS } from '../src/server/http-limits.js';
import type { createPiscinaScanner } from '../src/scan/piscina-scanner.js';
import { addSearchRoutes, BENCH_PASSPHRASE } from './desk-scale-routes.js';

const [mode, dataDir, portText] = process.argv.slice(2);
const port = Number(portText);

/** The worker scanner as `npm start` runs it: compiled, from dist/ (`npm run build` first). */
async function compiledScanner(): Promise<SealedScanner> {
  const file = new URL('../dist/scan/piscina-scanner.js', import.meta.url).href;
  const compiled = (await import(file)) as { createPiscinaScanner: typeof createPiscinaScanner };
  return compiled.createPiscinaScanner();
}

async function tipline(): Promise<Hono> {
  // info lines (one per tip) would cost the run its stdout; warnings and errors still print
  const logger = createLogger((level, line) => {
    if (level !== 'info') process.stderr.write(`${line}\n`);
  });
  const seeded = mode === 'desk';
  const core = await createDeps(
    { dataDir: dataDir! },
    { logger, ...(seeded ? { scanner: await compiledScanner() } : {}) },
  );
  if (!seeded)
    await initialiseDesk(core, {
      reviewerName: 'bench',
      passphrase: new TextEncoder().encode(BENCH_PASSPHRASE),
    });
  const app = createApp({
    core,
    web: {
      quickExitUrl: 'https://www.wikipedia.org',
      onionAddress: undefined,
      rateLimitPerHour: 0,
      proofOfWork: {
        threshold: Number.MAX_SAFE_INTEGER,
        windowMs: 60_000,
        difficulty: 10,
        ttlMs: 60_000,
      },
    },
    catalogs: CATALOGS,
    emergencyNumbers: EMERGENCY_NUMBERS,
  });
  if (seeded) await addSearchRoutes(app, core, BENCH_PASSPHRASE);
  return app;
}

async function pipeline(): Promise<Hono> {
  const sodium = await loadSodium();
  const desk = { keyId: sodium.randombytes_buf(16), ...(() => { const k = sodium.crypto_box_keypair(); return { publicKey: k.publicKey, secretKey: k.privateKey }; })() };
  const db = new Database(join(dataDir!, 'pipeline.db'));
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = FULL');
  db.exec('CREATE TABLE IF NOT EXISTS tips (id BLOB PRIMARY KEY, received_at INTEGER, envelope BLOB); CREATE TABLE IF NOT EXISTS inboxes (lookup BLOB PRIMARY KEY, tip BLOB)');
  const insertTip = db.prepare('INSERT INTO tips VALUES (?, ?, ?)');
  const insertInbox = db.prepare('INSERT INTO inboxes VALUES (?, ?)');
  let batch: { row: [Buffer, number, Buffer]; lookup: Buffer; done: () => void }[] = [];
  const commit = db.transaction((rows: typeof batch) => {
    for (const r of rows) {
      insertTip.run(...r.row);
      insertInbox.run(r.lookup, r.row[0]);
    }
  });
  const store = (envelope: Uint8Array, lookup: Uint8Array) =>
    new Promise<void>((done) => {
      if (batch.length === 0)
        setImmediate(() => {
          const rows = batch;
          batch = [];
          commit(rows);
          for (const r of rows) r.done();
        });
      batch.push({ row: [Buffer.from(sodium.randombytes_buf(12)), Date.now(), Buffer.from(envelope)], lookup: Buffer.from(lookup), done });
    });
  const codename = async () => {
    const digits = Array.from({ length: 20 }, () => sodium.randombytes_uniform(10)).join('');
    const key = await hashRaw(digits, { salt: Buffer.alloc(16, 1), memoryCost: DEFAULT_KDF_PARAMS.memoryKiB, timeCost: DEFAULT_KDF_PARAMS.iterations, parallelism: DEFAULT_KDF_PARAMS.parallelism, outputLen: 64, algorithm: 2 });
    return { digits, lookup: sodium.crypto_generichash(32, key.subarray(0, 32), null) };
  };
  const app = new Hono();
  app.post('/tips', async (c) => {
    const message = (await c.req.parseBody()).message;
    if (typeof message !== 'string' || message === '') return c.text('message required', 400);
    const { digits, lookup } = await codename();
    const content = JSON.stringify({ v: 1, channel: 'web', language: 'en', fields: { message }, attachments: [] });
    await store(sealTipEnvelope(sodium, desk, new TextEncoder().encode(content)), lookup);
    return c.html(`<p id="receipt">${digits}</p>`);
  });
  app.post('/api/tips', async (c) => {
    const envelope = (await c.req.parseBody()).envelope;
    if (!(envelope instanceof File)) return c.json({ error: 'bad' }, 400);
    const { digits, lookup } = await codename();
    await store(new Uint8Array(await envelope.arrayBuffer()), lookup);
    return c.json({ codename: digits });
  });
  app.get('/api/desk-key', (c) => c.json({ keyId: sodium.to_hex(desk.keyId), publicKey: sodium.to_base64(desk.publicKey) }));
  return app;
} // prettier-ignore

const app = mode === 'pipeline' ? await pipeline() : await tipline();
if (mode === 'tipline') {
  const core = await createDeps({ dataDir: dataDir! }, { logger: createLogger(() => undefined) });
  const key = await currentDeskKey(core);
  await core.store.close();
  app.get('/bench/desk-key', (c) =>
    c.json({ keyId: key.keyId, publicKey: Buffer.from(key.publicKey).toString('base64') }),
  );
}
const server = serve({
  fetch: app.fetch,
  hostname: '127.0.0.1',
  port,
  serverOptions: HTTP_SERVER_OPTIONS,
});
if ('headersTimeout' in server) applyHttpLimits(server);
server.once('listening', () => process.stdout.write('listening\n'));
