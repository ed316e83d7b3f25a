import { describe, expect, it } from 'vitest';
import { createTestApp } from './test-app.js';

async function app() {
  return createTestApp({ initialise: false });
}

function expectHardened(response: Response): void {
  const csp = response.headers.get('content-security-policy') ?? '';
  expect(csp).toContain("default-src 'none'");
  expect(csp).toContain("form-action 'self'");
  expect(csp).toContain("frame-ancestors 'none'");
  expect(csp).toContain("base-uri 'none'");
  expect(response.headers.get('referrer-policy')).toBe('no-referrer');
  expect(response.headers.get('x-content-type-options')).toBe('nosniff');
  expect(response.headers.get('x-frame-options')).toBe('DENY');
  expect(response.headers.get('cross-origin-opener-policy')).toBe('same-origin');
  expect(response.headers.get('cross-origin-resource-policy')).toBe('same-origin');
  expect(response.headers.get('permissions-policy')).toContain('camera=()');
  expect(response.headers.get('cache-control')).toBe('no-store');
  expect(response.headers.get('set-cookie')).toBeNull();
  expect(response.headers.get('server')).toBeNull();
  expect(response.headers.get('x-powered-by')).toBeNull();
  expect(response.headers.get('strict-transport-security')).toBeNull();
}

describe('web app', () => {
  it('answers /healthz with ok and no details', async () => {
    const { app: a } = await app();
    const response = await a.request('/healthz');
    expect(response.status).toBe(200);
    expect(await response.text()).toBe('ok');
    expectHardened(response);
  });

  it('answers unknown paths with a hardened, localized 404', async () => {
    const { app: a } = await app();
    const response = await a.request('/nope?lang=ru');
    expect(response.status).toBe(404);
    expect(await response.text()).toContain('lang="ru"');
    expectHardened(response);
  });

  it('hardens the form, the receipt, the inbox and the static assets alike', async () => {
    const { app: a } = await app();
    for (const path of ['/', '/inbox', '/static/tipline.css', '/static/quick-exit.js']) {
      const response = await a.request(path);
      expect(response.status, path).toBe(200);
      expectHardened(response);
    }
  });

  it('announces the onion service when an onion address is configured', async () => {
    const onion = `${'a'.repeat(56)}.onion`;
    const { app: a } = await createTestApp({ initialise: false, web: { onionAddress: onion } });
    const response = await a.request('/inbox');
    expect(response.headers.get('onion-location')).toBe(`http://${onion}/inbox`);
  });

  it('answers a failing handler with a hardened 500 that leaks neither message nor stack', async () => {
    const { app: a, logLines } = await app();
    a.get('/boom', () => {
      throw new Error('SECRET-TIP-TEXT at handler');
    });
    const response = await a.request('/boom');
    const body = await response.text();
    expect(response.status).toBe(500);
    expectHardened(response);
    expect(body).toMatch(/^Something went wrong on our side.* \([0-9a-f]{12}\)$/);
    expect(body + logLines.join('')).not.toContain('SECRET-TIP-TEXT');
    expect(logLines.some((l) => l.includes('http.unhandled'))).toBe(true);
  });

  it('sends HSTS only over https', async () => {
    const { app: a } = await app();
    const response = await a.request('https://tips.example/healthz');
    expect(response.headers.get('strict-transport-security')).toContain('max-age=');
  });
});
