import { describe, expect, it, onTestFinished } from 'vitest';
import { copyFileSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { totpCodeAt } from '../../src/core/index.js';
import { tempDir } from '../helpers.js';
import { freshPostgresUrl, postgresAdminUrl } from '../pg-stores.js';
import { initialiseDataDir, runCli } from '../cli/run-cli.js';
import { postTip, startServerChild, type ServerChild } from './server-child.js';
import { startLoad, warmedUp } from './tip-load.js';
import { HttpDeskClient } from './desk-http.js';
import { exportTips } from './stress-checks.js';

const PASSPHRASE = 'ana has a long passphrase';
// one secret for both instances: shared login throttle, proof-of-work key and webhook secret
const SHARED = { TIPLINE_SHARED_SECRET: 'ab'.repeat(32) };

describe.skipIf(!postgresAdminUrl)('two server processes on one PostgreSQL', () => {
  it("take tips on both, show one instance's triage on the other, lose no acknowledged tip when one is SIGKILLed mid-load, and keep one audit chain", async () => {
    const url = await freshPostgresUrl();
    const work = tempDir('tipline-two-');
    // each instance gets a data dir of its own (for alert.key); the tips are in PostgreSQL
    const setup = initialiseDataDir(work, { TIPLINE_DATABASE_URL: url });
    const servers: ServerChild[] = [];
    onTestFinished(async () => {
      await Promise.all(servers.map((s) => s.kill()));
    });
    const a = await startServerChild(setup.dataDir, { TIPLINE_DATABASE_URL: url, ...SHARED });
    servers.push(a);
    // the alert key is per data directory: the second instance gets a copy (docs/OPERATING.md)
    const bDir = join(work, 'b');
    mkdirSync(bDir, { mode: 0o700 });
    copyFileSync(join(setup.dataDir, 'alert.key'), join(bDir, 'alert.key'));
    const b = await startServerChild(bDir, { TIPLINE_DATABASE_URL: url, ...SHARED });
    servers.push(b);
    expect(a.output()).toContain('"store":"postgres"');
    expect(b.output()).toContain('"store":"postgres"');
    expect(b.output()).toContain('"sharedCounters":true');
    expect(b.output()).not.toContain('ab'.repeat(32));

    // tips to both instances
    const first = [
      await postTip(a.base, 'TWOINST first tip to a'),
      await postTip(b.base, 'TWOINST first tip to b'),
    ];
    expect(first.map((r) => r.status)).toEqual([200, 200]);

    // ana enrols on a; her session is a's alone, so she logs in again on b (next TOTP step)
    const deskA = new HttpDeskClient(a.base);
    const secret = await deskA.enrol('ana', PASSPHRASE);
    const ids = deskA.tipIds();
    expect(ids).toHaveLength(2);
    const deskB = new HttpDeskClient(b.base);
    expect((await deskB.get('/admin')).status).toBe(303);
    await deskB.get('/admin/login');
    const login = await deskB.post('/admin/login', [
      ['name', 'ana'],
      ['passphrase', PASSPHRASE],
      ['code', totpCodeAt(secret, Date.now() + 30_000)],
    ]);
    expect(login.headers.get('location')).toBe('/admin');

    // triage on a, read on b
    await deskA.get('/admin');
    const triaged = await deskA.post('/admin/tips/bulk', [
      ['tip', ids[0]!],
      ['status', 'escalated'],
    ]);
    expect(triaged.status).toBe(303);
    await deskB.get('/admin?status=escalated');
    expect(deskB.tipIds()).toEqual([ids[0]]);

    // load on both; a is killed in the middle of it, b carries on
    const loadA = startLoad(a, 'TWOINST a');
    const loadB = startLoad(b, 'TWOINST b');
    await Promise.all([warmedUp(loadA), warmedUp(loadB)]);
    await new Promise((resolve) => setTimeout(resolve, 300 + Math.random() * 700));
    await a.kill();
    await Promise.all([loadA.stop(), loadB.stop()]);
    expect(loadA.acked.length).toBeGreaterThan(0);
    expect(loadB.acked.length).toBeGreaterThan(0);
    const after = await postTip(b.base, 'TWOINST after the kill');
    expect(after.status).toBe(200);
    await b.kill();

    const exported = new Set(exportTips(setup).map((t) => t.fields.message));
    const acknowledged = [
      'TWOINST first tip to a',
      'TWOINST first tip to b',
      'TWOINST after the kill',
      ...loadA.acked.map((t) => t.message),
      ...loadB.acked.map((t) => t.message),
    ];
    expect(acknowledged.filter((m) => !exported.has(m))).toEqual([]);
    // two writers, one chain
    const audit = runCli(['audit', 'verify'], setup.env);
    expect(audit.stderr).toBe('');
    expect(audit.status).toBe(0);
    for (const server of [a, b]) expect(server.output()).not.toContain('TWOINST');
  }, 120_000);
});
