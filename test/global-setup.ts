import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

// CLI tests run the built command in a child process, so build it once before any suite runs.
export default function setup(): void {
  const root = fileURLToPath(new URL('..', import.meta.url));
  execFileSync(
    process.execPath,
    [`${root}node_modules/typescript/bin/tsc`, '-p', 'tsconfig.build.json'],
    {
      cwd: root,
      stdio: 'inherit',
    },
  );
}
