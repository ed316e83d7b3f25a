/*
 * Web intake under 50 connections over loopback (autocannon), tipline against the minimal
 * pipeline of bench/load-servers.ts measured in the same run, and each server's RSS idle and
 * at its peak under load (/proc/<pid>/status). Loopback only. The helpers that start a server
 * process and load it are exported for bench/desk-scale.ts.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import autocannon from 'autocannon';
import { createServer } from 'node:net';
import { loadSodium, sealTipEnvelope } from '../src/crypto/index.js';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const DURATION_S = Number(process.env.BENCH_LOAD_SECONDS ?? 20);
const CONNECTIONS = 50;

export const mibOf = (pid: number, field: 'VmRSS' | 'VmHWM') =>
  Number(
    new RegExp(`^${field}:\\s+(\\d+) kB`, 'm').exec(
      readFileSync(`/proc/${pid}/status`, 'utf8'),
    )?.[1],
  ) / 1024;

async function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const probe = createServer().listen(0, '127.0.0.1', () => {
      const address = probe.address();
      probe.close(() => resolve(typeof address === 'object' && address ? address.port : 0));
    });
  });
}

export type ServerMode = 'tipline' | 'pipeline' | 'desk';

/** Starts bench/load-servers.ts in `mode` on `dataDir` (a fresh one unless given). */
export async function start(
  mode: ServerMode,
  dataDir = mkdtempSync(join(tmpdir(), `tipline-bench-${mode}-`)),
) {
  const port = await freePort();
  const child: ChildProcess = spawn(
    process.execPath,
    [
      '--import',
      'tsx', // a loader in this process, not a wrapper: the pid is the server's own (RSS)
      join(ROOT, 'bench/load-servers.ts'),
      mode,
      dataDir,
      String(port),
    ],
    { stdio: ['ignore', 'pipe', 'inherit'] },
  );
  await new Promise<void>((resolve, reject) => {
    child.stdout!.on('data', (c: Buffer) => c.toString().includes('listening') && resolve());
    child.once('exit', () => reject(new Error(`${mode} server exited`)));
  });
  await new Promise((r) => setTimeout(r, 2_000)); // settle before the idle figure
  return {
    child,
    pid: child.pid!,
    base: `http://127.0.0.1:${port}`,
    dataDir,
    idle: mibOf(child.pid!, 'VmRSS'),
  };
}

export interface LoadOptions {
  readonly url: string;
  readonly method?: 'GET' | 'POST';
  readonly body?: Buffer | string;
  readonly headers?: Record<string, string>;
  readonly connections: number;
  /** How long to load, or (taking precedence) how many requests to complete. */
  readonly seconds?: number;
  readonly requests?: number;
}

/** One autocannon run: throughput, latency p50/p99 in ms, 2xx and everything else, seconds taken. */
export async function autocannonLoad(options: LoadOptions) {
  const result = await autocannon({
    url: options.url,
    method: options.method ?? 'GET',
    ...(options.body !== undefined ? { body: options.body } : {}),
    headers: options.headers ?? {},
    connections: options.connections,
    ...(options.seconds !== undefined ? { duration: options.seconds } : {}),
    ...(options.requests !== undefined ? { amount: options.requests } : {}),
    timeout: 60,
  });
  return {
    rps: result.requests.average,
    p50: result.latency.p50,
    p99: result.latency.p99,
    ok: result['2xx'],
    other: result.non2xx + result.errors + result.timeouts,
    seconds: result.duration,
  };
}

function multipart(envelope: Uint8Array) {
  const boundary = 'benchboundary7d1f';
  const head = Buffer.from(
    `--${boundary}\r\nContent-Disposition: form-data; name="envelope"; filename="envelope"\r\nContent-Type: application/octet-stream\r\n\r\n`,
  );
  return {
    body: Buffer.concat([head, Buffer.from(envelope), Buffer.from(`\r\n--${boundary}--\r\n`)]),
    type: `multipart/form-data; boundary=${boundary}`,
  };
}

/** The tipster form `POST /tips` is loaded with: a 2 KB message. */
export const TIP_FORM = new URLSearchParams({
  message: `tip ${'z'.repeat(1500)}`,
  country: 'RS',
  danger: 'no',
}).toString();

export async function benchLoad(): Promise<void> {
  const sodium = await loadSodium();
  const results: Record<
    string,
    Record<
      string,
      { rps: number; p50: number; p99: number; ok: number; other: number; peak: number }
    >
  > = {};
  const idle: Record<string, number> = {};
  for (const mode of ['pipeline', 'tipline'] as const) {
    const server = await start(mode);
    idle[mode] = server.idle;
    const key = (await (
      await fetch(`${server.base}/${mode === 'tipline' ? 'bench/desk-key' : 'api/desk-key'}`)
    ).json()) as { keyId: string; publicKey: string };
    const publicKey =
      mode === 'tipline'
        ? new Uint8Array(Buffer.from(key.publicKey, 'base64'))
        : sodium.from_base64(key.publicKey);
    const content = {
      v: 1,
      channel: 'web',
      language: 'en',
      fields: { message: `tip ${'z'.repeat(1500)}` },
      attachments: [],
    };
    const envelope = sealTipEnvelope(
      sodium,
      { keyId: sodium.from_hex(key.keyId), publicKey },
      new TextEncoder().encode(JSON.stringify(content)),
    );
    const sealed = multipart(envelope);
    results[mode] = {};
    for (const [path, body, type] of [
      ['/tips', TIP_FORM, 'application/x-www-form-urlencoded'],
      ['/api/tips', sealed.body, sealed.type],
    ] as const) {
      const r = await autocannonLoad({
        url: `${server.base}${path}`,
        method: 'POST',
        body,
        headers: { 'content-type': type },
        connections: CONNECTIONS,
        seconds: DURATION_S,
      });
      results[mode][path] = { ...r, peak: mibOf(server.pid, 'VmHWM') };
    }
    server.child.kill('SIGTERM');
    rmSync(server.dataDir, { recursive: true, force: true });
  }

  console.log(
    `\n# web intake over loopback, ${CONNECTIONS} connections, ${DURATION_S} s per route (autocannon)`,
  );
  for (const path of ['/tips', '/api/tips']) {
    const p = results.pipeline![path]!;
    const t = results.tipline![path]!;
    const line = (name: string, r: typeof p) =>
      `${name.padEnd(28)} ${r.rps.toFixed(1).padStart(7)} req/s  p50 ${String(r.p50).padStart(6)} ms  p99 ${String(r.p99).padStart(6)} ms  2xx ${r.ok}  other ${r.other}  peak RSS ${r.peak.toFixed(0)} MiB`;
    console.log(line(`pipeline POST ${path}`, p));
    console.log(
      line(`tipline  POST ${path}`, t),
      `  throughput x${(t.rps / p.rps).toFixed(2)}, p99 x${(t.p99 / p.p99).toFixed(2)} pipeline`,
    );
  }
  console.log(
    `idle RSS: tipline ${idle.tipline!.toFixed(0)} MiB, pipeline ${idle.pipeline!.toFixed(0)} MiB`,
  );
}
