import { describe, expect, it } from 'vitest';
import { unlockWithRecoveryKey, initialiseDesk } from '../../../src/core/index.js';
import { createDeskTest, DeskClient, enrolAndLogIn, PASSPHRASE_TEXT } from './desk-harness.js';
import { form } from '../test-app.js';

describe('several desks', () => {
  it('lets an admin create a desk whose link routes web tips to it, and the recovery key opens it too', async () => {
    const test = await createDeskTest({ initialise: false });
    const { recoveryKey } = await initialiseDesk(test.deps, {
      reviewerName: 'ana',
      passphrase: new TextEncoder().encode(PASSPHRASE_TEXT),
    });
    const client = new DeskClient(test.app);
    await enrolAndLogIn(test, client);
    await client.get('/admin/people');
    const created = await client.post('/admin/desks', { name: 'balkans' });
    expect(created.status).toBe(303);
    await client.get('/admin/people');
    expect(client.lastHtml).toContain('http://localhost/?desk=balkans');

    const page = await (await test.app.request('/?desk=balkans&lang=en')).text();
    expect(page).toContain('<input type="hidden" name="desk" value="balkans"/>');
    const unknown = await (await test.app.request('/?desk=nowhere&lang=en')).text();
    expect(unknown).not.toContain('name="desk"');
    const sent = await test.app.request(
      '/tips',
      form({ message: 'for the balkans desk', desk: 'balkans', lang: 'en' }),
    );
    expect(sent.status).toBe(200);
    const balkans = await test.deps.store.getDeskByName('balkans');
    // without a desk, tips still go to the desk made at init (not the first name in order)
    await test.app.request('/tips', form({ message: 'for the main desk', lang: 'en' }));
    const main = await test.deps.store.getDeskByName('main');
    expect(await test.deps.store.countTips(main ? { deskId: main.id } : {})).toBe(1);
    const [tip] = await test.deps.store.listTips({
      limit: 5,
      ...(balkans ? { deskId: balkans.id } : {}),
    });
    expect(tip?.deskId).toBe(balkans?.id);

    // the creating admin's session holds the new key at once
    await client.get(`/admin/tips/${tip?.id}`);
    expect(client.lastHtml).toContain('for the balkans desk');
    const recovered = await unlockWithRecoveryKey(test.deps, recoveryKey);
    expect([...recovered.deskKeys.keys()]).toEqual(
      expect.arrayContaining((await test.deps.store.listDeskKeys()).map((k) => k.id)),
    );
    recovered.wipe();
    expect((await test.deps.store.listAudit(0, 100)).map((e) => e.action)).toContain('desk.create');
  });
});

describe('recovery with the recovery key in the browser', () => {
  it('gives a reviewer a new passphrase, ends the old one, and asks for a new second factor', async () => {
    const test = await createDeskTest({ initialise: false });
    const { recoveryKey } = await initialiseDesk(test.deps, {
      reviewerName: 'ana',
      passphrase: new TextEncoder().encode(PASSPHRASE_TEXT),
    });
    const client = new DeskClient(test.app);
    await enrolAndLogIn(test, client);
    const recover = new DeskClient(test.app);
    const wrong = await recover.post(
      '/admin/recover',
      {
        recovery: 'TLRK1-AAAAA',
        name: 'ana',
        passphrase: 'recovered passphrase 1',
        passphrase2: 'recovered passphrase 1',
      },
      { csrf: null },
    );
    expect(wrong.status).toBe(401);
    const done = await recover.post(
      '/admin/recover',
      {
        recovery: recoveryKey,
        name: 'ana',
        passphrase: 'recovered passphrase 1',
        passphrase2: 'recovered passphrase 1',
      },
      { csrf: null },
    );
    expect(done.status).toBe(200);
    expect(recover.lastHtml).toContain('Access recovered');
    // the old session is gone and the old passphrase no longer works
    expect((await client.get('/admin')).headers.get('location')).toBe('/admin/login');
    const old = await new DeskClient(test.app).post(
      '/admin/login',
      { name: 'ana', passphrase: PASSPHRASE_TEXT, code: '' },
      { csrf: null },
    );
    expect(old.status).toBe(401);
    const fresh = await new DeskClient(test.app).post(
      '/admin/login',
      { name: 'ana', passphrase: 'recovered passphrase 1', code: '' },
      { csrf: null },
    );
    expect(fresh.headers.get('location')).toBe('/admin/enrol');
  });
});
