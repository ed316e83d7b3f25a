// Bundles the in-browser sealing code (src/browser) into dist/static, and writes a brotli and a
// gzip copy of each file beside it for the server to send to browsers that accept them.
// esbuild, because the browser must run the very same src/crypto code the server runs.
//
//   seal-tip.js       the light loader on every form page (classic script)
//   seal-core.js      sealing with libsodium's standard build (ES module, loaded on demand)
//   seal-core-pow.js  the same with the sumo build, which adds crypto_pwhash (argon2id) for
//                     the proof of work asked for under load
//   passkey.js        the WebAuthn ceremony on desk pages (@simplewebauthn/browser, classic script)
import { readFileSync, writeFileSync } from 'node:fs';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';
import { build } from 'esbuild';

const common = {
  bundle: true,
  platform: 'browser',
  target: ['es2020'],
  minify: true,
  legalComments: 'linked',
  logLevel: 'warning',
};

const outputs = [
  { entry: 'src/browser/seal-tip.ts', out: 'dist/static/seal-tip.js', format: 'iife' },
  { entry: 'src/browser/seal-core.ts', out: 'dist/static/seal-core.js', format: 'esm' },
  { entry: 'src/browser/passkey.ts', out: 'dist/static/passkey.js', format: 'iife' },
  {
    entry: 'src/browser/seal-core.ts',
    out: 'dist/static/seal-core-pow.js',
    format: 'esm',
    alias: { 'libsodium-wrappers': 'libsodium-wrappers-sumo' },
  },
];

for (const { entry, out, format, alias } of outputs) {
  await build({
    ...common,
    entryPoints: [entry],
    outfile: out,
    format,
    ...(alias ? { alias } : {}),
  });
  const bytes = readFileSync(out);
  writeFileSync(
    `${out}.br`,
    brotliCompressSync(bytes, {
      params: {
        [constants.BROTLI_PARAM_QUALITY]: constants.BROTLI_MAX_QUALITY,
        [constants.BROTLI_PARAM_MODE]: constants.BROTLI_MODE_TEXT,
        [constants.BROTLI_PARAM_SIZE_HINT]: bytes.length,
      },
    }),
  );
  writeFileSync(`${out}.gz`, gzipSync(bytes, { level: constants.Z_BEST_COMPRESSION }));
}
