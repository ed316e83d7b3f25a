import { mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { initialiseDesk } from '../../src/core/index.js';
import { CATALOGS } from '../../src/i18n/catalogs.js';
import { createTestDeps, PASSPHRASE } from '../helpers.js';
import { hasChromium, launchChromium, startTestServer } from './browser-harness.js';

// Arabic, Persian and Urdu are written right to left: the page must say so, mirror its layout, and stay usable on a
// small phone (360 px) with JavaScript off.
describe.skipIf(!hasChromium)('the right-to-left forms in a real browser', () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser?.close();
  });

  it.each(['ar', 'fa', 'ur'] as const)(
    '%s is right to left, mirrored, usable at 360 px without horizontal scrolling, and breaks no CSP rule',
    async (tag) => {
      const { deps } = await createTestDeps();
      await initialiseDesk(deps, { reviewerName: 'ana', passphrase: PASSPHRASE });
      const server = await startTestServer(deps);
      const context = await browser.newContext({
        javaScriptEnabled: false,
        viewport: { width: 360, height: 740 },
      });
      const page = await context.newPage();
      const cspErrors: string[] = [];
      page.on('console', (m) => {
        if (m.type() === 'error' && /Content Security Policy|Refused to/.test(m.text()))
          cspErrors.push(m.text());
      });
      try {
        await page.goto(`${server.origin}/?lang=${tag}`);
        const shots = process.env.DESK_SCREENSHOT_DIR ?? join(tmpdir(), 'tipline-desk-look');
        mkdirSync(shots, { recursive: true });
        await page.screenshot({ path: join(shots, `form-${tag}-360.png`), fullPage: true });
        expect(await page.getAttribute('html', 'lang')).toBe(tag);
        expect(await page.getAttribute('html', 'dir')).toBe('rtl');
        expect(
          await page.evaluate<number>(
            'document.documentElement.scrollWidth - document.documentElement.clientWidth',
          ),
        ).toBeLessThanOrEqual(0);
        // mirrored: the site name starts at the right edge, the quick exit sits on the left
        const site = await page.locator('.bar .site').boundingBox();
        const exit = await page.locator('#quick-exit').boundingBox();
        expect(site && exit && site.x > exit.x).toBe(true);
        const direction = await page.evaluate<string>(
          'getComputedStyle(document.querySelector("#message")).direction',
        );
        expect(direction).toBe('rtl');
        // every field of the form is shown and fits the screen's width
        for (const field of ['#message', '#country', '#place', '#when']) {
          const input = page.locator(field);
          expect(await input.isVisible(), field).toBe(true);
          const at = await input.boundingBox();
          expect(at && at.x >= 0 && at.x + at.width <= 360, field).toBe(true);
        }
        // the submit button can be reached and lies wholly inside the screen's width
        const submit = page.locator('#tip-form button[type=submit]');
        await submit.scrollIntoViewIfNeeded();
        expect(await submit.isVisible()).toBe(true);
        const box = await submit.boundingBox();
        expect(box && box.x >= 0 && box.x + box.width <= 360).toBe(true);
        expect(await submit.textContent()).toContain(CATALOGS[tag]['form.submit']);

        await page.fill('#message', 'أخذوا جوازات سفرنا في المزرعة');
        await Promise.all([page.waitForNavigation(), submit.click()]);
        expect((await page.textContent('#receipt'))?.trim()).toMatch(/^\d{4}( \d{4}){4}$/);
        expect(await page.getAttribute('html', 'dir')).toBe('rtl');
        expect(await page.getAttribute('html', 'lang')).toBe(tag);
        expect(cspErrors).toEqual([]);
      } finally {
        await context.close();
        await server.close();
      }
    },
  );
});
