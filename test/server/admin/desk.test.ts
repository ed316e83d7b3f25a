import { describe, expect, it } from 'vitest';
import Database from 'better-sqlite3';
import { join } from 'node:path';
import sharp from 'sharp';
import { addFollowUp, openInbox, submitTip, totpCodeAt } from '../../../src/core/index.js';
import { scanForBytes, submission } from '../../helpers.js';
import {
  createDeskTest,
  DeskClient,
  enrolAndLogIn,
  logIn,
  PASSPHRASE_TEXT,
  type DeskTest,
} from './desk-harness.js';

async function loggedIn(options: Parameters<typeof createDeskTest>[0] = {}) {
  const test = await createDeskTest(options);
  const client = new DeskClient(test.app);
  const secret = await enrolAndLogIn(test, client);
  return { test, client, secret };
}

async function tip(test: DeskTest, message: string, extra: Parameters<typeof submission>[1] = {}) {
  const receipt = await submitTip(test.deps, submission(message, extra));
  return receipt;
}

/** Invites `name` as a reviewer, accepts, enrols TOTP; returns their client and secret. */
async function addReviewer(test: DeskTest, admin: DeskClient, name: string, grant = true) {
  await admin.get('/admin/people');
  await admin.post('/admin/people/invite', {});
  const link = /id="invite-link">([^<]+)</.exec(admin.lastHtml)?.[1] ?? '';
  const token = new URL(link).searchParams.get('token') ?? '';
  const client = new DeskClient(test.app);
  const joined = await client.post(
    '/admin/join',
    {
      token,
      name,
      passphrase: `${name} has a long passphrase`,
      passphrase2: `${name} has a long passphrase`,
    },
    { csrf: null },
  );
  expect(joined.headers.get('location')).toBe('/admin/enrol');
  await client.get('/admin/enrol');
  const secret = /id="totp-secret">([A-Z2-7]+)</.exec(client.lastHtml)?.[1] ?? '';
  await client.post('/admin/enrol', { code: totpCodeAt(secret, test.now()) });
  const reviewer = await test.deps.store.getReviewerByName(name);
  if (grant && reviewer) {
    await admin.get('/admin/people');
    await admin.post(`/admin/people/${reviewer.id}/grant`, {});
  }
  return { client, secret, id: reviewer?.id ?? '' };
}

describe('reviewer sessions', () => {
  it('end after 30 idle minutes and wipe the unlocked keys', async () => {
    const { test, client } = await loggedIn();
    const token = client.cookie ?? '';
    const session = test.sessions.get(token);
    const key = [...(session?.unlocked.deskKeys.values() ?? [])][0]?.secretKey;
    expect(key?.some((b) => b !== 0)).toBe(true);
    test.advance(29 * 60_000);
    expect((await client.get('/admin')).status).toBe(200);
    test.advance(30 * 60_000);
    const after = await client.get('/admin');
    expect(after.headers.get('location')).toBe('/admin/login');
    expect(key?.every((b) => b === 0)).toBe(true);
  });

  it('end after 8 hours even when used all along', async () => {
    const { test, client } = await loggedIn();
    for (let i = 0; i < 16; i++) {
      test.advance(29 * 60_000);
      expect((await client.get('/admin')).status).toBe(200);
    }
    test.advance(29 * 60_000);
    expect((await client.get('/admin')).headers.get('location')).toBe('/admin/login');
  });

  it('end at logout: the old cookie opens nothing and the keys are wiped', async () => {
    const { test, client } = await loggedIn();
    const token = client.cookie ?? '';
    const key = [...(test.sessions.get(token)?.unlocked.deskKeys.values() ?? [])][0]?.secretKey;
    await client.post('/admin/logout', {});
    expect(key?.every((b) => b === 0)).toBe(true);
    const stale = new DeskClient(test.app);
    stale.cookie = token;
    expect((await stale.get('/admin')).headers.get('location')).toBe('/admin/login');
  });

  it('send an expired session posting a form back to login, and apply nothing', async () => {
    const { test, client } = await loggedIn();
    const { tipId } = await tip(test, 'status should stay new');
    await client.get(`/admin/tips/${tipId}`);
    test.advance(31 * 60_000);
    const response = await client.post(`/admin/tips/${tipId}/triage`, {
      status: 'closed',
      assignee: 'none',
      priority: 'normal',
      labels: '',
    });
    expect(response.status).toBe(401);
    expect(client.lastHtml).toContain('Your session ended');
    expect((await test.deps.store.getTip(tipId))?.status).toBe('new');
  });

  it('end when the passphrase changes, and the new passphrase works', async () => {
    const { test, client, secret } = await loggedIn();
    await client.get('/admin/account');
    const changed = await client.post('/admin/account/passphrase', {
      current: PASSPHRASE_TEXT,
      passphrase: 'a brand new long passphrase',
      passphrase2: 'a brand new long passphrase',
    });
    expect(changed.status).toBe(200);
    expect(test.sessions.count()).toBe(0);
    const again = new DeskClient(test.app);
    const response = await logIn(test, again, secret, 'ana', 'a brand new long passphrase');
    expect(response.headers.get('location')).toBe('/admin');
  });
});

describe('CSRF protection on /admin', () => {
  it('refuses a state-changing post without the session token and changes nothing', async () => {
    const { test, client } = await loggedIn();
    const { tipId } = await tip(test, 'csrf target');
    const response = await client.post(
      `/admin/tips/${tipId}/triage`,
      { status: 'spam', assignee: 'none', priority: 'normal', labels: '' },
      { csrf: null },
    );
    expect(response.status).toBe(403);
    expect((await test.deps.store.getTip(tipId))?.status).toBe('new');
  });

  it('refuses a post carrying another session’s token', async () => {
    const { test, client, secret } = await loggedIn();
    const other = new DeskClient(test.app);
    await logIn(test, other, secret);
    const othersToken = other.csrf();
    expect(othersToken).toBeDefined();
    const { tipId } = await tip(test, 'csrf target');
    await client.get('/admin');
    expect(client.csrf()).not.toBe(othersToken);
    const response = await client.post(
      `/admin/tips/${tipId}/triage`,
      { status: 'spam', assignee: 'none', priority: 'normal', labels: '' },
      { csrf: othersToken ?? '' },
    );
    expect(response.status).toBe(403);
    expect((await test.deps.store.getTip(tipId))?.status).toBe('new');
  });

  it('refuses a post from another origin even with the right token', async () => {
    const { test, client } = await loggedIn();
    const { tipId } = await tip(test, 'csrf target');
    await client.get('/admin');
    const response = await client.post(
      `/admin/tips/${tipId}/triage`,
      { status: 'spam', assignee: 'none', priority: 'normal', labels: '' },
      { origin: 'https://evil.example' },
    );
    expect(response.status).toBe(403);
    expect((await test.deps.store.getTip(tipId))?.status).toBe('new');
  });

  it('refuses a post the browser marks as cross-site, even with the right token', async () => {
    const { test, client } = await loggedIn();
    const { tipId } = await tip(test, 'csrf target');
    await client.get('/admin');
    const body = new URLSearchParams({
      status: 'spam',
      assignee: 'none',
      priority: 'normal',
      labels: '',
      _csrf: client.csrf() ?? '',
    });
    const response = await test.app.request(`http://localhost/admin/tips/${tipId}/triage`, {
      method: 'POST',
      body,
      headers: {
        'content-type': 'application/x-www-form-urlencoded',
        'sec-fetch-site': 'cross-site',
        origin: 'null',
        cookie: `__Host-tipline-desk=${client.cookie ?? ''}`,
      },
    });
    expect(response.status).toBe(403);
    expect((await test.deps.store.getTip(tipId))?.status).toBe('new');
  });

  it('changes nothing on GET: the triage route does not answer GET', async () => {
    const { test, client } = await loggedIn();
    const { tipId } = await tip(test, 'get target');
    const response = await client.get(`/admin/tips/${tipId}/triage?status=spam`);
    expect(response.status).toBe(404);
    expect((await test.deps.store.getTip(tipId))?.status).toBe('new');
  });
});

describe('roles', () => {
  it('keep people, keys and the audit log for admins', async () => {
    const { test, client } = await loggedIn();
    const bea = await addReviewer(test, client, 'bea');
    expect((await bea.client.get('/admin/people')).status).toBe(403);
    expect((await bea.client.get('/admin/audit')).status).toBe(403);
    await bea.client.get('/admin');
    const invite = await bea.client.post('/admin/people/invite', {});
    expect(invite.status).toBe(403);
    expect(await test.deps.store.listInvitations()).toHaveLength(1);
  });

  it('let an invited reviewer read nothing until an admin grants the desk key', async () => {
    const { test, client } = await loggedIn();
    const { tipId } = await tip(test, 'MARKER only for granted eyes');
    const cy = await addReviewer(test, client, 'cy', false);
    await cy.client.get('/admin');
    expect(cy.client.lastHtml).toContain('You hold no desk key yet');
    expect((await cy.client.get(`/admin/tips/${tipId}`)).status).toBe(403);
    await client.get('/admin/people');
    await client.post(`/admin/people/${cy.id}/grant`, {});
    // the grant reaches cy at the next login
    const again = new DeskClient(test.app);
    await logIn(test, again, cy.secret, 'cy', 'cy has a long passphrase');
    await again.get(`/admin/tips/${tipId}`);
    expect(again.lastHtml).toContain('MARKER only for granted eyes');
  });

  it('end a revoked reviewer’s sessions at once and rotate the desk key', async () => {
    const { test, client } = await loggedIn();
    const bea = await addReviewer(test, client, 'bea');
    const beaAgain = new DeskClient(test.app);
    await logIn(test, beaAgain, bea.secret, 'bea', 'bea has a long passphrase');
    expect((await beaAgain.get('/admin')).status).toBe(200);
    const keysBefore = (await test.deps.store.listDeskKeys()).length;
    await client.get('/admin/people');
    await client.post(`/admin/people/${bea.id}/revoke`, { rotate: 'yes' });
    expect((await beaAgain.get('/admin')).headers.get('location')).toBe('/admin/login');
    expect((await test.deps.store.listDeskKeys()).length).toBe(keysBefore + 1);
    const relogin = await new DeskClient(test.app).post(
      '/admin/login',
      { name: 'bea', passphrase: 'bea has a long passphrase', code: '' },
      { csrf: null },
    );
    expect(relogin.status).toBe(401);
  });

  it('let an admin reset a reviewer’s second factor: the old codes stop working', async () => {
    const { test, client } = await loggedIn();
    const bea = await addReviewer(test, client, 'bea');
    await client.get('/admin/people');
    await client.post(`/admin/people/${bea.id}/totp-reset`, {});
    const handed = /<code>([A-Z2-7]+)<\/code>/.exec(client.lastHtml)?.[1] ?? '';
    expect(handed).toMatch(/^[A-Z2-7]{32}$/);
    test.advance(30_000);
    const old = await new DeskClient(test.app).post(
      '/admin/login',
      {
        name: 'bea',
        passphrase: 'bea has a long passphrase',
        code: totpCodeAt(bea.secret, test.now()),
      },
      { csrf: null },
    );
    expect(old.status).toBe(401);
    const fresh = await new DeskClient(test.app).post(
      '/admin/login',
      {
        name: 'bea',
        passphrase: 'bea has a long passphrase',
        code: totpCodeAt(handed, test.now()),
      },
      { csrf: null },
    );
    expect(fresh.headers.get('location')).toBe('/admin');
  });
});

describe('the inbox and triage', () => {
  it('lists tips newest first, 50 to a page, with a decrypted one-line summary', async () => {
    const { test, client, secret } = await loggedIn();
    for (let i = 0; i < 55; i++) {
      test.advance(3_600_000);
      await tip(test, `tip number ${i}`);
    }
    // hours passed while the tips arrived: a fresh login
    await logIn(test, client, secret);
    await client.get('/admin');
    expect(client.lastHtml).toContain('55 tips');
    expect(client.lastHtml.indexOf('tip number 54')).toBeLessThan(
      client.lastHtml.indexOf('tip number 53'),
    );
    expect(client.lastHtml).not.toContain('tip number 4<');
    await client.get('/admin?page=2');
    expect(client.lastHtml).toContain('tip number 4<');
  });

  it('filters by status, channel, label, language, danger and search', async () => {
    const { test, client } = await loggedIn();
    const a = await tip(test, 'alpha passports taken', {
      language: 'ru',
      fields: { message: 'alpha passports taken', danger: true },
    });
    await tip(test, 'bravo nothing special');
    await submitTip(test.deps, {
      channel: 'telegram',
      language: 'vi',
      fields: { message: 'charlie by bot' },
      replyRoute: { kind: 'telegram', chatId: '42' },
    });
    await client.get(`/admin/tips/${a.tipId}`);
    await client.post(`/admin/tips/${a.tipId}/triage`, {
      status: 'escalated',
      assignee: 'none',
      priority: 'high',
      labels: 'Bor, mine',
    });
    const rows = async (query: string) => {
      await client.get(`/admin?${query}`);
      return ['alpha', 'bravo', 'charlie'].filter((w) => client.lastHtml.includes(`>${w}`));
    };
    expect(await rows('status=escalated')).toEqual(['alpha']);
    expect(await rows('channel=telegram')).toEqual(['charlie']);
    expect(await rows('label=bor')).toEqual(['alpha']);
    expect(await rows('language=vi')).toEqual(['charlie']);
    expect(await rows('danger=yes')).toEqual(['alpha']);
    expect(await rows('q=NOTHING%20SPECIAL')).toEqual(['bravo']);
  });

  it('shows a tip that fails to decrypt as damaged and keeps the rest working', async () => {
    const { test, client, secret } = await loggedIn();
    const broken = await tip(test, 'will be damaged');
    test.advance(3_600_000);
    await tip(test, 'still fine');
    const db = new Database(join(test.dataDir, 'tipline.db'));
    db.prepare("UPDATE tips SET envelope = X'00112233' WHERE id = ?").run(broken.tipId);
    db.close();
    await logIn(test, client, secret);
    await client.get('/admin');
    expect(client.lastHtml).toContain('Damaged: this tip cannot be decrypted.');
    expect(client.lastHtml).toContain('still fine');
  });

  it('applies a bulk change to the selected tips, and nothing at all when one id is bad', async () => {
    const { test, client } = await loggedIn();
    const one = await tip(test, 'one');
    const two = await tip(test, 'two');
    await client.get('/admin');
    const bad = await client.post('/admin/tips/bulk', {
      tip: [one.tipId, 'f'.repeat(32)],
      status: 'spam',
      assignee: '',
      label: '',
    });
    expect(bad.status).toBe(404);
    expect((await test.deps.store.getTip(one.tipId))?.status).toBe('new');
    await client.get('/admin');
    const ana = await test.deps.store.getReviewerByName('ana');
    const good = await client.post('/admin/tips/bulk', {
      tip: [one.tipId, two.tipId],
      status: 'in_review',
      assignee: ana?.id ?? '',
      label: 'Trafficking',
    });
    expect(good.status).toBe(303);
    for (const id of [one.tipId, two.tipId]) {
      expect(await test.deps.store.getTip(id)).toMatchObject({
        status: 'in_review',
        assigneeId: ana?.id,
      });
    }
    await client.get('/admin?label=trafficking');
    expect(client.lastHtml).toContain('2 tips');
  });

  it('refuses labels that are too long or too many, and changes nothing', async () => {
    const { test, client } = await loggedIn();
    const { tipId } = await tip(test, 'labels');
    await client.get(`/admin/tips/${tipId}`);
    const long = await client.post(`/admin/tips/${tipId}/triage`, {
      status: 'closed',
      assignee: 'none',
      priority: 'normal',
      labels: 'x'.repeat(41),
    });
    expect(long.status).toBe(413);
    const many = await client.post(`/admin/tips/${tipId}/triage`, {
      status: 'closed',
      assignee: 'none',
      priority: 'normal',
      labels: Array.from({ length: 11 }, (_, i) => `l${i}`).join(','),
    });
    expect(many.status).toBe(413);
    expect(await test.deps.store.getTip(tipId)).toMatchObject({ status: 'new', triage: null });
  });

  it('seals notes and labels: neither is readable on disk', async () => {
    const { test, client } = await loggedIn();
    const { tipId } = await tip(test, 'notes');
    await client.get(`/admin/tips/${tipId}`);
    await client.post(`/admin/tips/${tipId}/triage`, {
      status: 'in_review',
      assignee: 'none',
      priority: 'urgent',
      labels: 'MARKER-LABEL-Bor',
    });
    await client.get(`/admin/tips/${tipId}`);
    await client.post(`/admin/tips/${tipId}/notes`, { text: 'MARKER-NOTE called the shelter' });
    await client.get(`/admin/tips/${tipId}`);
    expect(client.lastHtml).toContain('MARKER-NOTE called the shelter');
    expect(client.lastHtml).toContain('MARKER-LABEL-Bor');
    expect(scanForBytes(test.dataDir, 'MARKER-NOTE')).toEqual([]);
    expect(scanForBytes(test.dataDir, 'MARKER-LABEL')).toEqual([]);
  });

  it('escapes HTML in tip text instead of injecting it', async () => {
    const { test, client } = await loggedIn();
    const { tipId } = await tip(test, '<script>alert(1)</script><img src=x>');
    await client.get(`/admin/tips/${tipId}`);
    expect(client.lastHtml).not.toContain('<script>alert(1)');
    expect(client.lastHtml).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
  });

  it('serves attachments as downloads with a server-made name, never inline', async () => {
    const { test, client } = await loggedIn();
    const png = await sharp({ create: { width: 4, height: 4, channels: 3, background: 'red' } })
      .png()
      .toBuffer();
    const { tipId } = await submitTip(
      test.deps,
      submission('with file', {
        attachments: [{ name: '<evil>.png', mediaType: 'image/png', bytes: new Uint8Array(png) }],
      }),
    );
    await client.get(`/admin/tips/${tipId}`);
    const href =
      /href="(\/admin\/tips\/[^"]+\/attachments\/[^"]+)"/.exec(client.lastHtml)?.[1] ?? '';
    const response = await client.get(href);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-disposition')).toBe(
      `attachment; filename="tip-${tipId.slice(0, 8)}-1.png"`,
    );
    expect(response.headers.get('content-type')).toBe('application/octet-stream');
    expect(response.headers.get('x-content-type-options')).toBe('nosniff');
    expect(new Uint8Array(await response.arrayBuffer()).slice(1, 4)).toEqual(
      new TextEncoder().encode('PNG'),
    );
  });
});

describe('replies from the desk', () => {
  it('reach a web tipster in her /inbox with her codename', async () => {
    const { test, client } = await loggedIn();
    const { tipId, codename } = await tip(test, 'please answer');
    await addFollowUp(test.deps, codename, 'one more thing');
    await client.get(`/admin/tips/${tipId}`);
    expect(client.lastHtml).toContain('one more thing');
    const sent = await client.post(`/admin/tips/${tipId}/reply`, { text: 'We read your report.' });
    expect(sent.headers.get('location')).toBe(`/admin/tips/${tipId}?done=reply`);
    const view = await openInbox(test.deps, codename);
    expect(view.entries.map((e) => [e.from, e.text])).toEqual([
      ['you', 'one more thing'],
      ['staff', 'We read your report.'],
    ]);
  });

  it('go to a Telegram tipster through the bot, with the chat id opened only from the envelope', async () => {
    const delivered: { chatId: string; text: string; language: string }[] = [];
    const { test, client } = await loggedIn({
      telegram: {
        deliverReply: (route, text, language) => {
          delivered.push({ chatId: route.chatId, text, language });
          return Promise.resolve();
        },
      },
    });
    const { tipId } = await submitTip(test.deps, {
      channel: 'telegram',
      language: 'vi',
      fields: { message: 'from the bot' },
      replyRoute: { kind: 'telegram', chatId: '5550001112' },
    });
    await client.get(`/admin/tips/${tipId}`);
    await client.post(`/admin/tips/${tipId}/reply`, { text: 'Chúng tôi đã đọc.' });
    expect(delivered).toEqual([
      { chatId: '5550001112', text: 'Chúng tôi đã đọc.', language: 'vi' },
    ]);
    expect((await test.deps.store.listMessages(tipId)).map((m) => m.kind)).toEqual(['reply']);
  });
});

describe('the audit log view', () => {
  it('shows the chain intact, then names the entry someone edited in the database', async () => {
    const { test, client } = await loggedIn();
    const { tipId } = await tip(test, 'audited');
    await client.get(`/admin/tips/${tipId}`);
    await client.get('/admin/audit');
    expect(client.lastHtml).toContain('The chain is intact');
    expect(client.lastHtml).toContain('tip.view');
    const db = new Database(join(test.dataDir, 'tipline.db'));
    db.prepare("UPDATE audit_log SET actor = 'someone-else' WHERE sequence = 2").run();
    db.close();
    await client.get('/admin/audit');
    expect(client.lastHtml).toContain('The chain is broken at entry 2.');
  });
});

describe('first run through the browser', () => {
  it('creates the desk and admin from the one-time link, shows the recovery key once and requires confirming it', async () => {
    const test = await createDeskTest({ initialise: false });
    const token = test.firstRun?.value ?? '';
    const client = new DeskClient(test.app);
    expect((await client.get('/admin/setup?token=wrong')).status).toBe(404);
    await client.get(`/admin/setup?token=${token}`);
    const mismatch = await client.post(
      '/admin/setup',
      {
        token,
        name: 'ana',
        passphrase: 'first admin passphrase',
        passphrase2: 'something else entirely',
      },
      { csrf: null },
    );
    expect(mismatch.status).toBe(400);
    const created = await client.post(
      '/admin/setup',
      {
        token,
        name: 'ana',
        passphrase: 'first admin passphrase',
        passphrase2: 'first admin passphrase',
      },
      { csrf: null },
    );
    expect(created.status).toBe(200);
    const recoveryKey = /id="recovery-key">\s*([^<]+?)\s*</.exec(client.lastHtml)?.[1] ?? '';
    expect(recoveryKey).toMatch(/^TLRK1-/);
    expect((await client.post('/admin/setup/confirm', {})).status).toBe(400);
    const confirmed = await client.post('/admin/setup/confirm', { saved: 'yes' });
    expect(confirmed.headers.get('location')).toBe('/admin/enrol');
    await client.get('/admin/enrol');
    expect(client.lastHtml).not.toContain(recoveryKey);
    // the link is spent
    expect((await new DeskClient(test.app).get(`/admin/setup?token=${token}`)).status).toBe(404);
    expect((await test.deps.store.listReviewers()).map((r) => r.name)).toEqual(['ana']);
  });
});
