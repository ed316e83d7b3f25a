/*
 * The page-weight budget: what a tipster's phone downloads for the form, measured through the
 * app in-process with the Accept-Encoding Chromium sends (br, gzip), in every language.
 * Goals: under 200 KB with JavaScript (page, stylesheet, scripts and the sealing code it
 * fetches once she writes), under 30 KB without (page and stylesheet). Prints measured against
 * goal; it does not fail the run, a bench reports.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Hono } from 'hono';
import { createDeps } from '../src/compose.js';
import { initialiseDesk } from '../src/core/index.js';
import { CATALOGS } from '../src/i18n/catalogs.js';
import { EMERGENCY_NUMBERS } from '../src/i18n/emergency-numbers.js';
import { LOCALES } from '../src/i18n/locales.js';
import { createMemoryLogger } from '../src/logging/logger.js';
import { createApp } from '../src/server/app.js';

const KB = 1024;
export const BUDGET = { withJavaScript: 200 * KB, withoutJavaScript: 30 * KB };
const ACCEPT = { 'accept-encoding': 'gzip, deflate, br, zstd' };

async function wire(app: Hono, path: string): Promise<{ bytes: number; encoding: string }> {
  const response = await app.request(path, { headers: ACCEPT });
  if (response.status !== 200) throw new Error(`${path}: status ${response.status}`);
  return {
    bytes: (await response.arrayBuffer()).byteLength,
    encoding: response.headers.get('content-encoding') ?? 'identity',
  };
}

export interface PageWeight {
  readonly locale: string;
  readonly page: number;
  readonly css: number;
  readonly scripts: number;
  readonly sealing: number;
  readonly sealingUnderLoad: number;
  readonly withJavaScript: number;
  readonly withoutJavaScript: number;
}

/** The bytes on the wire for the form page in `locale` and everything it pulls in. */
export async function pageWeight(app: Hono, locale: string): Promise<PageWeight> {
  const response = await app.request(`/?lang=${locale}`, { headers: ACCEPT });
  const html = await response.text();
  const page = new TextEncoder().encode(html).length;
  const refs = [...html.matchAll(/(?:src|href)="(\/static\/[^"]+)"/g)].map((m) => m[1] ?? '');
  let css = 0;
  let scripts = 0;
  for (const ref of refs) {
    const { bytes } = await wire(app, ref);
    if (ref.endsWith('.css')) css += bytes;
    else scripts += bytes;
  }
  const sealing = (await wire(app, '/static/seal-core.js')).bytes;
  const sealingUnderLoad = (await wire(app, '/static/seal-core-pow.js')).bytes;
  return {
    locale,
    page,
    css,
    scripts,
    sealing,
    sealingUnderLoad,
    withJavaScript: page + css + scripts + sealing,
    withoutJavaScript: page + css,
  };
}

const kb = (bytes: number) => `${(bytes / KB).toFixed(1)} KB`;
const verdict = (measured: number, goal: number) =>
  `${kb(measured).padStart(9)} of ${kb(goal).padStart(8)}  ${measured < goal ? 'within' : 'OVER'}`;

export async function benchBudget(): Promise<void> {
  const dataDir = mkdtempSync(join(tmpdir(), 'tipline-bench-budget-'));
  try {
    const core = await createDeps({ dataDir }, { logger: createMemoryLogger() });
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
      },
      catalogs: CATALOGS,
      emergencyNumbers: EMERGENCY_NUMBERS,
    });
    const encodings = await Promise.all(
      ['/static/tipline.css', '/static/seal-tip.js', '/static/seal-core.js'].map(
        async (path) => `${path.slice(8)} ${(await wire(app, path)).encoding}`,
      ),
    );
    const weights = [];
    for (const locale of LOCALES) weights.push(await pageWeight(app, locale.tag));
    const heaviest = weights.reduce((a, b) => (b.withJavaScript > a.withJavaScript ? b : a));
    const english = weights.find((w) => w.locale === 'en') ?? heaviest;
    console.log(
      `\n# page weight on the wire (Accept-Encoding: br; ${encodings.join(', ')}; HTML uncompressed)`,
    );
    for (const w of [english, heaviest]) {
      console.log(
        `${`GET /?lang=${w.locale}`.padEnd(20)} page ${kb(w.page)}, css ${kb(w.css)}, scripts ${kb(w.scripts)}, sealing code ${kb(w.sealing)} (under load ${kb(w.sealingUnderLoad)})`,
      );
    }
    console.log(
      `${'with JavaScript'.padEnd(40)} ${verdict(heaviest.withJavaScript, BUDGET.withJavaScript)}  (heaviest language: ${heaviest.locale})`,
    );
    const underLoad = heaviest.page + heaviest.css + heaviest.scripts + heaviest.sealingUnderLoad;
    console.log(
      `${'with JavaScript, proof of work asked'.padEnd(40)} ${verdict(underLoad, BUDGET.withJavaScript)}`,
    );
    console.log(
      `${'without JavaScript'.padEnd(40)} ${verdict(Math.max(...weights.map((w) => w.withoutJavaScript)), BUDGET.withoutJavaScript)}`,
    );
    console.log(
      `${'first paint with JavaScript (no sealing)'.padEnd(40)} ${kb(Math.max(...weights.map((w) => w.page + w.css + w.scripts))).padStart(9)}`,
    );
    await core.store.close();
  } finally {
    rmSync(dataDir, { recursive: true, force: true });
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) await benchBudget();
