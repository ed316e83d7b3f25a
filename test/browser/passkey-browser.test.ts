import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { createFirstRunToken, totpCodeAt } from '../../src/core/index.js';
import { createTestDeps } from '../helpers.js';
import { hasChromium, launchChromium, startTestServer } from './browser-harness.js';

const PASSPHRASE = 'a long admin passphrase for the desk';

// Passkeys in headless Chromium on a CDP virtual authenticator: register one on the account
// page, log in with it, and require passkeys for everyone.
describe.skipIf(!hasChromium)('passkeys in a real browser', () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser?.close();
  });

  const submit = (page: Page, selector = 'main button[type=submit]') =>
    Promise.all([page.waitForNavigation(), page.click(selector)]);

  it('registers a passkey on the account page and logs in with it', async () => {
    const ctx = await createTestDeps();
    const { deps } = ctx;
    const firstRun = createFirstRunToken(deps);
    const server = await startTestServer(deps, { desk: { firstRun }, passkeys: true });
    const context = await browser.newContext();
    const cspErrors: string[] = [];
    try {
      const page = await context.newPage();
      page.on('console', (m) => {
        if (m.type() === 'error' && /Content Security Policy|Refused to/.test(m.text()))
          cspErrors.push(m.text());
      });
      const cdp = await context.newCDPSession(page);
      await cdp.send('WebAuthn.enable');
      const { authenticatorId } = await cdp.send('WebAuthn.addVirtualAuthenticator', {
        options: {
          protocol: 'ctap2',
          transport: 'internal',
          hasResidentKey: true,
          hasUserVerification: true,
          isUserVerified: true,
        },
      });

      // first run with TOTP, as before
      await page.goto(`${server.origin}/admin/setup?token=${firstRun.value}`);
      await page.fill('#name', 'ana');
      await page.fill('#passphrase', PASSPHRASE);
      await page.fill('#passphrase2', PASSPHRASE);
      await submit(page);
      await page.check('input[name=saved]');
      await submit(page);
      const secret = (await page.textContent('#totp-secret'))?.trim() ?? '';
      await page.fill('#code', totpCodeAt(secret, deps.clock()));
      await submit(page, 'main form[action="/admin/enrol"] button');
      expect(new URL(page.url()).pathname).toBe('/admin');

      // register a passkey on the account page
      await page.goto(`${server.origin}/admin/account`);
      await page.fill('#passkey-label', 'virtual key');
      await submit(page, '#passkey-add button');
      await page.waitForSelector('form[data-passkey-ready=yes]');
      await submit(page, 'form[data-passkey] button');
      expect(new URL(page.url()).search).toBe('?done=passkey');
      expect(await page.textContent('#passkeys')).toContain('virtual key');
      const { credentials } = await cdp.send('WebAuthn.getCredentials', { authenticatorId });
      expect(credentials).toHaveLength(1);

      // log out, then log in with name, passphrase and the passkey (code left empty)
      await submit(page, 'header button');
      await page.fill('#name', 'ana');
      await page.fill('#passphrase', PASSPHRASE);
      await submit(page);
      expect(new URL(page.url()).pathname).toBe('/admin/login');
      await page.waitForSelector('form[data-passkey-ready=yes]');
      await submit(page, 'form[data-passkey] button');
      expect(new URL(page.url()).pathname).toBe('/admin');
      const audit = await deps.store.listAudit(0, 1000);
      expect(audit.at(-1)).toMatchObject({ action: 'login', detail: 'passkey' });

      // require passkeys: a TOTP code no longer logs ana in; the passkey step does
      await page.goto(`${server.origin}/admin/people`);
      await submit(page, '#passkey-policy button');
      expect(await page.textContent('#passkey-policy')).toContain('Passkeys are required.');
      await submit(page, 'header button');
      ctx.setNow(deps.clock() + 60_000);
      await page.fill('#name', 'ana');
      await page.fill('#passphrase', PASSPHRASE);
      await page.fill('#code', totpCodeAt(secret, deps.clock()));
      await submit(page);
      expect(await page.textContent('h1')).toBe('Confirm with your passkey');
      await page.goto(`${server.origin}/admin`);
      expect(new URL(page.url()).pathname).toBe('/admin/login');
      expect(cspErrors).toEqual([]);
    } finally {
      await context.close();
      await server.close();
    }
  });
});
