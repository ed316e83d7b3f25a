// Bundles the in-browser sealing script (src/browser) with libsodium into dist/static.
// esbuild, because the browser must run the very same src/crypto code the server runs.
import { build } from 'esbuild';

await build({
  entryPoints: ['src/browser/seal-tip.ts'],
  bundle: true,
  format: 'iife',
  platform: 'browser',
  target: ['es2020'],
  minify: true,
  legalComments: 'linked',
  outfile: 'dist/static/seal-tip.js',
  // the sumo build adds crypto_pwhash (argon2id) for the proof of work asked for under load
  alias: { 'libsodium-wrappers': 'libsodium-wrappers-sumo' },
  logLevel: 'warning',
});
