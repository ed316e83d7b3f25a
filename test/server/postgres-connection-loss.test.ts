import pg from 'pg';
import { describe, expect, it, onTestFinished } from 'vitest';
import { submitTip } from '../../src/core/index.js';
import { CATALOGS } from '../../src/i18n/catalogs.js';
import { openPostgresStore } from '../../src/store/index.js';
import { submission } from '../helpers.js';
import { freshPostgresUrl, postgresAdminUrl } from '../pg-stores.js';
import { createDeskTest, DeskClient, enrolAndLogIn } from './admin/desk-harness.js';
import { createTestApp, form } from './test-app.js';

/*
 * A connection to PostgreSQL lost in the middle of a request: the app's backends are killed
 * (pg_terminate_backend, as a server restart or failover would) while the request's
 * transaction is open and has already written its first row. A second connection holds a
 * table lock so that the request is caught exactly there, waiting.
 */

async function serverStore() {
  const url = await freshPostgresUrl();
  const store = await openPostgresStore(url, { poolSize: 4 });
  onTestFinished(() => store.close());
  return { url, store };
}

/** A connection of the test's own on the app's database, closed when the test ends. */
async function sideConnection(url: string) {
  const client = new pg.Client({ connectionString: url });
  client.on('error', () => undefined);
  await client.connect();
  onTestFinished(() => client.end().catch(() => undefined));
  return client;
}

/**
 * Holds `table` locked against writes, waits until one of the app's backends is stuck on that
 * lock (inside its transaction), kills every backend of the app, then lets the lock go.
 */
async function killWhenWaitingOn<T>(
  side: pg.Client,
  table: string,
  whileWaiting: T | Promise<T>,
): Promise<T> {
  let waiting = false;
  for (let i = 0; i < 200 && !waiting; i++) {
    const { rows } = await side.query<{ n: string }>(
      `SELECT count(*) AS n FROM pg_stat_activity
        WHERE datname = current_database() AND pid <> pg_backend_pid() AND wait_event_type = 'Lock'`,
    );
    waiting = Number(rows[0]?.n) > 0;
    if (!waiting) await new Promise((resolve) => setTimeout(resolve, 25));
  }
  expect(waiting, `a request waiting on ${table}`).toBe(true);
  const { rows } = await side.query<{ killed: boolean }>(
    `SELECT pg_terminate_backend(pid) AS killed FROM pg_stat_activity
      WHERE datname = current_database() AND pid <> pg_backend_pid()`,
  );
  expect(rows.length).toBeGreaterThan(0);
  await side.query('ROLLBACK');
  return whileWaiting;
}

async function count(side: pg.Client, table: string): Promise<number> {
  const { rows } = await side.query<{ n: string }>(`SELECT count(*) AS n FROM ${table}`);
  return Number(rows[0]?.n);
}

describe.skipIf(!postgresAdminUrl)('a PostgreSQL connection lost during a request', () => {
  it('answers a tip with 503 and the translated page, gives no codename, and writes no tip; the next tip goes in', async () => {
    const { url, store } = await serverStore();
    const { app } = await createTestApp({ core: { store } });
    const side = await sideConnection(url);
    await side.query('BEGIN');
    // the tip row goes in first, then the inbox row waits here
    await side.query('LOCK TABLE inboxes IN EXCLUSIVE MODE');
    const request = app.request('/tips', form({ message: 'PGLOST passports taken', lang: 'uk' }));
    const response = await killWhenWaitingOn(side, 'inboxes', request);
    const html = await response.text();
    expect(response.status).toBe(503);
    expect(html).toContain('<html lang="uk"');
    expect(html).toContain(CATALOGS.uk['error.unavailable']);
    // the form again with the text kept, and no codename: the receipt template stays empty
    expect(html).toContain('id="tip-form"');
    expect(html).toContain('>PGLOST passports taken</textarea>');
    expect(html).toMatch(/<p id="receipt" class="codename"><\/p>/);
    expect(html).not.toMatch(/\d{4}( \d{4}){4}/);
    expect(await count(side, 'tips')).toBe(0);
    expect(await count(side, 'inboxes')).toBe(0);

    // the pool dropped the dead connections and opens new ones
    const next = await app.request('/tips', form({ message: 'the second try', lang: 'en' }));
    expect(next.status).toBe(200);
    expect(await next.text()).toMatch(/id="receipt"/);
    expect(await count(side, 'tips')).toBe(1);
    expect(await count(side, 'inboxes')).toBe(1);
  });

  it('answers a desk triage with 503, leaves the tip as it was, and saves the next triage', async () => {
    const { url, store } = await serverStore();
    const test = await createDeskTest({ core: { store } });
    const client = new DeskClient(test.app);
    await enrolAndLogIn(test, client);
    const { tipId } = await submitTip(test.deps, submission('triage me'));
    await client.get(`/admin/tips/${tipId}`);
    const auditBefore = await count(await sideConnection(url), 'audit_log');
    const side = await sideConnection(url);
    await side.query('BEGIN');
    // the status is updated first, then the audit entry waits here
    await side.query('LOCK TABLE audit_log IN EXCLUSIVE MODE');
    const fields = { status: 'closed', assignee: 'none', priority: 'normal', labels: '' };
    const request = client.post(`/admin/tips/${tipId}/triage`, fields);
    const response = await killWhenWaitingOn(side, 'audit_log', request);
    expect(response.status).toBe(503);
    expect(await response.text()).toContain(CATALOGS.en['error.unavailable']);
    expect((await store.getTip(tipId))?.status).toBe('new');
    expect(await count(side, 'audit_log')).toBe(auditBefore);

    await client.get(`/admin/tips/${tipId}`);
    const saved = await client.post(`/admin/tips/${tipId}/triage`, fields);
    expect(saved.status).toBeLessThan(400);
    expect((await store.getTip(tipId))?.status).toBe('closed');
  });
});
