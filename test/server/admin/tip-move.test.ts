import { describe, expect, it } from 'vitest';
import { submitTip, totpCodeAt, type DeskId, type TipId } from '../../../src/core/index.js';
import { adminEn } from '../../../src/i18n/admin/en.js';
import { scanForBytes, submission } from '../../helpers.js';
import { createDeskTest, DeskClient, enrolAndLogIn, logIn, type DeskTest } from './desk-harness.js';

/** Invites `name`, who joins, enrols TOTP and is granted every key the admin holds now. */
async function addReviewer(test: DeskTest, admin: DeskClient, name: string) {
  await admin.get('/admin/people');
  await admin.post('/admin/people/invite', {});
  const link = /id="invite-link">([^<]+)</.exec(admin.lastHtml)?.[1] ?? '';
  const client = new DeskClient(test.app);
  const passphrase = `${name} has a long passphrase`;
  await client.post(
    '/admin/join',
    {
      token: new URL(link).searchParams.get('token') ?? '',
      name,
      passphrase,
      passphrase2: passphrase,
    },
    { csrf: null },
  );
  await client.get('/admin/enrol');
  const secret = /id="totp-secret">([A-Z2-7]+)</.exec(client.lastHtml)?.[1] ?? '';
  await client.post('/admin/enrol', { code: totpCodeAt(secret, test.now()) });
  const reviewer = await test.deps.store.getReviewerByName(name);
  await admin.get('/admin/people');
  await admin.post(`/admin/people/${reviewer?.id}/grant`, {});
  // the grant is opened at the next login
  await logIn(test, client, secret, name, passphrase);
  return client;
}

/**
 * Desk "main" with admin ana and reviewer bea (granted main only), then a desk "partner"
 * created by ana (admins get its key; bea does not), and one web tip on main.
 */
async function twoDesks() {
  const test = await createDeskTest();
  const ana = new DeskClient(test.app);
  await enrolAndLogIn(test, ana);
  const bea = await addReviewer(test, ana, 'bea');
  await ana.get('/admin/people');
  expect((await ana.post('/admin/desks', { name: 'partner' })).status).toBe(303);
  const main = (await test.deps.store.getDeskByName('main'))?.id as DeskId;
  const partner = (await test.deps.store.getDeskByName('partner'))?.id as DeskId;
  const { tipId } = await submitTip(test.deps, submission('MOVE-HTTP-SECRET at the farm'));
  return { test, ana, bea, main, partner, tipId };
}

const deskOf = async (test: DeskTest, tipId: TipId) =>
  (await test.deps.store.getTip(tipId))?.deskId;
const moves = async (test: DeskTest) =>
  (await test.deps.store.listAudit(0, 1000)).filter((a) => a.action.startsWith('tip.move'));

describe('moving a case from the tip page', () => {
  it('moves the tip for a reviewer holding both desks, says where it went, and audits both desks', async () => {
    const { test, ana, main, partner, tipId } = await twoDesks();
    await ana.get(`/admin/tips/${tipId}`);
    expect(ana.lastHtml).toContain(`action="/admin/tips/${tipId}/move"`);
    expect(ana.lastHtml).toContain(`<option value="${partner}">partner</option>`);

    const moved = await ana.post(`/admin/tips/${tipId}/move`, { from: main, desk: partner });
    expect(moved.status).toBe(303);
    expect(moved.headers.get('location')).toBe(`/admin/tips/${tipId}?done=moved`);
    expect(await deskOf(test, tipId)).toBe(partner);
    await ana.get(`/admin/tips/${tipId}?done=moved`);
    expect(ana.lastHtml).toContain(adminEn['move.done'].replace('{desk}', 'partner'));
    expect(ana.lastHtml).toContain('MOVE-HTTP-SECRET at the farm');
    expect((await moves(test)).map((a) => [a.action, a.subject, a.detail])).toEqual([
      ['tip.move_out', tipId, main],
      ['tip.move_in', tipId, partner],
    ]);
    expect(scanForBytes(test.dataDir, 'MOVE-HTTP-SECRET')).toEqual([]);
  });

  it('refuses a reviewer who holds only the source desk, says why, and changes nothing', async () => {
    const { test, bea, main, partner, tipId } = await twoDesks();
    await bea.get(`/admin/tips/${tipId}`);
    expect(bea.lastHtml).toContain('MOVE-HTTP-SECRET');
    // bea holds no other desk: the page offers no move at all
    expect(bea.lastHtml).not.toContain(`/admin/tips/${tipId}/move`);
    const refused = await bea.post(`/admin/tips/${tipId}/move`, { from: main, desk: partner });
    expect(refused.status).toBe(403);
    expect(bea.lastHtml).toContain(adminEn['move.notHeld']);
    expect(await deskOf(test, tipId)).toBe(main);
    expect(await moves(test)).toEqual([]);
    await bea.get(`/admin/tips/${tipId}`);
    expect(bea.lastHtml).toContain('MOVE-HTTP-SECRET');
  });

  it('refuses to move a tip that was already moved and says it is no longer on that desk', async () => {
    const { test, ana, main, partner, tipId } = await twoDesks();
    await ana.get(`/admin/tips/${tipId}`);
    const csrf = ana.csrf();
    expect(
      (await ana.post(`/admin/tips/${tipId}/move`, { from: main, desk: partner })).status,
    ).toBe(303);
    // the same form submitted again (a second tab, a double click)
    const again = await ana.post(
      `/admin/tips/${tipId}/move`,
      { from: main, desk: partner },
      { csrf: csrf ?? null },
    );
    expect(again.status).toBe(409);
    expect(ana.lastHtml).toContain(adminEn['move.gone']);
    expect(await deskOf(test, tipId)).toBe(partner);
    expect(await moves(test)).toHaveLength(2);
  });

  it('refuses a move without the CSRF token or from another origin and changes nothing', async () => {
    const { test, ana, main, partner, tipId } = await twoDesks();
    await ana.get(`/admin/tips/${tipId}`);
    const fields = { from: main, desk: partner };
    expect((await ana.post(`/admin/tips/${tipId}/move`, fields, { csrf: null })).status).toBe(403);
    await ana.get(`/admin/tips/${tipId}`);
    expect(
      (await ana.post(`/admin/tips/${tipId}/move`, fields, { csrf: 'a'.repeat(43) })).status,
    ).toBe(403);
    await ana.get(`/admin/tips/${tipId}`);
    expect(
      (await ana.post(`/admin/tips/${tipId}/move`, fields, { origin: 'https://evil.example' }))
        .status,
    ).toBe(403);
    expect(await deskOf(test, tipId)).toBe(main);
    expect(await moves(test)).toEqual([]);
  });

  it('refuses a move to the desk the case is on, or to a desk id that is not one', async () => {
    const { test, ana, main, tipId } = await twoDesks();
    await ana.get(`/admin/tips/${tipId}`);
    const same = await ana.post(`/admin/tips/${tipId}/move`, { from: main, desk: main });
    expect(same.status).toBe(400);
    expect(ana.lastHtml).toContain(adminEn['move.sameDesk']);
    await ana.get(`/admin/tips/${tipId}`);
    const bogus = await ana.post(`/admin/tips/${tipId}/move`, {
      from: main,
      desk: 'x'.repeat(300),
    });
    expect(bogus.status).toBe(400);
    expect(await deskOf(test, tipId)).toBe(main);
    expect(await moves(test)).toEqual([]);
  });
});
