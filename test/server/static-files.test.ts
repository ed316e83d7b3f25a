import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { BUILT_STATIC_DIR, chooseEncoding } from '../../src/server/static-files.js';
import { TIPLINE_CSS } from '../../src/server/static-assets.js';
import { BUDGET, pageWeight } from '../../bench/budget.js';
import { EMERGENCY_NUMBERS } from '../../src/i18n/emergency-numbers.js';
import { LOCALES } from '../../src/i18n/locales.js';
import { createTestApp } from './test-app.js';

const bytesOf = async (response: Response) => new Uint8Array(await response.arrayBuffer());

describe('choosing a content encoding from Accept-Encoding', () => {
  it.each([
    [undefined, 'identity'],
    ['', 'identity'],
    ['gzip, deflate, br, zstd', 'br'],
    ['gzip, deflate', 'gzip'],
    ['br;q=0, gzip', 'gzip'],
    ['gzip;q=1, br;q=0.5', 'gzip'],
    ['br;q=0.8, gzip;q=0.8', 'br'],
    ['*', 'br'],
    ['*;q=0.5, br;q=0', 'gzip'],
    ['identity', 'identity'],
    ['br;q=0, gzip;q=0', 'identity'],
    ['identity;q=0', 'identity'],
    ['BR', 'br'],
    ['br;q=2', 'identity'],
    ['br;q=abc, gzip', 'gzip'],
    [' gzip ; q=0.3 ', 'gzip'],
  ])('%j gets %s', (header, expected) => {
    expect(chooseEncoding(header, ['br', 'gzip'])).toBe(expected);
  });

  it('offers only what it holds', () => {
    expect(chooseEncoding('br, gzip', ['gzip'])).toBe('gzip');
    expect(chooseEncoding('br', [])).toBe('identity');
  });
});

describe('GET /static/*', () => {
  const bundle = (name: string) => new Uint8Array(readFileSync(join(BUILT_STATIC_DIR, name)));

  it('sends the brotli copy built with the bundle to a browser that accepts it', async () => {
    const { app } = await createTestApp();
    const response = await app.request('/static/seal-core.js', {
      headers: { 'accept-encoding': 'gzip, deflate, br' },
    });
    expect(response.status).toBe(200);
    expect(response.headers.get('content-encoding')).toBe('br');
    expect(response.headers.get('vary')).toBe('Accept-Encoding');
    expect(response.headers.get('content-type')).toBe('text/javascript; charset=utf-8');
    const body = await bytesOf(response);
    expect(body).toEqual(bundle('seal-core.js.br'));
    expect(new Uint8Array(brotliDecompressSync(body))).toEqual(bundle('seal-core.js'));
    // the point of it: the sealing code is a fraction of its size on the wire
    expect(body.length).toBeLessThan(bundle('seal-core.js').length / 3);
  });

  it('sends gzip to a client without brotli, and identity to one without either', async () => {
    const { app } = await createTestApp();
    const gzip = await app.request('/static/seal-tip.js', {
      headers: { 'accept-encoding': 'gzip' },
    });
    expect(gzip.headers.get('content-encoding')).toBe('gzip');
    expect(new Uint8Array(gunzipSync(await bytesOf(gzip)))).toEqual(bundle('seal-tip.js'));
    const plain = await app.request('/static/seal-tip.js');
    expect(plain.headers.get('content-encoding')).toBeNull();
    expect(plain.headers.get('vary')).toBe('Accept-Encoding');
    expect(await bytesOf(plain)).toEqual(bundle('seal-tip.js'));
  });

  it('compresses the embedded stylesheet and quick-exit script too', async () => {
    const { app } = await createTestApp();
    const css = await app.request('/static/tipline.css', { headers: { 'accept-encoding': 'br' } });
    expect(css.headers.get('content-encoding')).toBe('br');
    expect(css.headers.get('content-type')).toBe('text/css; charset=utf-8');
    expect(brotliDecompressSync(await bytesOf(css)).toString()).toBe(TIPLINE_CSS);
    const js = await app.request('/static/quick-exit.js', {
      headers: { 'accept-encoding': 'gzip' },
    });
    expect(js.headers.get('content-encoding')).toBe('gzip');
  });

  it('serves the proof-of-work build as its own file', async () => {
    const { app } = await createTestApp();
    const response = await app.request('/static/seal-core-pow.js', {
      headers: { 'accept-encoding': 'br' },
    });
    expect(response.status).toBe(200);
    expect(await bytesOf(response)).toEqual(bundle('seal-core-pow.js.br'));
  });

  it('keeps Cache-Control: no-store, so no copy stays on the phone', async () => {
    const { app } = await createTestApp();
    const response = await app.request('/static/seal-core.js', {
      headers: { 'accept-encoding': 'br' },
    });
    expect(response.headers.get('cache-control')).toBe('no-store');
    expect(response.headers.get('content-security-policy')).toContain("default-src 'none'");
  });

  it('answers 404 for anything it does not hold, including the compressed copies by name', async () => {
    const { app } = await createTestApp();
    for (const path of [
      '/static/seal-core.js.br',
      '/static/nothing.js',
      '/static/..%2Fmain.js',
      '/static/../main.js',
    ])
      expect((await app.request(path)).status, path).toBe(404);
  });
});

describe('the page-weight budget (bench/budget.ts)', () => {
  it('holds in every language: under 200 KB with JavaScript, under 30 KB without', async () => {
    const { app } = await createTestApp({ emergencyNumbers: EMERGENCY_NUMBERS });
    for (const locale of LOCALES) {
      const weight = await pageWeight(app, locale.tag);
      expect(weight.withJavaScript, locale.tag).toBeLessThan(BUDGET.withJavaScript);
      expect(weight.page + weight.css + weight.scripts + weight.sealingUnderLoad).toBeLessThan(
        BUDGET.withJavaScript,
      );
      expect(weight.withoutJavaScript, locale.tag).toBeLessThan(BUDGET.withoutJavaScript);
      // what the first paint needs stays small: the sealing code comes later
      expect(weight.scripts, locale.tag).toBeLessThan(8 * 1024);
    }
  });
});
