import { mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { initialiseDesk, submitTip, totpCodeAt, type CoreDeps } from '../../src/core/index.js';
import { createTestDeps, PASSPHRASE, submission } from '../helpers.js';
import { hasChromium, launchChromium, startTestServer } from './browser-harness.js';

/** Where the screenshots go, for a person to look at; the assertions below do not need them. */
const SHOTS = process.env.DESK_SCREENSHOT_DIR ?? join(tmpdir(), 'tipline-desk-look');
const WIDTHS = [1280, 390] as const;

interface Box {
  readonly x: number;
  readonly y: number;
  readonly width: number;
  readonly height: number;
}

async function box(page: Page, selector: string): Promise<Box> {
  const found = await page.locator(selector).first().boundingBox();
  if (!found) throw new Error(`${selector} is not on the page`);
  return found;
}

/** How many line boxes the text of each element matching `selector` takes. */
function lineCounts(page: Page, selector: string): Promise<number[]> {
  return page.evaluate<number[]>(`[...document.querySelectorAll(${JSON.stringify(selector)})]
    .map((el) => { const r = document.createRange(); r.selectNodeContents(el);
      return new Set([...r.getClientRects()].map((rect) => Math.round(rect.top))).size; })`);
}

const horizontalOverflow = (page: Page) =>
  page.evaluate<number>(
    'document.documentElement.scrollWidth - document.documentElement.clientWidth',
  );

async function logIn(page: Page, origin: string, deps: CoreDeps) {
  await page.goto(`${origin}/admin/login`);
  await page.fill('#name', 'ana');
  await page.fill('#passphrase', new TextDecoder().decode(PASSPHRASE));
  await Promise.all([page.waitForNavigation(), page.click('main button[type=submit]')]);
  const secret = (await page.textContent('#totp-secret'))?.trim() ?? '';
  await page.fill('#code', totpCodeAt(secret, deps.clock()));
  await Promise.all([page.waitForNavigation(), page.click('main button[type=submit]')]);
  expect(new URL(page.url()).pathname).toBe('/admin');
}

// The desk's look, measured: dates on one line, the triage Save button level with the labels
// field, nothing wider than a phone. Screenshots land in SHOTS for a person to check by eye.
describe.skipIf(!hasChromium)('the desk layout in a real browser', () => {
  let browser: Browser;
  beforeAll(async () => {
    mkdirSync(SHOTS, { recursive: true });
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser?.close();
  });

  /** A desk with three tips (one in Chinese, in danger), "ana" logged in at `width`. */
  async function deskAt(width: number) {
    const { deps } = await createTestDeps();
    await initialiseDesk(deps, { reviewerName: 'ana', passphrase: PASSPHRASE });
    const message = '他们拿走了我们的护照，我们在矿上工作，每天十四个小时。';
    const { tipId } = await submitTip(
      deps,
      submission(message, {
        language: 'zh-Hans',
        fields: { message, country: 'RS', place: 'Bor', danger: true },
      }),
    );
    for (const text of [
      'A van comes at night to the farm and takes the new workers away.',
      'My cousin’s employer keeps her phone and her passport.',
    ])
      await submitTip(deps, submission(text));
    const server = await startTestServer(deps);
    const context = await browser.newContext({
      javaScriptEnabled: false,
      viewport: { width, height: 900 },
    });
    const page = await context.newPage();
    await logIn(page, server.origin, deps);
    return {
      page,
      tipId,
      origin: server.origin,
      close: async () => {
        await context.close();
        await server.close();
      },
    };
  }

  it.each(WIDTHS)('keeps every inbox date on one line at %i px', async (width) => {
    const desk = await deskAt(width);
    const { page } = desk;
    try {
      await page.goto(`${desk.origin}/admin`);
      await page.screenshot({ path: join(SHOTS, `inbox-${width}.png`), fullPage: true });
      const counts = await lineCounts(page, 'table.tips td.when');
      expect(counts).toEqual([1, 1, 1]);
      expect(await page.textContent('main')).toContain('kept only to the hour');
      expect(await horizontalOverflow(page)).toBeLessThanOrEqual(0);
    } finally {
      await desk.close();
    }
  });

  it.each(WIDTHS)('sets the Save button level with the labels field at %i px', async (width) => {
    const desk = await deskAt(width);
    const { page } = desk;
    try {
      await page.goto(`${desk.origin}/admin/tips/${desk.tipId}`);
      await page.screenshot({ path: join(SHOTS, `tip-${width}.png`), fullPage: true });
      const save = await box(page, 'form[action$="/triage"] button');
      const labels = await box(page, 'form[action$="/triage"] input[name=labels]');
      if (width >= 1280) {
        // one row: the button's box starts and ends where the input's does
        expect(Math.abs(save.y - labels.y)).toBeLessThanOrEqual(1);
        expect(Math.abs(save.y + save.height - (labels.y + labels.height))).toBeLessThanOrEqual(1);
      } else {
        // a phone: the button sits below the field, as wide as it, starting at the same edge
        expect(save.y).toBeGreaterThanOrEqual(labels.y + labels.height);
        expect(Math.abs(save.x - labels.x)).toBeLessThanOrEqual(1);
        expect(Math.abs(save.width - labels.width)).toBeLessThanOrEqual(1);
      }
      const fields = (await page.textContent('dl.fields')) ?? '';
      expect(fields).toContain('简体中文');
      expect(fields).toContain('kept only to the hour');
      expect(await horizontalOverflow(page)).toBeLessThanOrEqual(0);
    } finally {
      await desk.close();
    }
  });
});
