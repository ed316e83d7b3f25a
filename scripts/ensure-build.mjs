// `npm start` runs this first (prestart): it rebuilds dist/ only when a build input is newer
// than the stamp the last successful build left, so an up-to-date install starts at once.
// `npm run build` runs it with --force. Inputs are compared by mtime: directories count too,
// so adding or deleting a source file is seen as a change.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import process from 'node:process';
import { fileURLToPath, pathToFileURL, URL } from 'node:url';

/** Written after a successful build, with the mtime of the moment that build started. */
export const STAMP = 'dist/.build-stamp';

/** What a build must have produced; if any is missing, the build is redone. */
const OUTPUTS = [
  'dist/main.js',
  'dist/cli/index.js',
  'dist/static/seal-tip.js',
  'dist/static/seal-core.js',
  'dist/static/seal-core-pow.js',
  'dist/static/passkey.js',
];

/** The files and folders whose change changes dist/. */
export function buildInputs(root) {
  const tsconfigs = readdirSync(root).filter((name) => /^tsconfig.*\.json$/.test(name));
  return ['src', 'scripts/build-browser.mjs', 'package-lock.json', ...tsconfigs];
}

/** The first path below `path` (itself included) modified after `since`, or undefined. */
function newerThan(path, since) {
  if (!existsSync(path)) return undefined;
  const stat = statSync(path);
  if (stat.mtimeMs > since) return path;
  if (!stat.isDirectory()) return undefined;
  for (const name of readdirSync(path)) {
    const found = newerThan(join(path, name), since);
    if (found) return found;
  }
  return undefined;
}

/** Why dist/ under `root` must be rebuilt, or undefined when it is up to date. */
export function staleReason(root) {
  const stamp = join(root, STAMP);
  if (!existsSync(stamp)) return 'no build stamp yet';
  const missing = OUTPUTS.find((output) => !existsSync(join(root, output)));
  if (missing) return `${missing} is missing`;
  const builtAt = statSync(stamp).mtimeMs;
  for (const input of buildInputs(root)) {
    const changed = newerThan(join(root, input), builtAt);
    if (changed) return `${relative(root, changed)} changed`;
  }
  return undefined;
}

/** The real build: the server with tsc, the browser bundles with esbuild. */
function runBuild(root) {
  const steps = [
    [join(root, 'node_modules/typescript/bin/tsc'), '-p', 'tsconfig.build.json'],
    [join(root, 'scripts/build-browser.mjs')],
  ];
  for (const args of steps) {
    const result = spawnSync(process.execPath, args, { cwd: root, stdio: 'inherit' });
    if (result.status !== 0) throw new Error(`build step failed: ${args.join(' ')}`);
  }
}

/**
 * Builds when forced or stale, then stamps dist/ with the build's start time (an input edited
 * while the build ran is then still newer than the stamp). Returns whether it built.
 */
export function ensureBuild(root, { force = false, build = runBuild, log = () => {} } = {}) {
  const reason = force ? 'forced' : staleReason(root);
  if (reason === undefined) {
    log('dist/ is up to date');
    return false;
  }
  log(`building (${reason})`);
  const startedAt = new Date();
  build(root);
  const stamp = join(root, STAMP);
  mkdirSync(dirname(stamp), { recursive: true });
  writeFileSync(stamp, `${startedAt.toISOString()}\n`);
  utimesSync(stamp, startedAt, startedAt);
  return true;
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const root = fileURLToPath(new URL('..', import.meta.url));
  try {
    ensureBuild(root, {
      force: process.argv.includes('--force'),
      log: (line) => process.stderr.write(`ensure-build: ${line}\n`),
    });
  } catch (error) {
    process.stderr.write(`ensure-build: ${error instanceof Error ? error.message : error}\n`);
    process.exit(1);
  }
}
