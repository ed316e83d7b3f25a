// Runs the TypeScript scan worker without a build (tests, `tsx`): piscina loads this file,
// which loads scan-worker.ts through tsx. Production runs dist/scan/scan-worker.js directly.
import { tsImport } from 'tsx/esm/api';

const worker = await tsImport('./scan-worker.ts', import.meta.url);
export default worker.default;
