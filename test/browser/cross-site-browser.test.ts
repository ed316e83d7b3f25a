import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { currentDeskKey, initialiseDesk, type CoreDeps } from '../../src/core/index.js';
import { sealTipEnvelope } from '../../src/crypto/index.js';
import { CATALOGS } from '../../src/i18n/catalogs.js';
import { createTestDeps, PASSPHRASE, scanForBytes } from '../helpers.js';
import { hasChromium, launchChromium, startTestServer } from './browser-harness.js';

/** A valid envelope, sealed to the desk's public key as anyone could (the key is public). */
async function sealedEnvelope(deps: CoreDeps): Promise<string> {
  const key = await currentDeskKey(deps);
  const content = { v: 1, channel: 'web', language: 'en', fields: { message: 'relayed' } };
  const envelope = sealTipEnvelope(
    deps.sodium,
    { keyId: deps.sodium.from_hex(key.keyId), publicKey: key.publicKey },
    new TextEncoder().encode(JSON.stringify({ ...content, attachments: [] })),
  );
  return Buffer.from(envelope).toString('base64');
}

/**
 * Another site's page: it posts a sealed envelope to /api/tips with fetch (a "simple" request,
 * sent without asking), then submits a plain form to /tips, as a forged form would.
 */
function foreignPage(target: string, envelopeBase64: string): string {
  return `<!doctype html><html><body>
<form id="f" method="post" action="${target}/tips" enctype="multipart/form-data">
<textarea name="message">CROSS-SITE-MARKER-71 forged tip</textarea>
<input name="lang" value="en"></form>
<script>
const bytes = Uint8Array.from(atob('${envelopeBase64}'), (c) => c.charCodeAt(0));
const body = new FormData();
body.append('envelope', new Blob([bytes]), 'envelope');
fetch('${target}/api/tips', { method: 'POST', mode: 'no-cors', body })
  .catch(() => undefined)
  .then(() => document.getElementById('f').submit());
</script></body></html>`;
}

async function serveForeignPage(html: string): Promise<{ port: number; close: () => void }> {
  const server: Server = createServer((_, response) => {
    response.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
    response.end(html);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    port: (server.address() as AddressInfo).port,
    close: () => {
      server.closeAllConnections();
      server.close();
    },
  };
}

describe.skipIf(!hasChromium)('a page on another site, in a real browser', () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser?.close();
  });

  // localhost vs 127.0.0.1 is another site (Sec-Fetch-Site: cross-site); 127.0.0.1 on another
  // port is the same site but another origin (same-site): both must be refused.
  it.each(['localhost', '127.0.0.1'])(
    'cannot post a tip through its visitor from http://%s:<other port>, and nothing is stored',
    async (host) => {
      const ctx = await createTestDeps();
      await initialiseDesk(ctx.deps, { reviewerName: 'ana', passphrase: PASSPHRASE });
      const posted: { path: string; site: string | null; body: string }[] = [];
      const tipline = await startTestServer(ctx.deps, {
        tap: (body, request) =>
          posted.push({
            path: new URL(request.url).pathname,
            site: request.headers.get('sec-fetch-site'),
            body: body.toString('latin1'),
          }),
      });
      const foreign = await serveForeignPage(
        foreignPage(tipline.origin, await sealedEnvelope(ctx.deps)),
      );
      const context = await browser.newContext();
      const page = await context.newPage();
      try {
        const apiRequest = page.waitForRequest((r) => r.url() === `${tipline.origin}/api/tips`);
        const formAnswer = page.waitForResponse(
          (r) => r.url() === `${tipline.origin}/tips` && r.request().method() === 'POST',
        );
        await page.goto(`http://${host}:${foreign.port}/`);
        // the page submits the form only once its fetch has settled (its answer is hidden from
        // the page by our Cross-Origin-Resource-Policy, but the server did receive it)
        const form = await formAnswer;
        expect(form.status()).toBe(403);
        await apiRequest;
        const site = host === 'localhost' ? 'cross-site' : 'same-site';
        const api = posted.find((p) => p.path === '/api/tips');
        expect(api?.site).toBe(site);
        expect(api?.body).toContain('name="envelope"');
        const tip = posted.find((p) => p.path === '/tips');
        expect(tip?.site).toBe(site);
        expect(tip?.body).toContain('CROSS-SITE-MARKER-71');
        await page.waitForURL(`${tipline.origin}/tips`);
        expect(await page.textContent('#form-error')).toContain(CATALOGS.en['error.crossSite']);
        expect(await Promise.resolve(ctx.deps.store.countTips())).toBe(0);
        expect(scanForBytes(ctx.dataDir, 'CROSS-SITE-MARKER-71')).toEqual([]);
        expect(ctx.logLines.join('\n')).not.toContain('CROSS-SITE-MARKER-71');
      } finally {
        await context.close();
        foreign.close();
        await tipline.close();
      }
    },
  );

  it('still takes a tip posted from the tipline’s own page', async () => {
    const ctx = await createTestDeps();
    await initialiseDesk(ctx.deps, { reviewerName: 'ana', passphrase: PASSPHRASE });
    const tipline = await startTestServer(ctx.deps);
    const context = await browser.newContext({ javaScriptEnabled: false });
    const page = await context.newPage();
    try {
      await page.goto(`${tipline.origin}/?lang=en`);
      await page.fill('#message', 'from our own page');
      await page.click('button[type=submit]');
      expect((await page.textContent('#receipt'))?.trim()).toMatch(/^\d{4}( \d{4}){4}$/);
      expect(await Promise.resolve(ctx.deps.store.countTips())).toBe(1);
    } finally {
      await context.close();
      await tipline.close();
    }
  });
});
