import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import type { TestProject } from 'vitest/node';
import { startTestPostgres } from './postgres-server.js';

declare module 'vitest' {
  export interface ProvidedContext {
    /** Superuser URL of the run's throwaway PostgreSQL server; '' when there is none. */
    postgresAdminUrl: string;
    /** Its cluster directory (data/, server.log); '' when there is none. */
    postgresDir: string;
  }
}

// CLI tests run the built command in a child process and browser tests load the sealing
// bundle, so build both once before any suite runs (the same steps as `npm run build`).
// Then one PostgreSQL server for the whole run; each test makes its own database in it.
export default async function setup(project: TestProject): Promise<() => void> {
  const root = fileURLToPath(new URL('..', import.meta.url));
  const run = (args: string[]) =>
    execFileSync(process.execPath, args, { cwd: root, stdio: 'inherit' });
  run([`${root}node_modules/typescript/bin/tsc`, '-p', 'tsconfig.build.json']);
  run([`${root}scripts/build-browser.mjs`]);
  // TIPLINE_TEST_POSTGRES=off runs without a server: its tests then report as skipped
  const server =
    process.env.TIPLINE_TEST_POSTGRES === 'off' ? undefined : await startTestPostgres();
  if (!server && process.env.TIPLINE_TEST_POSTGRES !== 'off') {
    throw new Error(
      'PostgreSQL server binaries not found in /usr/lib/postgresql (apt-get install postgresql), or set TIPLINE_TEST_POSTGRES=off',
    );
  }
  project.provide('postgresAdminUrl', server?.adminUrl ?? '');
  project.provide('postgresDir', server?.dir ?? '');
  return () => server?.stop();
}
