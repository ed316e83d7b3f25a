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
// bundle, so before any suite runs, build both unless dist/ is already up to date (the same
// check `npm start` makes; test/scripts/ensure-build.test.ts proves it sees every change).
// Then one PostgreSQL server for the whole run; each test makes its own database in it.
export default async function setup(project: TestProject): Promise<() => void> {
  const root = fileURLToPath(new URL('..', import.meta.url));
  execFileSync(process.execPath, [`${root}scripts/ensure-build.mjs`], {
    cwd: root,
    stdio: 'inherit',
  });
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
