import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';
import type { Context } from 'hono';

/** One same-origin asset, with the compressed copies we hold of it. */
export interface StaticFile {
  readonly type: string;
  readonly identity: Uint8Array;
  readonly br?: Uint8Array;
  readonly gzip?: Uint8Array;
}

export type ContentEncoding = 'br' | 'gzip' | 'identity';

/** Built by scripts/build-browser.mjs; src/server and dist/server both sit two levels below the root. */
export const BUILT_STATIC_DIR = fileURLToPath(new URL('../../dist/static/', import.meta.url));

const MAX_CODINGS = 32;

/**
 * The encoding to send: the one we hold that the client accepts with the highest q-value,
 * brotli before gzip on a tie; identity when neither is accepted (never a 406: every client
 * can read identity, even one that said `identity;q=0`).
 */
export function chooseEncoding(
  acceptEncoding: string | undefined,
  available: readonly Exclude<ContentEncoding, 'identity'>[],
): ContentEncoding {
  if (!acceptEncoding) return 'identity';
  const weights = new Map<string, number>();
  for (const part of acceptEncoding.split(',').slice(0, MAX_CODINGS)) {
    const [coding = '', ...params] = part.split(';').map((s) => s.trim().toLowerCase());
    if (coding === '') continue;
    const q = params.find((p) => p.startsWith('q='));
    const weight =
      q === undefined
        ? 1
        : /^(0(\.\d{0,3})?|1(\.0{0,3})?)$/.test(q.slice(2))
          ? Number(q.slice(2))
          : 0;
    weights.set(coding, weight);
  }
  const weightOf = (coding: string) => weights.get(coding) ?? weights.get('*') ?? 0;
  let best: ContentEncoding = 'identity';
  let bestWeight = 0;
  for (const coding of (['br', 'gzip'] as const).filter((c) => available.includes(c))) {
    const weight = weightOf(coding);
    if (weight > bestWeight) [best, bestWeight] = [coding, weight];
  }
  return best;
}

/** An asset held in memory, compressed once here (at start-up) for small embedded files. */
export function compressedFile(text: string, type: string): StaticFile {
  const identity = new TextEncoder().encode(text);
  return {
    type,
    identity,
    br: brotliCompressSync(identity, {
      params: {
        [constants.BROTLI_PARAM_QUALITY]: constants.BROTLI_MAX_QUALITY,
        [constants.BROTLI_PARAM_MODE]: constants.BROTLI_MODE_TEXT,
        [constants.BROTLI_PARAM_SIZE_HINT]: identity.length,
      },
    }),
    gzip: gzipSync(identity, { level: constants.Z_BEST_COMPRESSION }),
  };
}

/**
 * The browser bundles in `dir` with their .br and .gz copies, by file name. Read once at
 * start-up; without a build the map is empty and the form still works (server sealing).
 */
export function loadBuiltFiles(dir: string = BUILT_STATIC_DIR): Map<string, StaticFile> {
  const files = new Map<string, StaticFile>();
  if (!existsSync(dir)) return files;
  const read = (name: string) =>
    existsSync(join(dir, name)) ? new Uint8Array(readFileSync(join(dir, name))) : undefined;
  for (const name of readdirSync(dir).filter((n) => n.endsWith('.js'))) {
    const identity = read(name);
    if (!identity) continue;
    const br = read(`${name}.br`);
    const gzip = read(`${name}.gz`);
    files.set(name, {
      type: 'text/javascript; charset=utf-8',
      identity,
      ...(br ? { br } : {}),
      ...(gzip ? { gzip } : {}),
    });
  }
  return files;
}

/** Sends `file` in the best encoding the request accepts. */
export function sendStatic(c: Context, file: StaticFile): Response {
  const available = (['br', 'gzip'] as const).filter((coding) => file[coding] !== undefined);
  const encoding = chooseEncoding(c.req.header('accept-encoding'), available);
  const body = encoding === 'identity' ? file.identity : (file[encoding] ?? file.identity);
  return c.body(body as Uint8Array<ArrayBuffer>, 200, {
    'Content-Type': file.type,
    Vary: 'Accept-Encoding',
    ...(encoding === 'identity' ? {} : { 'Content-Encoding': encoding }),
  });
}
