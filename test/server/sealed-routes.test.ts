import { describe, expect, it } from 'vitest';
import { createAttachmentKey, encryptAttachment, sealTipEnvelope } from '../../src/crypto/index.js';
import {
  exportTips,
  openAttachment,
  unlockReviewer,
  rotateDeskKeys,
  type CoreDeps,
} from '../../src/core/index.js';
import { PASSPHRASE, collect } from '../helpers.js';
import { proofOfWorkOptions } from '../../src/server/tipster/tipster-routes.js';
import { createTestApp } from './test-app.js';

async function deskKey(app: Awaited<ReturnType<typeof createTestApp>>['app'], deps: CoreDeps) {
  const response = await app.request('/api/desk-key');
  const body = (await response.json()) as { keyId: string; publicKey: string };
  return {
    keyId: deps.sodium.from_hex(body.keyId),
    publicKey: deps.sodium.from_base64(body.publicKey),
  };
}

/** Seals a tip exactly as the browser bundle does (it runs this same src/crypto code). */
function sealLikeTheBrowser(
  deps: CoreDeps,
  key: { keyId: Uint8Array; publicKey: Uint8Array },
  message: string,
  files: Uint8Array[] = [],
) {
  const body = new FormData();
  const refs = files.map((bytes, i) => {
    const fileKey = createAttachmentKey(deps.sodium);
    const id = deps.sodium.to_hex(deps.sodium.randombytes_buf(12));
    body.append('attachment', new Blob([encryptAttachment(deps.sodium, fileKey, bytes)]), id);
    return {
      id,
      key: deps.sodium.to_base64(fileKey),
      name: `f${i}.ogg`,
      type: 'audio/ogg',
      size: bytes.length,
    };
  });
  const content = { v: 1, channel: 'web', language: 'vi', fields: { message }, attachments: refs };
  body.append(
    'envelope',
    new Blob([
      sealTipEnvelope(deps.sodium, key, new TextEncoder().encode(JSON.stringify(content))),
    ]),
    'envelope',
  );
  return body;
}

describe('the in-browser sealing endpoints', () => {
  it('hands out the current desk public key and nothing secret', async () => {
    const { app, deps } = await createTestApp();
    const response = await app.request('/api/desk-key');
    const body = (await response.json()) as Record<string, string>;
    expect(Object.keys(body).sort()).toEqual(['keyId', 'pow', 'publicKey']);
    expect(body.pow).toBeNull();
    const active = (await deps.store.getActiveDeskKey((await deps.store.listDesks())[0]!.id))!;
    expect(body.keyId).toBe(active.id);
    expect(deps.sodium.from_base64(body.publicKey!)).toEqual(active.publicKey);
  });

  it('stores a browser-sealed tip with its files, which the desk opens, and returns a codename', async () => {
    const { app, deps } = await createTestApp();
    const audio = new Uint8Array(70_000).map((_, i) => i % 7);
    const response = await app.request('/api/tips', {
      method: 'POST',
      body: sealLikeTheBrowser(deps, await deskKey(app, deps), 'sealed in the browser', [audio]),
    });
    const body = (await response.json()) as { codename: string };
    expect(response.status).toBe(200);
    expect(body.codename).toMatch(/^\d{4}( \d{4}){4}$/);
    const unlocked = await unlockReviewer(deps, 'ana', PASSPHRASE);
    const [opened] = await collect(exportTips(deps, unlocked));
    if (!opened?.ok) throw new Error('tip did not open');
    expect(opened.content.fields.message).toBe('sealed in the browser');
    expect(
      await openAttachment(deps, opened.tip, opened.content, opened.content.attachments[0]!.id),
    ).toEqual(audio);
  });

  it('refuses bytes that are not a v1 envelope, and stores nothing', async () => {
    const { app, deps } = await createTestApp();
    const body = new FormData();
    body.append('envelope', new Blob([new Uint8Array(700)]), 'envelope');
    const response = await app.request('/api/tips?lang=ru', { method: 'POST', body });
    expect(response.status).toBe(400);
    expect(((await response.json()) as { error: string }).error.length).toBeGreaterThan(0);
    expect(await deps.store.countTips()).toBe(0);
  });

  it('refuses an envelope sealed to a retired desk key', async () => {
    const { app, deps } = await createTestApp();
    const oldKey = await deskKey(app, deps);
    await rotateDeskKeys(deps);
    const response = await app.request('/api/tips', {
      method: 'POST',
      body: sealLikeTheBrowser(deps, oldKey, 'late'),
    });
    expect(response.status).toBe(400);
    expect(await deps.store.countTips()).toBe(0);
  });

  it('refuses an attachment that is not a padded v1 ciphertext', async () => {
    const { app, deps } = await createTestApp();
    const body = sealLikeTheBrowser(deps, await deskKey(app, deps), 'with a forged file');
    body.append('attachment', new Blob([new Uint8Array(1000)]), 'a'.repeat(24));
    expect((await app.request('/api/tips', { method: 'POST', body })).status).toBe(400);
    expect(await deps.store.countTips()).toBe(0);
  });

  it('refuses more files than allowed, JSON and other bodies', async () => {
    const { app, deps } = await createTestApp();
    const files = Array.from({ length: 6 }, () => new Uint8Array(10));
    const many = await app.request('/api/tips', {
      method: 'POST',
      body: sealLikeTheBrowser(deps, await deskKey(app, deps), 'many', files),
    });
    expect(many.status).toBe(413);
    const json = await app.request('/api/tips', {
      method: 'POST',
      body: '{}',
      headers: { 'content-type': 'application/json' },
    });
    expect(json.status).toBe(400);
    expect(await deps.store.countTips()).toBe(0);
  });

  it('stores a replayed identical envelope once', async () => {
    const { app, deps } = await createTestApp();
    const body = sealLikeTheBrowser(deps, await deskKey(app, deps), 'sent twice');
    const first = await app.request('/api/tips', { method: 'POST', body });
    expect(first.status).toBe(200);
    const again = await app.request('/api/tips', { method: 'POST', body });
    expect(again.status).toBe(409);
    expect(((await again.json()) as { error: string }).error.length).toBeGreaterThan(0);
    expect(await deps.store.countTips()).toBe(1);
    // a fresh seal of the same words is another tip
    const fresh = sealLikeTheBrowser(deps, await deskKey(app, deps), 'sent twice');
    expect((await app.request('/api/tips', { method: 'POST', body: fresh })).status).toBe(200);
    expect(await deps.store.countTips()).toBe(2);
  });

  it('judges a refused envelope again on its merits rather than as a replay', async () => {
    const { app, deps } = await createTestApp();
    const oldKey = await deskKey(app, deps);
    await rotateDeskKeys(deps);
    const body = sealLikeTheBrowser(deps, oldKey, 'to a retired key');
    expect((await app.request('/api/tips', { method: 'POST', body })).status).toBe(400);
    expect((await app.request('/api/tips', { method: 'POST', body })).status).toBe(400);
    expect(await deps.store.countTips()).toBe(0);
  });

  it('asks for work once sealed tips arrive at the configured rate per minute', async () => {
    const { app, deps } = await createTestApp({
      web: { proofOfWork: proofOfWorkOptions(1, 4) },
    });
    // 1 a minute over the 10-minute window: the tenth tip in 10 minutes turns it on
    for (let i = 0; i < 10; i++) {
      const key = (await (await app.request('/api/desk-key')).json()) as { pow: unknown };
      expect(key.pow, `before tip ${i + 1}`).toBeNull();
      const body = sealLikeTheBrowser(deps, await deskKey(app, deps), `tip ${i}`);
      expect((await app.request('/api/tips', { method: 'POST', body })).status).toBe(200);
    }
    const key = (await (await app.request('/api/desk-key')).json()) as {
      pow: { difficulty: number } | null;
    };
    expect(key.pow?.difficulty).toBe(4);
  });

  it('answers 503 for the desk key before initialisation', async () => {
    const { app } = await createTestApp({ initialise: false });
    expect((await app.request('/api/desk-key')).status).toBe(503);
  });

  it('asks for proof of work under load and refuses a sealed tip without it', async () => {
    const { app, deps } = await createTestApp({
      web: { proofOfWork: { threshold: 0, windowMs: 60_000, difficulty: 4, ttlMs: 60_000 } },
    });
    const key = (await (await app.request('/api/desk-key')).json()) as {
      pow: { token: string; difficulty: number } | null;
    };
    expect(key.pow?.difficulty).toBe(4);
    const response = await app.request('/api/tips', {
      method: 'POST',
      body: sealLikeTheBrowser(deps, await deskKey(app, deps), 'no work done'),
    });
    expect(response.status).toBe(429);
    expect(await deps.store.countTips()).toBe(0);
  });
});
