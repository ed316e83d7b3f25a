import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { createFirstRunToken, totpCodeAt } from '../../src/core/index.js';
import { createTestDeps, scanForBytes } from '../helpers.js';
import { hasChromium, launchChromium, startTestServer } from './browser-harness.js';

const ADMIN_PASSPHRASE = 'a long admin passphrase for the desk';

// The whole story in headless Chromium: first-run setup, a tip through the web form, login with
// TOTP, triage, a reply, and the tipster reading it in /inbox with her codename.
describe.skipIf(!hasChromium)('the reviewer desk in a real browser', () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser?.close();
  });

  async function submitForm(page: Page) {
    await Promise.all([page.waitForNavigation(), page.click('main button[type=submit]')]);
  }

  it('walks from first-run setup to a reply the tipster reads in her inbox', async () => {
    const ctx = await createTestDeps();
    const { deps } = ctx;
    let now = deps.clock();
    const firstRun = createFirstRunToken(deps);
    const server = await startTestServer(deps, { desk: { firstRun } });
    const admin = await browser.newContext({ javaScriptEnabled: false });
    const tipster = await browser.newContext({ javaScriptEnabled: false });
    const cspErrors: string[] = [];
    try {
      // first run: desk, first admin, recovery key confirmed, TOTP enrolled
      const desk = await admin.newPage();
      desk.on('console', (m) => {
        // the favicon 404 is expected; a CSP refusal is not
        if (m.type() === 'error' && /Content Security Policy|Refused to/.test(m.text()))
          cspErrors.push(m.text());
      });
      await desk.goto(`${server.origin}/admin/setup?token=${firstRun.value}`);
      await desk.fill('#name', 'ana');
      await desk.fill('#passphrase', ADMIN_PASSPHRASE);
      await desk.fill('#passphrase2', ADMIN_PASSPHRASE);
      await submitForm(desk);
      expect((await desk.textContent('#recovery-key'))?.trim()).toMatch(/^TLRK1-/);
      await desk.check('input[name=saved]');
      await submitForm(desk);
      const secret = (await desk.textContent('#totp-secret'))?.trim() ?? '';
      expect(await desk.locator('.qr svg').count()).toBe(1);
      await desk.fill('#code', totpCodeAt(secret, deps.clock()));
      await submitForm(desk);
      expect(new URL(desk.url()).pathname).toBe('/admin');
      const cookies = await admin.cookies();
      expect(cookies).toEqual([
        expect.objectContaining({
          name: '__Host-tipline-desk',
          httpOnly: true,
          secure: true,
          sameSite: 'Strict',
        }),
      ]);
      await Promise.all([desk.waitForNavigation(), desk.click('header button')]);
      expect(new URL(desk.url()).pathname).toBe('/admin/login');

      // a tip arrives through the web form, JavaScript off
      const form = await tipster.newPage();
      await form.goto(`${server.origin}/?lang=en`);
      await form.fill('#message', 'DESK-BROWSER-MARKER they took our passports at the mine');
      await form.selectOption('#country', 'RS');
      await submitForm(form);
      const codename = (await form.textContent('#receipt'))?.trim() ?? '';
      expect(codename).toMatch(/^\d{4}( \d{4}){4}$/);

      // login with name, passphrase and a TOTP code from a later time step
      now += 60_000;
      ctx.setNow(now);
      await desk.fill('#name', 'ana');
      await desk.fill('#passphrase', ADMIN_PASSPHRASE);
      await desk.fill('#code', totpCodeAt(secret, deps.clock()));
      await submitForm(desk);
      expect(new URL(desk.url()).pathname).toBe('/admin');
      expect(await desk.textContent('table.tips')).toContain('DESK-BROWSER-MARKER');

      // triage: status, priority, labels
      await Promise.all([desk.waitForNavigation(), desk.click('table.tips a')]);
      await desk.selectOption('select[name=status]', 'in_review');
      await desk.selectOption('select[name=priority]', 'high');
      await desk.fill('input[name=labels]', 'passports, Bor');
      await Promise.all([desk.waitForNavigation(), desk.click('form[action$="/triage"] button')]);
      expect(await desk.inputValue('input[name=labels]')).toBe('passports, Bor');
      expect(await desk.inputValue('select[name=status]')).toBe('in_review');

      // reply
      await desk.fill('#reply', 'DESK-REPLY-MARKER we read your report and will help');
      await Promise.all([desk.waitForNavigation(), desk.click('form[action$="/reply"] button')]);
      expect(await desk.textContent('main')).toContain('Reply sent.');
      expect(await desk.textContent('.thread')).toContain('DESK-REPLY-MARKER');

      // the tipster reads it with her codename
      await form.goto(`${server.origin}/inbox?lang=en`);
      await form.fill('#codename', codename);
      await submitForm(form);
      expect(await form.textContent('#thread')).toContain(
        'DESK-REPLY-MARKER we read your report and will help',
      );
      expect(await tipster.cookies()).toEqual([]);

      expect(cspErrors).toEqual([]);
      for (const marker of ['DESK-BROWSER-MARKER', 'DESK-REPLY-MARKER', 'passports, Bor', secret]) {
        expect(scanForBytes(ctx.dataDir, marker), marker).toEqual([]);
        expect(
          ctx.logLines.filter((l) => l.includes(marker)),
          marker,
        ).toEqual([]);
      }
    } finally {
      await admin.close();
      await tipster.close();
      await server.close();
    }
  });
});
