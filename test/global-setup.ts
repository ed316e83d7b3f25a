import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

// CLI tests run the built command in a child process and browser tests load the sealing
// bundle, so build both once before any suite runs (the same steps as `npm run build`).
export default function setup(): void {
  const root = fileURLToPath(new URL('..', import.meta.url));
  const run = (args: string[]) =>
    execFileSync(process.execPath, args, { cwd: root, stdio: 'inherit' });
  run([`${root}node_modules/typescript/bin/tsc`, '-p', 'tsconfig.build.json']);
  run([`${root}scripts/build-browser.mjs`]);
}
