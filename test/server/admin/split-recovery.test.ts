import { describe, expect, it } from 'vitest';
import { initialiseDesk, recoveryKeyOf, totpCodeAt } from '../../../src/core/index.js';
import { createDeskTest, DeskClient, enrolAndLogIn, PASSPHRASE_TEXT } from './desk-harness.js';

async function adminWithKey() {
  const test = await createDeskTest({ initialise: false });
  const { recoveryKey } = await initialiseDesk(test.deps, {
    reviewerName: 'ana',
    passphrase: new TextEncoder().encode(PASSPHRASE_TEXT),
  });
  const client = new DeskClient(test.app);
  await enrolAndLogIn(test, client);
  await client.get('/admin/recovery-shares');
  return { test, client, recoveryKey };
}

const splits = async (test: Awaited<ReturnType<typeof adminWithKey>>['test']) =>
  (await test.deps.store.listAudit(0, 100)).filter((a) => a.action === 'recovery.split');

describe('/admin/recovery-shares', () => {
  it('splits the key 3-of-5 once, shows numbered shares that recover the key, and audits M and N', async () => {
    const { test, client, recoveryKey } = await adminWithKey();
    const done = await client.post('/admin/recovery-shares', {
      recovery: recoveryKey,
      threshold: '3',
      total: '5',
    });
    expect(done.status).toBe(200);
    expect(done.headers.get('cache-control')).toBe('no-store');
    const shares = [...client.lastHtml.matchAll(/TLRS1-[0-9A-Z-]+/g)].map((m) => m[0]);
    expect(shares).toHaveLength(5);
    expect(client.lastHtml).toContain('Recovery share 4 of 5');
    const key = await recoveryKeyOf(test.deps, [shares[0], shares[2], shares[4]].join('\n'));
    const original = await recoveryKeyOf(test.deps, recoveryKey);
    expect(Buffer.from(key.publicKey).equals(Buffer.from(original.publicKey))).toBe(true);
    expect((await splits(test)).map((a) => a.detail)).toEqual(['3-of-5']);
    expect(JSON.stringify(await test.deps.store.listAudit(0, 100))).not.toContain(shares[0]!);
  });

  it('refuses a wrong key, bad counts and a missing CSRF token, splitting nothing', async () => {
    const { test, client, recoveryKey } = await adminWithKey();
    const wrong = await client.post('/admin/recovery-shares', {
      recovery: 'TLRK1-AAAAA',
      threshold: '3',
      total: '5',
    });
    expect(wrong.status).toBe(401);
    for (const [threshold, total] of [
      ['1', '5'],
      ['4', '3'],
      ['3', '17'],
      ['x', '5'],
    ] as const) {
      await client.get('/admin/recovery-shares');
      const bad = await client.post('/admin/recovery-shares', {
        recovery: recoveryKey,
        threshold,
        total,
      });
      expect(bad.status).toBe(400);
      expect(client.lastHtml).toContain('Choose 2 ≤ M ≤ N ≤ 16');
    }
    const noCsrf = await client.post(
      '/admin/recovery-shares',
      { recovery: recoveryKey, threshold: '3', total: '5' },
      { csrf: null },
    );
    expect(noCsrf.status).toBe(403);
    expect(client.lastHtml).not.toContain('TLRS1-');
    expect(await splits(test)).toEqual([]);
  });

  it('is linked from the people page and refused to a reviewer who is not an admin', async () => {
    const { test, client, recoveryKey } = await adminWithKey();
    await client.get('/admin/people');
    expect(client.lastHtml).toContain('href="/admin/recovery-shares"');
    await client.post('/admin/people/invite', {});
    const link = /id="invite-link">([^<]+)</.exec(client.lastHtml)?.[1] ?? '';
    const bea = new DeskClient(test.app);
    const passphrase = 'bea has a long passphrase';
    await bea.post(
      '/admin/join',
      {
        token: new URL(link).searchParams.get('token') ?? '',
        name: 'bea',
        passphrase,
        passphrase2: passphrase,
      },
      { csrf: null },
    );
    await bea.get('/admin/enrol');
    const secret = /id="totp-secret">([A-Z2-7]+)</.exec(bea.lastHtml)?.[1] ?? '';
    await bea.post('/admin/enrol', { code: totpCodeAt(secret, test.now()) });
    await bea.get('/admin');
    expect((await bea.get('/admin/recovery-shares')).status).toBe(403);
    const refused = await bea.post('/admin/recovery-shares', {
      recovery: recoveryKey,
      threshold: '2',
      total: '3',
    });
    expect(refused.status).toBe(403);
    expect(bea.lastHtml).not.toContain('TLRS1-');
    expect(await splits(test)).toEqual([]);
  });

  it('splits again from three current shares, and names a repeated share without splitting', async () => {
    const { test, client, recoveryKey } = await adminWithKey();
    await client.post('/admin/recovery-shares', {
      recovery: recoveryKey,
      threshold: '3',
      total: '5',
    });
    const first = [...client.lastHtml.matchAll(/TLRS1-[0-9A-Z-]+/g)].map((m) => m[0]);
    await client.get('/admin/recovery-shares');
    const repeated = await client.post('/admin/recovery-shares', {
      recovery: [first[0], first[1], first[1]].join('\n'),
      threshold: '2',
      total: '3',
    });
    expect(repeated.status).toBe(400);
    expect(client.lastHtml).toContain('Share 3 was given twice');
    await client.get('/admin/recovery-shares');
    const again = await client.post('/admin/recovery-shares', {
      recovery: [first[4], first[0], first[2]].join('\n'),
      threshold: '2',
      total: '3',
    });
    expect(again.status).toBe(200);
    expect([...client.lastHtml.matchAll(/TLRS1-[0-9A-Z-]+/g)]).toHaveLength(3);
    expect((await splits(test)).map((a) => a.detail)).toEqual(['3-of-5', '2-of-3']);
  });
});
