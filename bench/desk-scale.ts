/*
 * The desk at scale (issue #13): with 100,000 tips stored, a reviewer's cold text search and
 * cold label filter (time to the first page, time to the end), and the tipster's `GET /` and
 * `POST /tips` p99 at 20 connections (autocannon) while that reviewer searches, against the
 * same p99 with no search running, measured in the same run. Twice: with the index as intake
 * writes it (one segment per tip), and after the login warm-up has compacted it.
 *
 * The server is the real app in its own process (bench/load-servers.ts `desk`), with the
 * compiled worker scanner; searches run in that process through bench/desk-scale-routes.ts.
 * TIPLINE_BENCH_SCALE_TIPS sets the number of tips (default 100,000), and
 * TIPLINE_BENCH_SCALE_LOAD scales the requests of each autocannon run (default 1). A run is a
 * number of requests, not a duration, so every request is counted: `POST /tips` is
 * argon2id-bound (a few per second, seconds each at 20 connections), and a timed run would drop
 * the slow requests still in flight at its end.
 * Standalone: `npx tsx bench/desk-scale.ts`.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { createDeps } from '../src/compose.js';
import {
  applyTriage,
  initialiseDesk,
  unlockReviewer,
  type InboxFilter,
  type TipContent,
  type TipId,
} from '../src/core/index.js';
import { createMemoryLogger } from '../src/logging/logger.js';
import { BENCH_PASSPHRASE, type SearchTiming, type WarmTiming } from './desk-scale-routes.js';
import { autocannonLoad, mibOf, start, TIP_FORM } from './load.js';
import { seedTips } from './seed.js';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const TIPS = Number(process.env.TIPLINE_BENCH_SCALE_TIPS ?? 100_000);
/** Scales the requests of each autocannon run (default 1: 5,000 `GET /`, 100 `POST /tips`). */
const LOAD = Number(process.env.TIPLINE_BENCH_SCALE_LOAD ?? 1);
const CONNECTIONS = 20;
const TARGET = { firstPageMs: 1_000, endMs: 3_000, p99Ratio: 1.5 };

const LABEL = 'forced labour';
/** Every LABEL_EVERY-th tip carries LABEL, given by bulk triage 500 tips at a time (the desk's bound). */
const LABEL_EVERY = 50;
const TEXT_FILTER: InboxFilter = { search: 'warehouse' };
const LABEL_FILTER: InboxFilter = { label: LABEL };

const PHRASES = [
  'they keep our passports',
  'we work nights at the farm and never see the money',
  'the boss takes our wages for rent',
  'a van comes for the girls after midnight',
  'children sell flowers at the station until morning',
  'my cousin was promised a job in a hotel abroad',
  'they lock the door of the warehouse when we sleep',
  'the agency says we owe them for the journey',
  'twelve of us sleep in one room above the shop',
  'a man watches us and takes our phones',
];
const VARIANTS = 20;

/** Tip variant `v`: two phrases (so words mix), a language, sometimes danger. */
function variant(v: number): TipContent {
  const message = `${PHRASES[v % PHRASES.length]}. ${PHRASES[(v * 7 + 3) % PHRASES.length]}. Report ${v}.`;
  return {
    v: 1,
    channel: v % 5 === 0 ? 'telegram' : 'web',
    language: v % 3 === 0 ? 'ru' : 'en',
    fields: { message: `${message} ${'Please help. '.repeat(20)}`, danger: v % 7 === 0 },
    attachments: [],
  };
}

/** A data directory with TIPS tips as intake leaves them (one index segment each), some labelled. */
async function seedDataDir(dataDir: string) {
  const core = await createDeps({ dataDir }, { logger: createMemoryLogger() });
  try {
    const passphrase = new TextEncoder().encode(BENCH_PASSPHRASE);
    await initialiseDesk(core, { reviewerName: 'bench', passphrase });
    const ids = await seedTips(core, TIPS, {
      content: variant,
      variants: VARIANTS,
      searchSegments: true,
    });
    const labelled = ids.filter((_, i) => i % LABEL_EVERY === 0);
    const unlocked = await unlockReviewer(core, 'bench', passphrase);
    for (let i = 0; i < labelled.length; i += 500) {
      const batch: TipId[] = labelled.slice(i, i + 500);
      await applyTriage(core, unlocked, batch, { kind: 'addLabel', label: LABEL });
    }
    unlocked.wipe();
    return { labelled: labelled.length, labelSegments: Math.ceil(labelled.length / 500) };
  } finally {
    await core.store.close();
  }
}

const ROUTES = [
  {
    name: 'GET /',
    method: 'GET',
    path: '/',
    requests: Math.max(CONNECTIONS, Math.ceil(5_000 * LOAD)),
  },
  {
    name: 'POST /tips',
    method: 'POST',
    path: '/tips',
    requests: Math.max(CONNECTIONS, Math.ceil(100 * LOAD)),
    body: TIP_FORM,
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
  },
] as const;

const verdict = (met: boolean) => (met ? 'met' : 'MISSED');
const ms = (n: number) => `${n.toFixed(0)} ms`;

function searchLine(name: string, t: SearchTiming): string {
  return [
    `${name.padEnd(30)} first page ${ms(t.firstPageMs).padStart(9)}`,
    `(target < ${ms(TARGET.firstPageMs)}: x${(t.firstPageMs / TARGET.firstPageMs).toFixed(2)}, ${verdict(t.firstPageMs < TARGET.firstPageMs)})`,
    `end ${ms(t.endMs).padStart(9)} (target < ${ms(TARGET.endMs)}: x${(t.endMs / TARGET.endMs).toFixed(2)}, ${verdict(t.endMs < TARGET.endMs)})`,
    `${t.matches} matches of ${t.scanned} scanned, ${t.segments} segments read, ${t.state}${t.damaged ? `, ${t.damaged} damaged` : ''}`,
  ].join('  ');
}

const loadLine = (r: Awaited<ReturnType<typeof autocannonLoad>>) =>
  `p99 ${String(r.p99).padStart(5)} ms  p50 ${String(r.p50).padStart(5)} ms  ${r.rps.toFixed(1).padStart(6)} req/s  2xx ${r.ok}  other ${r.other}  ${r.seconds.toFixed(0)} s`;

type Route = (typeof ROUTES)[number];

/** The bench's side of a running `desk` server: its search routes, and autocannon on its tipster routes. */
function deskClient(base: string) {
  const post = async <T>(path: string, body: unknown = {}): Promise<T> => {
    const response = await fetch(`${base}${path}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(body),
    });
    if (!response.ok) throw new Error(`${path}: ${response.status}`);
    return (await response.json()) as T;
  };
  const search = (filter: InboxFilter) => post<SearchTiming>('/bench/search', filter);
  const load = (route: Route, requests = route.requests) =>
    autocannonLoad({ ...route, url: `${base}${route.path}`, connections: CONNECTIONS, requests });
  return {
    post,
    search,
    load,
    /** Loads `route` while cold text searches run back to back, each with an empty session index. */
    async loadWhileSearching(route: Route) {
      let loading = true;
      const searches: SearchTiming[] = [];
      const searching = (async () => {
        while (loading) searches.push(await search(TEXT_FILTER));
      })();
      const result = await load(route);
      loading = false;
      await searching;
      return { load: result, searches };
    },
  };
}

/** Cold searches alone, then each tipster route idle and during cold searches. */
async function phase(desk: ReturnType<typeof deskClient>, title: string) {
  console.log(`\n## ${title}`);
  await desk.post('/bench/threads');
  console.log(searchLine('cold text search', await desk.search(TEXT_FILTER)));
  console.log(searchLine('cold label filter', await desk.search(LABEL_FILTER)));
  for (const route of ROUTES) {
    const idle = await desk.load(route);
    const during = await desk.loadWhileSearching(route);
    const ratio = during.load.p99 / idle.p99;
    const met = during.load.ok > 0 && during.load.other === 0 && ratio <= TARGET.p99Ratio;
    console.log(`${route.name.padEnd(11)} idle          ${loadLine(idle)}`);
    console.log(
      `${route.name.padEnd(11)} during search ${loadLine(during.load)}  p99 x${ratio.toFixed(2)} idle (target <= x${TARGET.p99Ratio}: ${verdict(met)})`,
    );
    const times = during.searches.map((t) => `${ms(t.firstPageMs)} / ${ms(t.endMs)}`);
    console.log(
      `${''.padEnd(11)} ${during.searches.length} cold text searches meanwhile (first page / end): ${times.join(', ')}`,
    );
  }
}

export async function benchDeskScale(): Promise<void> {
  // the workers must run what `npm start` runs: dist/, rebuilt here if a source is newer
  const build = spawnSync(process.execPath, [join(ROOT, 'scripts/ensure-build.mjs')], {
    cwd: ROOT,
    stdio: 'inherit',
  });
  if (build.status !== 0) throw new Error('desk-scale: npm run build failed');
  const dataDir = mkdtempSync(join(tmpdir(), 'tipline-bench-scale-'));
  try {
    const seedStart = performance.now();
    const seeded = await seedDataDir(dataDir);
    const seedSeconds = (performance.now() - seedStart) / 1000;
    const server = await start('desk', dataDir);
    try {
      const desk = deskClient(server.base);
      console.log(
        `\n# desk at scale: ${TIPS.toLocaleString('en')} tips, ${seeded.labelled.toLocaleString('en')} labelled "${LABEL}" (${seeded.labelSegments} bulk triage label segments); seeded in ${seedSeconds.toFixed(0)} s`,
      );
      console.log(
        `searches: text ${JSON.stringify(TEXT_FILTER.search)}, label ${JSON.stringify(LABEL)}; tipster load: autocannon, ${CONNECTIONS} connections, ${ROUTES.map((r) => `${r.requests} ${r.name}`).join(', ')} per run`,
      );
      // a first run of each route, not counted: JIT and connection set-up are not what is measured
      for (const route of ROUTES)
        await desk.load(route, Math.max(CONNECTIONS, Math.ceil(route.requests / 5)));
      const threads = await desk.post<{ ms: number }>('/bench/threads');
      console.log(
        `scanner worker thread start: ${ms(threads.ms)} (paid by a desk's first scan, and again after 60 s without one; not in the figures below)`,
      );
      await phase(desk, 'index as intake writes it: one segment per tip');
      const warm = await desk.post<WarmTiming>('/bench/warm');
      console.log(
        `\nlogin warm-up (warmSearchIndex, awaited): ${ms(warm.ms)}, read ${warm.segmentsRead} segments, indexed ${warm.tipsIndexed} tips, compacted ${warm.removed} small segments into ${warm.written}`,
      );
      await phase(desk, 'index compacted by the warm-up');
      console.log(`\nserver peak RSS ${mibOf(server.pid, 'VmHWM').toFixed(0)} MiB`);
    } finally {
      const exited = new Promise((resolve) => server.child.once('exit', resolve));
      server.child.kill('SIGTERM');
      await exited;
    }
  } finally {
    rmSync(dataDir, { recursive: true, force: true });
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href)
  await benchDeskScale();
