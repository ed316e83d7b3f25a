import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { initialiseDesk } from '../../src/core/index.js';
import { createTestDeps, PASSPHRASE } from '../helpers.js';
import type { ProofOfWorkOptions } from '../../src/server/tipster/tipster-routes.js';
import {
  hasChromium,
  launchChromium,
  startTestServer,
  waitForBrowserSealing,
} from './browser-harness.js';

/** Every /static/ file the page fetched, with the encoding it came in and its size on the wire. */
function recordStatic(page: Page) {
  const files: string[] = [];
  const details: Promise<{ file: string; encoding: string | undefined; bytes: number }>[] = [];
  page.on('response', (response) => {
    const path = new URL(response.url()).pathname;
    if (!path.startsWith('/static/')) return;
    const file = path.slice('/static/'.length);
    files.push(file);
    details.push(
      response
        .finished()
        .then(() => response.request().sizes())
        .then((sizes) => ({
          file,
          encoding: response.headers()['content-encoding'],
          bytes: sizes.responseBodySize,
        })),
    );
  });
  return { files: () => [...files].sort(), details: () => Promise.all(details) };
}

describe.skipIf(!hasChromium)('what the form page loads, in a real browser', () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser?.close();
  });

  async function open(proofOfWork?: ProofOfWorkOptions) {
    const ctx = await createTestDeps();
    await initialiseDesk(ctx.deps, { reviewerName: 'ana', passphrase: PASSPHRASE });
    const server = await startTestServer(ctx.deps, proofOfWork ? { proofOfWork } : {});
    const context = await browser.newContext();
    const page = await context.newPage();
    const loaded = recordStatic(page);
    await page.goto(`${server.origin}/?lang=en`);
    await waitForBrowserSealing(page);
    return {
      ctx,
      page,
      loaded,
      close: async () => {
        await context.close();
        await server.close();
      },
    };
  }

  it('paints with a few KB of script and fetches the sealing code only once the tipster writes', async () => {
    const { ctx, page, loaded, close } = await open();
    try {
      await page.waitForLoadState('networkidle');
      expect(loaded.files()).toEqual(['quick-exit.js', 'seal-tip.js', 'tipline.css']);
      const paint = await loaded.details();
      expect(paint.reduce((sum, s) => sum + s.bytes, 0)).toBeLessThan(20 * 1024);
      for (const s of paint) expect(s.encoding, s.file).toMatch(/^(br|gzip)$/);

      await page.fill('#message', 'writing now');
      await page.waitForResponse((r) => r.url().endsWith('/static/seal-core.js'));
      await page.click('button[type=submit]');
      await page.waitForSelector('#receipt:not(:empty)');
      expect(await Promise.resolve(ctx.deps.store.countTips())).toBe(1);
      expect(loaded.files()).toEqual([
        'quick-exit.js',
        'seal-core.js',
        'seal-tip.js',
        'tipline.css',
      ]);
      const core = (await loaded.details()).find((s) => s.file === 'seal-core.js');
      expect(core?.encoding).toMatch(/^(br|gzip)$/);
    } finally {
      await close();
    }
  });

  it('fetches the proof-of-work build instead when the server asks for work', async () => {
    const { ctx, page, loaded, close } = await open({
      threshold: 0,
      windowMs: 60_000,
      difficulty: 4,
      ttlMs: 60_000,
    });
    try {
      await page.fill('#message', 'under load');
      await page.click('button[type=submit]');
      await page.waitForSelector('#receipt:not(:empty)', { timeout: 30_000 });
      expect(await Promise.resolve(ctx.deps.store.countTips())).toBe(1);
      expect(loaded.files()).toContain('seal-core-pow.js');
      expect(loaded.files()).not.toContain('seal-core.js');
    } finally {
      await close();
    }
  });
});
