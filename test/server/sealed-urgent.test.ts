import { describe, expect, it } from 'vitest';
import { sealTipEnvelope } from '../../src/crypto/index.js';
import { setEmailAlerts } from '../../src/core/index.js';
import { createTestApp } from './test-app.js';

/** A browser-sealed tip: the server sees ciphertext and, beside it, the one `urgent` bit. */
async function postSealed(urgent: '0' | '1' | undefined) {
  const test = await createTestApp();
  const ana = (await test.deps.store.getReviewerByName('ana'))!;
  await setEmailAlerts(test.deps, {
    reviewerId: ana.id,
    address: 'ana@ngo.example',
    language: 'en',
    actor: 'cli',
  });
  // use up ana's interval so an ordinary tip would have to wait for the next one
  await test.deps.store.setLastAlertAt(ana.id, test.deps.clock());
  const key = (await (await test.app.request('/api/desk-key')).json()) as {
    keyId: string;
    publicKey: string;
  };
  const content = {
    v: 1,
    channel: 'web',
    language: 'en',
    fields: { message: 'x', danger: true },
    attachments: [],
  };
  const body = new FormData();
  body.append(
    'envelope',
    new Blob([
      sealTipEnvelope(
        test.deps.sodium,
        {
          keyId: test.deps.sodium.from_hex(key.keyId),
          publicKey: test.deps.sodium.from_base64(key.publicKey),
        },
        new TextEncoder().encode(JSON.stringify(content)),
      ),
    ]),
    'envelope',
  );
  if (urgent !== undefined) body.append('urgent', urgent);
  const response = await test.app.request('/api/tips', { method: 'POST', body });
  expect(response.status).toBe(200);
  return { ...test, ana };
}

describe('the urgent bit of a tip sealed in the browser', () => {
  it('makes the alert due at once and leaves one sealed pending row, nothing in plaintext', async () => {
    const { deps } = await postSealed('1');
    const [row] = await deps.store.listScheduledAlerts();
    expect(row?.dueAt).toBe(deps.clock());
    const pending = await deps.store.listUrgentTips();
    expect(pending).toHaveLength(1);
    const [tip] = await deps.store.listTips({ limit: 1 });
    expect(Buffer.from(pending[0]!.sealed).includes(Buffer.from(tip!.id))).toBe(false);
  });

  it('without it (or with urgent=0) queues an ordinary, batched alert', async () => {
    for (const urgent of ['0', undefined] as const) {
      const { deps } = await postSealed(urgent);
      const [row] = await deps.store.listScheduledAlerts();
      expect(row?.dueAt).toBe(deps.clock() + deps.alerts.intervalMs);
      expect(await deps.store.listUrgentTips()).toEqual([]);
    }
  });
});
