import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

// CLI tests run the built command in a child process and browser tests load the sealing
// bundle, so before any suite runs, build both unless dist/ is already up to date (the same
// check `npm start` makes; test/scripts/ensure-build.test.ts proves it sees every change).
export default function setup(): void {
  const root = fileURLToPath(new URL('..', import.meta.url));
  execFileSync(process.execPath, [`${root}scripts/ensure-build.mjs`], {
    cwd: root,
    stdio: 'inherit',
  });
}
