import { describe, expect, it } from 'vitest';
import { sealTipEnvelope } from '../../src/crypto/index.js';
import { currentDeskKey, type CoreDeps } from '../../src/core/index.js';
import { CATALOGS } from '../../src/i18n/catalogs.js';
import { createTestApp } from './test-app.js';

const ORIGIN = 'http://localhost';

/** Works whether the store port answers at once or with a promise. */
const storedTips = async (deps: CoreDeps) => Promise.resolve(deps.store.countTips());

function tipForm(): FormData {
  const body = new FormData();
  body.set('message', 'a tip posted from somewhere');
  body.set('lang', 'en');
  return body;
}

async function sealedTip(deps: CoreDeps): Promise<FormData> {
  const key = await currentDeskKey(deps);
  const content = {
    v: 1,
    channel: 'web',
    language: 'en',
    fields: { message: 'sealed elsewhere' },
    attachments: [],
  };
  const body = new FormData();
  const envelope = sealTipEnvelope(
    deps.sodium,
    { keyId: deps.sodium.from_hex(key.keyId), publicKey: key.publicKey },
    new TextEncoder().encode(JSON.stringify(content)),
  );
  body.append('envelope', new Blob([envelope]), 'envelope');
  return body;
}

/** What the browser (or a script) says about where the post came from. */
const REFUSED: [string, Record<string, string>][] = [
  ['Sec-Fetch-Site: cross-site', { 'sec-fetch-site': 'cross-site', origin: 'null' }],
  [
    'Sec-Fetch-Site: cross-site with a real foreign Origin',
    { 'sec-fetch-site': 'cross-site', origin: 'https://evil.example' },
  ],
  ['Sec-Fetch-Site: same-site (a sibling host)', { 'sec-fetch-site': 'same-site' }],
  ['a foreign Origin and no Sec-Fetch-Site', { origin: 'https://evil.example' }],
  ['our host on another port as Origin', { origin: 'http://localhost:8081' }],
];

const ACCEPTED: [string, Record<string, string>][] = [
  ['Sec-Fetch-Site: same-origin', { 'sec-fetch-site': 'same-origin', origin: 'null' }],
  ['Origin: null (no-referrer, as Tor Browser sends it)', { origin: 'null' }],
  ['no Origin and no Sec-Fetch-Site', {}],
  ['our own origin', { origin: ORIGIN }],
];

describe('posts from another site', () => {
  it.each(REFUSED)('POST /tips refuses %s with 403 and stores nothing', async (_, headers) => {
    const { app, deps } = await createTestApp();
    const response = await app.request(`${ORIGIN}/tips`, {
      method: 'POST',
      body: tipForm(),
      headers,
    });
    expect(response.status).toBe(403);
    const html = await response.text();
    expect(html).toContain(CATALOGS.en['error.crossSite']);
    // the refusal is the real form, so the tipster can send from our own page
    expect(html).toContain('<form id="tip-form" method="post" action="/tips"');
    expect(html).not.toMatch(/id="receipt"[^>]*>\s*\d/);
    expect(response.headers.get('set-cookie')).toBeNull();
    expect(await storedTips(deps)).toBe(0);
  });

  it.each(ACCEPTED)('POST /tips accepts %s', async (_, headers) => {
    const { app, deps } = await createTestApp();
    const response = await app.request(`${ORIGIN}/tips`, {
      method: 'POST',
      body: tipForm(),
      headers,
    });
    expect(response.status).toBe(200);
    expect(await response.text()).toContain('id="receipt"');
    expect(await storedTips(deps)).toBe(1);
  });

  it.each(REFUSED)('POST /api/tips refuses %s with 403 and stores nothing', async (_, headers) => {
    const { app, deps } = await createTestApp();
    const response = await app.request(`${ORIGIN}/api/tips`, {
      method: 'POST',
      body: await sealedTip(deps),
      headers,
    });
    expect(response.status).toBe(403);
    expect(await response.json()).toEqual({ error: CATALOGS.en['error.crossSite'] });
    expect(await storedTips(deps)).toBe(0);
  });

  it.each(ACCEPTED)('POST /api/tips accepts %s', async (_, headers) => {
    const { app, deps } = await createTestApp();
    const response = await app.request(`${ORIGIN}/api/tips`, {
      method: 'POST',
      body: await sealedTip(deps),
      headers,
    });
    expect(response.status).toBe(200);
    expect(await storedTips(deps)).toBe(1);
  });

  it('says so in the tipster’s language', async () => {
    const { app } = await createTestApp();
    const headers = { 'sec-fetch-site': 'cross-site', 'accept-language': 'vi-VN,vi;q=0.9' };
    const form = await app.request(`${ORIGIN}/tips`, { method: 'POST', body: tipForm(), headers });
    const html = await form.text();
    expect(html).toContain('<html lang="vi"');
    expect(html).toContain(CATALOGS.vi['error.crossSite']);
    const api = await app.request(`${ORIGIN}/api/tips?lang=th`, {
      method: 'POST',
      body: new FormData(),
      headers,
    });
    expect(await api.json()).toEqual({ error: CATALOGS.th['error.crossSite'] });
  });

  it('refuses a cross-site post to the inbox and its follow-up form too', async () => {
    const { app } = await createTestApp();
    for (const path of ['/inbox', '/inbox/followup']) {
      const body = new URLSearchParams({ codename: '1234 5678 9012 3456 7890', message: 'x' });
      const response = await app.request(`${ORIGIN}${path}`, {
        method: 'POST',
        body,
        headers: {
          'content-type': 'application/x-www-form-urlencoded',
          'sec-fetch-site': 'cross-site',
        },
      });
      expect(response.status, path).toBe(403);
      expect(await response.text()).toContain(CATALOGS.en['error.crossSite']);
    }
  });
});
