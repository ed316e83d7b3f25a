import { describe, expect, it } from 'vitest';
import { totpCodeAt } from '../../../src/core/index.js';
import {
  createDeskTest,
  DeskClient,
  enrolAndLogIn,
  logIn,
  PASSPHRASE_TEXT,
} from './desk-harness.js';

describe('reviewer login at /admin/login', () => {
  it('answers an unknown name, a wrong passphrase and a wrong code with the same status, text and padded time', async () => {
    const test = await createDeskTest();
    const secret = await enrolAndLogIn(test, new DeskClient(test.app));
    test.advance(30_000);
    const good = totpCodeAt(secret, test.now());
    const wrongCode = good === '000000' ? '111111' : '000000';
    const attempts = [
      { name: 'nobody', passphrase: PASSPHRASE_TEXT, code: good },
      { name: 'ana', passphrase: 'wrong passphrase here', code: good },
      { name: 'ana', passphrase: PASSPHRASE_TEXT, code: wrongCode },
    ];
    const answers: { status: number; text: string; took: number }[] = [];
    for (const attempt of attempts) {
      const startedAt = test.time.now;
      const response = await new DeskClient(test.app).post('/admin/login', attempt, { csrf: null });
      const html = await response.text();
      answers.push({
        status: response.status,
        text: /<p class="errors"[^>]*>([^<]*)</.exec(html)?.[1] ?? '',
        took: test.time.now - startedAt,
      });
    }
    expect(answers.map((a) => a.status)).toEqual([401, 401, 401]);
    expect(new Set(answers.map((a) => a.text)).size).toBe(1);
    expect(answers[0]?.text).toBe('Name, passphrase or code is wrong.');
    for (const answer of answers) expect(answer.took).toBeGreaterThanOrEqual(1_000);
  });

  it('audits a failed login by reviewer id for a known name and as unknown otherwise', async () => {
    const test = await createDeskTest();
    const client = new DeskClient(test.app);
    const before = (await test.deps.store.lastAudit())?.sequence ?? 0;
    await client.post(
      '/admin/login',
      { name: 'nobody', passphrase: 'whatever it is', code: '123456' },
      { csrf: null },
    );
    await client.post(
      '/admin/login',
      { name: 'ana', passphrase: 'whatever it is', code: '123456' },
      { csrf: null },
    );
    const failures = (await test.deps.store.listAudit(before, 10)).filter(
      (e) => e.action === 'login.failed',
    );
    const ana = await test.deps.store.getReviewerByName('ana');
    expect(failures.map((e) => e.actor)).toEqual(['unknown', ana?.id]);
  });

  it('makes an account wait after repeated failures, and says so', async () => {
    const test = await createDeskTest();
    const client = new DeskClient(test.app);
    const statuses: number[] = [];
    for (let i = 0; i < 5; i++) {
      const response = await client.post(
        '/admin/login',
        { name: 'ana', passphrase: `wrong ${i} passphrase`, code: '' },
        { csrf: null },
      );
      statuses.push(response.status);
    }
    expect(statuses.slice(0, 4)).toEqual([401, 401, 401, 401]);
    expect(statuses[4]).toBe(429);
    expect(client.lastHtml).toContain('Too many failed attempts');
  });

  it('throttles an unknown name exactly like a known one, so waiting reveals nothing', async () => {
    const test = await createDeskTest();
    const known: number[] = [];
    const unknown: number[] = [];
    for (let i = 0; i < 5; i++) {
      known.push(
        (
          await new DeskClient(test.app).post(
            '/admin/login',
            { name: 'ana', passphrase: 'wrong wrong wrong', code: '' },
            { csrf: null },
          )
        ).status,
      );
    }
    test.advance(3_600_000);
    for (let i = 0; i < 5; i++) {
      unknown.push(
        (
          await new DeskClient(test.app).post(
            '/admin/login',
            { name: 'zed', passphrase: 'wrong wrong wrong', code: '' },
            { csrf: null },
          )
        ).status,
      );
    }
    expect(unknown).toEqual(known);
  });

  it('refuses a TOTP code used once already (replay)', async () => {
    const test = await createDeskTest();
    const secret = await enrolAndLogIn(test, new DeskClient(test.app));
    test.advance(30_000);
    const code = totpCodeAt(secret, test.now());
    const first = await new DeskClient(test.app).post(
      '/admin/login',
      { name: 'ana', passphrase: PASSPHRASE_TEXT, code },
      { csrf: null },
    );
    expect(first.status).toBe(303);
    const again = await new DeskClient(test.app).post(
      '/admin/login',
      { name: 'ana', passphrase: PASSPHRASE_TEXT, code },
      { csrf: null },
    );
    expect(again.status).toBe(401);
  });

  it('requires the second factor: the right passphrase alone leads only to enrolment, not to tips', async () => {
    const test = await createDeskTest();
    const client = new DeskClient(test.app);
    const response = await client.post(
      '/admin/login',
      { name: 'ana', passphrase: PASSPHRASE_TEXT, code: '' },
      { csrf: null },
    );
    expect(response.headers.get('location')).toBe('/admin/enrol');
    const inbox = await client.get('/admin');
    expect(inbox.status).toBe(303);
    expect(inbox.headers.get('location')).toBe('/admin/enrol');
  });

  it('sets a __Host- cookie that is Secure, HttpOnly and SameSite=Strict with at least 128 random bits', async () => {
    const test = await createDeskTest();
    const response = await new DeskClient(test.app).post(
      '/admin/login',
      { name: 'ana', passphrase: PASSPHRASE_TEXT, code: '' },
      { csrf: null },
    );
    const cookie = response.headers.get('set-cookie') ?? '';
    expect(cookie).toMatch(
      /^__Host-tipline-desk=[A-Za-z0-9_-]{43}; Path=\/; HttpOnly; Secure; SameSite=Strict$/,
    );
  });

  it('gives a new session id at login even when the browser already had one', async () => {
    const test = await createDeskTest();
    const client = new DeskClient(test.app);
    const secret = await enrolAndLogIn(test, client);
    const before = client.cookie;
    await logIn(test, client, secret);
    expect(client.cookie).toBeDefined();
    expect(client.cookie).not.toBe(before);
    // the old id no longer opens anything
    const stale = new DeskClient(test.app);
    stale.cookie = before;
    expect((await stale.get('/admin')).headers.get('location')).toBe('/admin/login');
  });

  it('records logins and failed logins in the audit log without any address', async () => {
    const test = await createDeskTest();
    const client = new DeskClient(test.app);
    await client.post(
      '/admin/login',
      { name: 'ana', passphrase: 'not the passphrase', code: '' },
      { csrf: null },
    );
    await enrolAndLogIn(test, client);
    const actions = (await test.deps.store.listAudit(0, 100)).map((e) => e.action);
    expect(actions).toEqual(
      expect.arrayContaining(['login.failed', 'login', 'reviewer.totp_enrol']),
    );
    const serialized = JSON.stringify(await test.deps.store.listAudit(0, 100));
    expect(serialized).not.toMatch(/127\.0\.0\.1|::1|localhost/);
  });
});
