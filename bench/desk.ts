/*
 * Reviewer desk latencies with 100,000 tips stored: the inbox page (50 rows, each decrypted on
 * demand) and a tip detail, through Hono's app.request with a logged-in session, beside a
 * static page (GET /healthz) measured in the same run as the baseline.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { createDeps } from '../src/compose.js';
import { createTotpSecret, enrolTotp, initialiseDesk, totpCodeAt } from '../src/core/index.js';
import { CATALOGS } from '../src/i18n/catalogs.js';
import { EMERGENCY_NUMBERS } from '../src/i18n/emergency-numbers.js';
import { createMemoryLogger } from '../src/logging/logger.js';
import { createApp } from '../src/server/app.js';
import { seedTips } from './seed.js';
import { formatStats, load } from './web.js';

const TIPS = 100_000;
const PASSPHRASE = 'bench passphrase long enough';

export async function benchDesk(): Promise<void> {
  const dataDir = mkdtempSync(join(tmpdir(), 'tipline-bench-desk-'));
  try {
    const core = await createDeps({ dataDir }, { logger: createMemoryLogger() });
    await initialiseDesk(core, {
      reviewerName: 'bench',
      passphrase: new TextEncoder().encode(PASSPHRASE),
    });
    // 100k sealed tips straight into the store (the intake path is benchmarked elsewhere)
    const fillStart = performance.now();
    const ids = await seedTips(core, TIPS, {
      content: (i) => ({
        v: 1,
        channel: i % 5 === 0 ? 'telegram' : 'web',
        language: i % 3 === 0 ? 'ru' : 'en',
        fields: {
          message: `bench tip ${i} ${'they keep our passports '.repeat(20)}`,
          danger: i % 7 === 0,
        },
        attachments: [],
      }),
    });
    console.log(
      `\n# reviewer desk with ${TIPS.toLocaleString('en')} tips (filled in ${((performance.now() - fillStart) / 1000).toFixed(1)} s)`,
    );

    const bench = (await core.store.getReviewerByName('bench'))!;
    const secret = createTotpSecret(core);
    await enrolTotp(core, bench, secret, totpCodeAt(secret, Date.now() - 30_000));
    const app = createApp({
      core,
      web: { quickExitUrl: 'https://example.org/', onionAddress: undefined, rateLimitPerHour: 0 },
      catalogs: CATALOGS,
      emergencyNumbers: EMERGENCY_NUMBERS,
    });
    const login = await app.request('http://localhost/admin/login', {
      method: 'POST',
      body: new URLSearchParams({
        name: 'bench',
        passphrase: PASSPHRASE,
        code: totpCodeAt(secret, Date.now()),
      }),
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
    });
    const cookie = /__Host-tipline-desk=[^;]+/.exec(login.headers.get('set-cookie') ?? '')?.[0];
    if (login.status !== 303 || !cookie) throw new Error(`bench login failed: ${login.status}`);
    const get = async (path: string) =>
      app.request(`http://localhost${path}`, { headers: { cookie } });

    const baseline = await load(2000, 1, () => get('/healthz'));
    console.log(formatStats('baseline: GET /healthz', baseline));
    // cold: every page is new to the session, so its 50 rows are decrypted in the request
    const cold = await load(200, 1, (i) => get(`/admin?page=${i + 1}`));
    console.log(
      formatStats('inbox page of 50, first view (decrypts 50)', cold),
      `  x${(cold.p50 / baseline.p50).toFixed(0)} baseline p50`,
    );
    const warm = await load(500, 1, () => get('/admin'));
    console.log(
      formatStats('inbox page of 50, seen before (cached)', warm),
      `  x${(warm.p50 / baseline.p50).toFixed(0)} baseline p50`,
    );
    const deep = await load(100, 1, (i) => get(`/admin?page=${1000 + i}`));
    console.log(formatStats('inbox page 1000+ (offset ~50,000)', deep));
    const filtered = await load(100, 1, (i) => get(`/admin?status=in_review&page=${i + 1}`));
    console.log(formatStats('inbox filtered by status (SQL index)', filtered));
    const detail = await load(500, 1, (i) => get(`/admin/tips/${ids[(i * 197) % TIPS]}`));
    console.log(
      formatStats('tip detail (open + audit entry)', detail),
      `  x${(detail.p50 / baseline.p50).toFixed(0)} baseline p50`,
    );
    console.log(
      `targets: inbox p50 < 30 ms (measured ${cold.p50.toFixed(1)} cold, ${warm.p50.toFixed(1)} warm); detail p50 < 10 ms (measured ${detail.p50.toFixed(1)})`,
    );
    await core.store.close();
  } finally {
    rmSync(dataDir, { recursive: true, force: true });
  }
}
