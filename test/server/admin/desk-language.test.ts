import { describe, expect, it } from 'vitest';
import { readAuditEntries } from '../../../src/core/index.js';
import { createDeskTest, DeskClient, enrolAndLogIn } from './desk-harness.js';

const htmlLang = (html: string) => /<html lang="([^"]+)"/.exec(html)?.[1];

describe('the desk language on the account page', () => {
  it('switches the desk to Serbian Cyrillic and back to English', async () => {
    const test = await createDeskTest();
    const client = new DeskClient(test.app);
    await enrolAndLogIn(test, client);
    expect(htmlLang(client.lastHtml)).toBe('en');
    await client.get('/admin/account');
    expect(client.lastHtml).toContain('Desk language');
    expect(client.lastHtml).toMatch(/<option value="en" lang="en" selected="">English<\/option>/);

    const chosen = await client.post('/admin/account/language', { locale: 'sr-Cyrl' });
    expect(chosen.status).toBe(303);
    expect(chosen.headers.get('location')).toBe('/admin/account?done=language');
    await client.get('/admin/account?done=language');
    expect(htmlLang(client.lastHtml)).toBe('sr-Cyrl');
    expect(client.lastHtml).toContain('Језик деска је сачуван.');
    expect(client.lastHtml).toMatch(/<option value="sr-Cyrl" lang="sr-Cyrl" selected="">/);
    await client.get('/admin');
    expect(htmlLang(client.lastHtml)).toBe('sr-Cyrl');
    expect(client.lastHtml).toContain('<h1>Пријаве</h1>');
    expect(client.lastHtml).toContain('Мој налог');
    expect(client.lastHtml).not.toContain('My account');

    await client.post('/admin/account/language', { locale: 'en' });
    await client.get('/admin');
    expect(htmlLang(client.lastHtml)).toBe('en');
    expect(client.lastHtml).toContain('<h1>Tips</h1>');

    const audited = (await readAuditEntries(test.deps, 0, 100)).filter(
      (e) => e.action === 'reviewer.locale',
    );
    expect(audited.map((e) => e.detail)).toEqual(['sr-Cyrl', 'default']);
  });

  it('refuses a language the desk does not offer, and one posted without the session token', async () => {
    const test = await createDeskTest();
    const client = new DeskClient(test.app);
    await enrolAndLogIn(test, client);
    await client.get('/admin/account');
    const unknown = await client.post('/admin/account/language', { locale: 'xx-Fake' });
    expect(unknown.status).toBe(400);
    await client.get('/admin/account');
    const forged = await client.post(
      '/admin/account/language',
      { locale: 'sr-Cyrl' },
      { csrf: null },
    );
    expect(forged.status).toBe(403);
    await client.get('/admin');
    expect(htmlLang(client.lastHtml)).toBe('en');
    const audited = (await readAuditEntries(test.deps, 0, 100)).filter(
      (e) => e.action === 'reviewer.locale',
    );
    expect(audited).toEqual([]);
  });

  it('keeps the English pages before login, whatever a reviewer chose', async () => {
    const test = await createDeskTest();
    const client = new DeskClient(test.app);
    await enrolAndLogIn(test, client);
    await client.post('/admin/account/language', { locale: 'zh-Hans' });
    await client.get('/admin');
    expect(client.lastHtml).toContain('<h1>线索</h1>');
    const anonymous = new DeskClient(test.app);
    await anonymous.get('/admin/login');
    expect(htmlLang(anonymous.lastHtml)).toBe('en');
  });
});
