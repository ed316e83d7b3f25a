#!/usr/bin/env node
// The `tipline` command. Runs the compiled CLI (npm install builds it through `prepare`).
import { existsSync } from 'node:fs';

const entry = new URL('../dist/cli/index.js', import.meta.url);
if (!existsSync(entry)) {
  process.stderr.write('tipline: not built yet; run `npm run build` (npm install does it for you)\n');
  process.exit(1);
}
const { cliMain } = await import(entry.href);
await cliMain();
