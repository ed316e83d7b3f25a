import { spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, statSync, unlinkSync, utimesSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { ensureBuild, STAMP, staleReason } from '../../scripts/ensure-build.mjs';
import { tempDir } from '../helpers.js';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const HOUR = 3_600_000;

/** A miniature project whose every file is an hour old, built (stamped) half an hour ago. */
function builtProject(): { root: string; touch: (path: string) => void } {
  const root = tempDir('tipline-ensure-build-');
  const old = new Date(Date.now() - HOUR);
  const files = [
    'src/main.ts',
    'src/server/app.tsx',
    'scripts/build-browser.mjs',
    'tsconfig.json',
    'tsconfig.build.json',
    'tsconfig.browser.json',
    'package-lock.json',
    'dist/main.js',
    'dist/cli/index.js',
    'dist/static/seal-tip.js',
    'dist/static/seal-core.js',
    'dist/static/seal-core-pow.js',
    'dist/static/passkey.js',
    STAMP,
  ];
  for (const file of files) {
    mkdirSync(dirname(join(root, file)), { recursive: true });
    writeFileSync(join(root, file), '');
  }
  for (const file of [...files, 'src/server', 'src', 'scripts', 'dist'])
    utimesSync(join(root, file), old, old);
  const built = new Date(Date.now() - HOUR / 2);
  utimesSync(join(root, STAMP), built, built);
  const touch = (path: string) => {
    const now = new Date();
    utimesSync(join(root, path), now, now);
  };
  return { root, touch };
}

describe('the prestart build check (scripts/ensure-build.mjs)', () => {
  it('finds nothing to do when dist/ is newer than every input, and does not build', () => {
    const { root } = builtProject();
    expect(staleReason(root)).toBeUndefined();
    let builds = 0;
    expect(ensureBuild(root, { build: () => builds++ })).toBe(false);
    expect(builds).toBe(0);
  });

  it.each([
    'src/server/app.tsx',
    'scripts/build-browser.mjs',
    'tsconfig.json',
    'tsconfig.browser.json',
    'package-lock.json',
  ])('rebuilds once %s is touched, and then is up to date again', (path) => {
    const { root, touch } = builtProject();
    touch(path);
    expect(staleReason(root)).toBe(`${path} changed`);
    let builds = 0;
    expect(ensureBuild(root, { build: () => builds++ })).toBe(true);
    expect(builds).toBe(1);
    expect(staleReason(root)).toBeUndefined();
  });

  it('sees a source file added or deleted through its folder', () => {
    const { root } = builtProject();
    writeFileSync(join(root, 'src/server/new-route.ts'), '');
    expect(staleReason(root)).toMatch(/^src\/server/);
    ensureBuild(root, { build: () => undefined });
    unlinkSync(join(root, 'src/server/new-route.ts'));
    expect(staleReason(root)).toBe('src/server changed');
  });

  it('builds when there is no stamp or an output is missing', () => {
    const { root } = builtProject();
    unlinkSync(join(root, 'dist/static/seal-tip.js'));
    expect(staleReason(root)).toBe('dist/static/seal-tip.js is missing');
    unlinkSync(join(root, STAMP));
    expect(staleReason(root)).toBe('no build stamp yet');
  });

  it('stamps the time the build started, so an edit made during the build is still seen', () => {
    const { root, touch } = builtProject();
    touch('src/main.ts');
    ensureBuild(root, {
      build: () => {
        const later = new Date(Date.now() + 5_000);
        utimesSync(join(root, 'src/main.ts'), later, later);
      },
    });
    expect(staleReason(root)).toBe('src/main.ts changed');
  });

  it('leaves no stamp when the build fails', () => {
    const { root, touch } = builtProject();
    touch('src/main.ts');
    const before = statSync(join(root, STAMP)).mtimeMs;
    expect(() =>
      ensureBuild(root, {
        build: () => {
          throw new Error('tsc failed');
        },
      }),
    ).toThrow('tsc failed');
    expect(statSync(join(root, STAMP)).mtimeMs).toBe(before);
    expect(staleReason(root)).toBe('src/main.ts changed');
  });

  it('is what npm start runs first, and on this up-to-date checkout it returns fast without building', () => {
    const scripts = (
      JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as {
        scripts: Record<string, string>;
      }
    ).scripts;
    expect(scripts.prestart).toBe('node scripts/ensure-build.mjs');
    expect(scripts.start).toBe('node dist/main.js');
    // the suite's global setup has just made dist/ current
    const stampBefore = statSync(join(ROOT, STAMP)).mtimeMs;
    const started = performance.now();
    const run = spawnSync(process.execPath, [join(ROOT, 'scripts/ensure-build.mjs')], {
      cwd: ROOT,
      encoding: 'utf8',
    });
    const took = performance.now() - started;
    expect(run.status).toBe(0);
    expect(run.stderr).toBe('ensure-build: dist/ is up to date\n');
    expect(statSync(join(ROOT, STAMP)).mtimeMs).toBe(stampBefore);
    // a real build takes 11 s or more here; the check is a stat walk
    expect(took).toBeLessThan(3_000);
  });
});
