import { describe, expect, it } from 'vitest';
import { createSoftAuthenticator, type SoftAuthenticator } from '../../core/soft-authenticator.js';
import {
  createDeskTest,
  DeskClient,
  enrolAndLogIn,
  logIn,
  ORIGIN,
  PASSPHRASE_TEXT,
  type DeskTest,
} from './desk-harness.js';

const RP_ID = 'localhost';

const unescape = (text: string) =>
  text
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&amp;/g, '&');

/** The challenge in the ceremony options the last page carried. */
function challengeOf(client: DeskClient): string {
  const raw = /data-passkey-options="([^"]+)"/.exec(client.lastHtml)?.[1];
  if (!raw) throw new Error('no ceremony options on the page');
  return (JSON.parse(unescape(raw)) as { challenge: string }).challenge;
}

async function registerPasskey(client: DeskClient, key: SoftAuthenticator, label = 'usb key') {
  await client.post('/admin/passkey/begin', { label });
  return client.post('/admin/passkey/finish', {
    label,
    response: key.register({ challenge: challengeOf(client), origin: ORIGIN, rpId: RP_ID }),
  });
}

async function logOut(client: DeskClient) {
  await client.get('/admin/account');
  await client.post('/admin/logout', {});
}

/** The passphrase step with an empty code; returns the pending login's token and challenge. */
async function passphraseStep(client: DeskClient) {
  const response = await client.post('/admin/login', {
    name: 'ana',
    passphrase: PASSPHRASE_TEXT,
    code: '',
  });
  expect(response.status).toBe(200);
  const token = /name="token" value="([^"]+)"/.exec(client.lastHtml)?.[1] ?? '';
  return { token, challenge: challengeOf(client) };
}

async function anaWithPasskey(): Promise<{
  test: DeskTest;
  client: DeskClient;
  key: SoftAuthenticator;
  secret: string;
}> {
  const test = await createDeskTest({ passkeys: true });
  const client = new DeskClient(test.app);
  const secret = await enrolAndLogIn(test, client);
  const key = createSoftAuthenticator();
  const added = await registerPasskey(client, key);
  expect(added.headers.get('location')).toBe('/admin/account?done=passkey');
  await logOut(client);
  return { test, client, key, secret };
}

describe('passkeys on the desk', () => {
  it('registers a passkey on the account page and logs in with passphrase, then passkey', async () => {
    const { client, key } = await anaWithPasskey();
    const { token, challenge } = await passphraseStep(client);
    expect(client.cookie).toBeUndefined();
    const done = await client.post('/admin/login/passkey', {
      token,
      response: key.assert({ challenge, origin: ORIGIN, rpId: RP_ID }),
    });
    expect(done.headers.get('location')).toBe('/admin');
    expect((await client.get('/admin')).status).toBe(200);
    expect((await client.get('/admin/account')).status).toBe(200);
    expect(client.lastHtml).toContain('usb key');
  });

  it('refuses an assertion from a foreign origin exactly like a wrong passphrase', async () => {
    const { test, client, key } = await anaWithPasskey();
    const wrongPassphrase = await client.post('/admin/login', {
      name: 'ana',
      passphrase: 'not the passphrase at all',
      code: '',
    });
    const wrongText = client.lastHtml;
    const { token, challenge } = await passphraseStep(client);
    const refused = await client.post('/admin/login/passkey', {
      token,
      name: 'ana',
      response: key.assert({ challenge, origin: 'http://localhost.evil', rpId: RP_ID }),
    });
    expect(refused.status).toBe(wrongPassphrase.status);
    expect(client.lastHtml).toBe(wrongText);
    expect(client.cookie).toBeUndefined();
    const audit = await test.deps.store.listAudit(0, 1000);
    expect(audit.at(-1)?.action).toBe('login.failed');
  });

  it('keeps the one-step TOTP login for a reviewer who has TOTP and types a code', async () => {
    const test = await createDeskTest({ passkeys: true });
    const client = new DeskClient(test.app);
    const secret = await enrolAndLogIn(test, client);
    await registerPasskey(client, createSoftAuthenticator());
    await logOut(client);
    const response = await logIn(test, client, secret);
    expect(response.headers.get('location')).toBe('/admin');
    expect((await client.get('/admin')).status).toBe(200);
  });

  it('makes a TOTP-only reviewer register a passkey at the next login once an admin requires it', async () => {
    const test = await createDeskTest({ passkeys: true });
    const client = new DeskClient(test.app);
    const secret = await enrolAndLogIn(test, client);
    await client.get('/admin/people');
    expect(client.lastHtml).toContain('id="passkey-policy"');
    await client.post('/admin/people/passkeys', { required: 'on' });
    await logOut(client);
    const login = await logIn(test, client, secret);
    expect(login.headers.get('location')).toBe('/admin/passkey');
    expect((await client.get('/admin')).headers.get('location')).toBe('/admin/passkey');
    expect((await client.get('/admin/passkey')).status).toBe(200);
    expect(client.lastHtml).toContain('This desk requires a passkey');
    const done = await registerPasskey(client, createSoftAuthenticator());
    expect(done.headers.get('location')).toBe('/admin');
    expect((await client.get('/admin')).status).toBe(200);
  });

  it('sends a reviewer with a passkey to the passkey step, not in, when passkeys are required and she gives a code', async () => {
    const { test, client } = await anaWithPasskey();
    const first = await passphraseStep(client);
    expect(first.token).not.toBe('');
    await test.deps.store.setMeta('passkeys.required', new Uint8Array([1]));
    test.advance(30_000);
    const response = await client.post('/admin/login', {
      name: 'ana',
      passphrase: PASSPHRASE_TEXT,
      code: '123456',
    });
    expect(response.status).toBe(200);
    expect(client.lastHtml).toContain('data-passkey="login"');
    expect(client.cookie).toBeUndefined();
  });

  it('lets a new reviewer enrol a passkey instead of TOTP, and then asks for it at login', async () => {
    const test = await createDeskTest({ passkeys: true });
    const client = new DeskClient(test.app);
    const first = await client.post('/admin/login', {
      name: 'ana',
      passphrase: PASSPHRASE_TEXT,
      code: '',
    });
    expect(first.headers.get('location')).toBe('/admin/enrol');
    await client.get('/admin/enrol');
    expect(client.lastHtml).toContain('id="passkey-instead"');
    const key = createSoftAuthenticator();
    const done = await registerPasskey(client, key);
    expect(done.headers.get('location')).toBe('/admin');
    expect((await client.get('/admin')).status).toBe(200);
    await logOut(client);
    const { token, challenge } = await passphraseStep(client);
    const again = await client.post('/admin/login/passkey', {
      token,
      response: key.assert({ challenge, origin: ORIGIN, rpId: RP_ID }),
    });
    expect(again.headers.get('location')).toBe('/admin');
  });

  it('allows WebAuthn by Permissions-Policy on desk pages only', async () => {
    const test = await createDeskTest({ passkeys: true });
    const desk = await test.app.request(`${ORIGIN}/admin/login`);
    const tipster = await test.app.request(`${ORIGIN}/`);
    expect(desk.headers.get('permissions-policy')).toContain('publickey-credentials-get=(self)');
    expect(tipster.headers.get('permissions-policy')).toContain('publickey-credentials-get=()');
    expect(tipster.headers.get('permissions-policy')).not.toContain('publickey-credentials-create');
  });

  it('has no passkey routes and no admin switch when TIPLINE_PUBLIC_ORIGIN is unset', async () => {
    const test = await createDeskTest();
    const client = new DeskClient(test.app);
    await enrolAndLogIn(test, client);
    await client.get('/admin/people');
    expect(client.lastHtml).not.toContain('passkey-policy');
    expect((await client.post('/admin/login/passkey', { token: 'x', response: '{}' })).status).toBe(
      404,
    );
    await client.get('/admin/account');
    expect(client.lastHtml).toContain('TIPLINE_PUBLIC_ORIGIN');
  });
});
