import { describe, expect, it } from 'vitest';
import { submitTip } from '../../../src/core/index.js';
import { createDeskTest, DeskClient, enrolAndLogIn } from './desk-harness.js';
import { scanForBytes, submission } from '../../helpers.js';

describe('alerts on the desk', () => {
  it('turns e-mail alerts on from /admin/account, sealed, and shows the address only in part', async () => {
    const test = await createDeskTest();
    const client = new DeskClient(test.app);
    await enrolAndLogIn(test, client);
    await client.get('/admin/account');
    expect(client.lastHtml).toContain('E-mail alerts are off.');
    const saved = await client.post('/admin/account/alerts', {
      action: 'email',
      email: 'ana.private@ngo.example',
      language: 'ru',
    });
    expect(saved.status).toBe(200);
    expect(client.lastHtml).toContain('Alert settings saved.');
    expect(client.lastHtml).toContain('E-mail alerts go to a…@ngo.example.');
    expect(client.lastHtml).not.toContain('ana.private');
    expect(client.lastHtml).toMatch(/<option value="ru" selected/);
    expect(scanForBytes(test.dataDir, 'ana.private')).toEqual([]);
    const audit = await test.deps.store.listAudit(0, 100);
    expect(audit.at(-1)).toMatchObject({ action: 'alerts.set', detail: 'email' });
  });

  it('answers an address that is not an e-mail address with a clear form error and changes nothing', async () => {
    const test = await createDeskTest();
    const client = new DeskClient(test.app);
    await enrolAndLogIn(test, client);
    await client.get('/admin/account');
    const bad = await client.post('/admin/account/alerts', {
      action: 'email',
      email: 'ana at ngo dot example',
      language: 'en',
    });
    expect(bad.status).toBe(400);
    expect(client.lastHtml).toContain(
      'That is not an e-mail address. Write it as name@example.org.',
    );
    const ana = await test.deps.store.getReviewerByName('ana');
    expect(await test.deps.store.getAlertSettings(ana!.id)).toBeUndefined();
  });

  it('shows a one-time Telegram code and the bot command, and refuses a post without the CSRF token', async () => {
    const test = await createDeskTest();
    const client = new DeskClient(test.app);
    await enrolAndLogIn(test, client);
    await client.get('/admin/account');
    const refused = await client.post(
      '/admin/account/alerts',
      { action: 'telegram' },
      { csrf: null },
    );
    expect(refused.status).toBe(403);
    await client.get('/admin/account');
    await client.post('/admin/account/alerts', { action: 'telegram' });
    expect(client.lastHtml).toMatch(/\/link [0-9a-z]{5}-[0-9a-z]{5}/);
  });

  it('lists danger tips first with how long they have waited, and counts them on every desk page', async () => {
    const test = await createDeskTest();
    const client = new DeskClient(test.app);
    await enrolAndLogIn(test, client);
    const urgent = await submitTip(
      test.deps,
      submission('help', { fields: { message: 'help', danger: true } }),
    );
    await submitTip(test.deps, submission('ordinary'));
    test.advance(25 * 60_000); // inside the 30-minute session idle limit
    await client.get('/admin');
    expect(client.lastHtml).toContain('Danger tips waiting: 1');
    const section = client.lastHtml.slice(client.lastHtml.indexOf('id="urgent"'));
    expect(section).toContain('waiting 25 min');
    expect(section).toContain(`/admin/tips/${urgent.tipId}`);
    // before the inbox list itself
    expect(client.lastHtml.indexOf('id="urgent"')).toBeLessThan(
      client.lastHtml.indexOf('class="filters"'),
    );
    await client.get('/admin/account');
    expect(client.lastHtml).toContain('Danger tips waiting: 1');
  });

  it('lets an admin pick when receipts tell tipsters to check back, and the receipt says so', async () => {
    const test = await createDeskTest();
    const client = new DeskClient(test.app);
    await enrolAndLogIn(test, client);
    await client.get('/admin/account');
    const desk = /name="desk" value="([0-9a-f]+)"/.exec(client.lastHtml)?.[1];
    expect(desk).toBeDefined();
    const bad = await client.post('/admin/account/check-back', { desk: desk!, checkBack: '2h' });
    expect(bad.status).toBe(400);
    await client.get('/admin/account');
    await client.post('/admin/account/check-back', { desk: desk!, checkBack: '24h' });
    expect(client.lastHtml).toContain('Saved.');
    const receipt = await test.app.request('/tips?lang=vi', {
      method: 'POST',
      body: new URLSearchParams({ message: 'xin chào', lang: 'vi' }),
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
    });
    const { CATALOGS } = await import('../../../src/i18n/catalogs.js');
    expect(await receipt.text()).toContain(CATALOGS.vi['receipt.next.24h']);
  });
});
