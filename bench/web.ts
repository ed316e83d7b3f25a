/*
 * Web intake throughput and latency, in-process through Hono's app.request, beside a bare
 * Hono endpoint measured in the same run so the ratio shows what tipline itself costs.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { Hono } from 'hono';
import { createDeps } from '../src/compose.js';
import { currentDeskKey, initialiseDesk, type CoreDeps } from '../src/core/index.js';
import { openPostgresStore } from '../src/store/index.js';
import { startTestPostgres } from '../test/postgres-server.js';
import { sealTipEnvelope } from '../src/crypto/index.js';
import { CATALOGS } from '../src/i18n/catalogs.js';
import { EMERGENCY_NUMBERS } from '../src/i18n/emergency-numbers.js';
import { createMemoryLogger } from '../src/logging/logger.js';
import { createApp } from '../src/server/app.js';
import { DEFAULT_PROOF_OF_WORK } from '../src/server/tipster/tipster-routes.js';

export interface Stats {
  n: number;
  mean: number;
  p50: number;
  p99: number;
  perSecond: number;
}

export function stats(samples: number[], wallMs: number): Stats {
  const sorted = [...samples].sort((a, b) => a - b);
  const at = (q: number) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? 0;
  return {
    n: samples.length,
    mean: samples.reduce((s, x) => s + x, 0) / samples.length,
    p50: at(0.5),
    p99: at(0.99),
    perSecond: (samples.length * 1000) / wallMs,
  };
}

/** Runs `n` requests, `concurrency` at a time, and times each. */
export async function load(
  n: number,
  concurrency: number,
  request: (i: number) => Promise<Response>,
): Promise<Stats> {
  const samples: number[] = [];
  let next = 0;
  const start = performance.now();
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (next < n) {
        const i = next++;
        const t0 = performance.now();
        const response = await request(i);
        await response.arrayBuffer();
        if (response.status !== 200) throw new Error(`status ${response.status}`);
        samples.push(performance.now() - t0);
      }
    }),
  );
  return stats(samples, performance.now() - start);
}

export const formatStats = (label: string, s: Stats) =>
  `${label.padEnd(40)} n=${String(s.n).padStart(5)}  p50 ${s.p50.toFixed(2).padStart(8)} ms  p99 ${s.p99.toFixed(2).padStart(8)} ms  ${s.perSecond.toFixed(1).padStart(8)}/s`;

export async function benchWeb(): Promise<void> {
  const bare = new Hono();
  bare.post('/echo', async (c) => {
    const message = (await c.req.parseBody()).message;
    return c.text(String(typeof message === 'string' ? message.length : 0));
  });

  const body = (i: number) =>
    new URLSearchParams({ message: `tip ${i} ${'z'.repeat(1500)}`, country: 'RS', danger: 'no' });
  const post = (target: Hono, path: string) => (i: number) =>
    Promise.resolve(
      target.request(path, {
        method: 'POST',
        body: body(i),
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
      }),
    );
  console.log(
    '\n# web intake (in-process, 4 concurrent, 2 KB form, production argon2id for the codename)',
  );
  const baseline = await load(2000, 4, post(bare, '/echo'));
  console.log(formatStats('baseline: bare Hono form endpoint', baseline));

  const dataDir = mkdtempSync(join(tmpdir(), 'tipline-bench-web-'));
  // PostgreSQL beside SQLite when the server binaries are here: a throwaway local server,
  // fsync on, so its commits are as durable as SQLite's synchronous=FULL
  let skipped = 'no server binaries in /usr/lib/postgresql';
  const postgres = await startTestPostgres({ durable: true }).catch((error: unknown) => {
    skipped = (error as Error).message.split('\n')[0] ?? 'the server did not start';
    return undefined;
  });
  try {
    await benchIntakeOn(
      'SQLite',
      await createDeps({ dataDir }, { logger: createMemoryLogger() }),
      post,
      baseline,
      true,
    );
    if (postgres) {
      const url = new URL(postgres.adminUrl);
      const store = await openPostgresStore(url.href);
      await benchIntakeOn(
        'PostgreSQL (local, loopback)',
        await createDeps({ dataDir }, { logger: createMemoryLogger(), store }),
        post,
        baseline,
        false,
      );
    } else {
      console.log(`(PostgreSQL intake not measured: ${skipped})`);
    }
  } finally {
    postgres?.stop();
    rmSync(dataDir, { recursive: true, force: true });
  }
}

async function benchIntakeOn(
  label: string,
  core: CoreDeps,
  post: (target: Hono, path: string) => (i: number) => Promise<Response>,
  baseline: Stats,
  renderPage: boolean,
): Promise<void> {
  try {
    await initialiseDesk(core, {
      reviewerName: 'bench',
      passphrase: new TextEncoder().encode('bench passphrase long enough'),
    });
    const app = createApp({
      core,
      web: {
        quickExitUrl: 'https://www.wikipedia.org',
        onionAddress: undefined,
        rateLimitPerHour: 0,
        // a load test: no proof of work (it would answer 429 after 30 sealed tips)
        proofOfWork: { ...DEFAULT_PROOF_OF_WORK, threshold: Number.MAX_SAFE_INTEGER },
      },
      catalogs: CATALOGS,
      emergencyNumbers: EMERGENCY_NUMBERS,
    });
    const form = await load(60, 4, post(app, '/tips'));
    console.log(
      formatStats(`${label}: POST /tips (validate, seal, store, receipt)`, form),
      `  p99 x${(form.p99 / baseline.p99).toFixed(0)} baseline`,
    );
    const { sodium } = core;
    const deskKey = await currentDeskKey(core);
    const sealedBody = (i: number) => {
      const body = new FormData();
      const content = {
        v: 1,
        channel: 'web',
        language: 'en',
        fields: { message: `tip ${i} ${'z'.repeat(1500)}` },
        attachments: [],
      };
      const envelope = sealTipEnvelope(
        sodium,
        { keyId: sodium.from_hex(deskKey.keyId), publicKey: deskKey.publicKey },
        new TextEncoder().encode(JSON.stringify(content)),
      );
      body.append('envelope', new Blob([envelope]), 'envelope');
      return body;
    };
    const sealed = await load(60, 4, (i) =>
      Promise.resolve(app.request('/api/tips', { method: 'POST', body: sealedBody(i) })),
    );
    console.log(
      formatStats(`${label}: POST /api/tips (browser-sealed)`, sealed),
      `  p99 x${(sealed.p99 / baseline.p99).toFixed(0)} baseline`,
    );
    if (renderPage) {
      const page = await load(500, 4, (i) =>
        Promise.resolve(app.request(`/?lang=${i % 2 ? 'en' : 'vi'}`)),
      );
      console.log(
        formatStats('GET / (render the form)', page),
        `  p99 x${(page.p99 / baseline.p99).toFixed(1)} baseline`,
      );
    }
  } finally {
    await core.store.close();
  }
}
