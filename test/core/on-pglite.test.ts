import { useTestStore } from '../helpers.js';
import { openPgliteStore } from '../pg-stores.js';

// Core runs unchanged on the PostgreSQL store: these suites again, every createTestDeps over
// PGlite (main's alerts and sealed search index included). (Tests that open the SQLite file
// themselves skip here.)
useTestStore(openPgliteStore);
await import('./intake.test.js');
await import('./keys.test.js');
await import('./desk-inbox.test.js');
await import('./alerts.test.js');
await import('./search-index.test.js');
