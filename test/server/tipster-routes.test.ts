import { describe, expect, it } from 'vitest';
import sharp from 'sharp';
import { exportTips, readThread, replyToTipster, unlockReviewer } from '../../src/core/index.js';
import { LOCALES } from '../../src/i18n/locales.js';
import { EMERGENCY_NUMBERS } from '../../src/i18n/emergency-numbers.js';
import { PASSPHRASE, collect } from '../helpers.js';
import { codenameFrom, createTestApp, form } from './test-app.js';

async function openedTips(deps: Awaited<ReturnType<typeof createTestApp>>['deps']) {
  const unlocked = await unlockReviewer(deps, 'ana', PASSPHRASE);
  const tips = await collect(exportTips(deps, unlocked));
  return { unlocked, tips: tips.flatMap((t) => (t.ok ? [t.content] : [])) };
}

describe('GET / (the form)', () => {
  it('renders a form that works without JavaScript, in English by default', async () => {
    const { app } = await createTestApp();
    const response = await app.request('/');
    const html = await response.text();
    expect(response.status).toBe(200);
    expect(html).toMatch(/^<!doctype html><html lang="en" dir="ltr">/);
    expect(html).toMatch(
      /<form id="tip-form" method="post" action="\/tips" enctype="multipart\/form-data"/,
    );
    expect(html).toContain('name="message"');
    expect(html).toContain('id="quick-exit"');
    expect(html).toContain('href="https://neutral.example/"');
    expect(response.headers.get('set-cookie')).toBeNull();
  });

  it('weighs under 30 KB with its stylesheet, with no third-party resource', async () => {
    const { app } = await createTestApp();
    const html = await (await app.request('/')).text();
    const css = await (await app.request('/static/tipline.css')).text();
    expect(Buffer.byteLength(html) + Buffer.byteLength(css)).toBeLessThan(30 * 1024);
    for (const match of html.matchAll(/(?:src|href)="([^"]+)"/g)) {
      const url = match[1]!;
      const isNavigation = url === 'https://neutral.example/' || url.startsWith('tel:');
      expect(isNavigation || url.startsWith('/'), url).toBe(true);
    }
    expect(html).not.toMatch(/<script>|\son[a-z]+="|\sstyle="/);
  });

  it('stays under 30 KB with its stylesheet in every language, with the real emergency data', async () => {
    const { app } = await createTestApp({ emergencyNumbers: EMERGENCY_NUMBERS });
    const css = await (await app.request('/static/tipline.css')).text();
    for (const locale of LOCALES) {
      const html = await (await app.request(`/?lang=${locale.tag}`)).text();
      expect(Buffer.byteLength(html) + Buffer.byteLength(css), locale.tag).toBeLessThan(30 * 1024);
    }
  });

  it('lists every language in its own name', async () => {
    const { app } = await createTestApp();
    const html = await (await app.request('/')).text();
    for (const locale of LOCALES)
      expect(html).toContain(`lang="${locale.tag}" hreflang="${locale.tag}"`);
    expect(html).toContain('简体中文');
  });

  it.each(LOCALES.map((l) => [l.tag, l.dir] as const))(
    'writes %s pages with dir="%s" on the form and the inbox',
    async (tag, dir) => {
      const { app } = await createTestApp();
      for (const path of [`/?lang=${tag}`, `/inbox?lang=${tag}`]) {
        const html = await (await app.request(path)).text();
        expect(html, path).toMatch(new RegExp(`^<!doctype html><html lang="${tag}" dir="${dir}">`));
      }
    },
  );

  it('takes the language from ?lang=, then Accept-Language', async () => {
    const { app } = await createTestApp();
    expect(await (await app.request('/?lang=vi')).text()).toContain('<html lang="vi"');
    const fromHeader = await app.request('/', { headers: { 'accept-language': 'zh-TW,zh;q=0.9' } });
    expect(await fromHeader.text()).toContain('<html lang="zh-Hant"');
    const fil = await app.request('/', { headers: { 'accept-language': 'fil-PH' } });
    expect(await fil.text()).toContain('<html lang="tl"');
  });
});

describe('POST /tips', () => {
  it('seals the tip and answers with a receipt holding the codename', async () => {
    const { app, deps } = await createTestApp();
    const response = await app.request(
      '/tips',
      form({ message: 'MARKER they took our passports', place: 'Bor', lang: 'en' }),
    );
    const html = await response.text();
    expect(response.status).toBe(200);
    expect(codenameFrom(html)).toMatch(/^\d{4}( \d{4}){4}$/);
    expect(response.headers.get('set-cookie')).toBeNull();
    const { tips } = await openedTips(deps);
    expect(tips.map((t) => [t.fields.message, t.fields.place, t.channel])).toEqual([
      ['MARKER they took our passports', 'Bor', 'web'],
    ]);
  });

  it('accepts multipart with an image and strips its metadata before sealing', async () => {
    const { app, deps } = await createTestApp();
    const photo = await sharp({ create: { width: 4, height: 4, channels: 3, background: 'red' } })
      .jpeg()
      .withExif({ IFD0: { Copyright: 'GPS-MARKER' } })
      .toBuffer();
    const body = new FormData();
    body.set('message', 'photo attached');
    body.append('attachments', new File([photo], 'IMG_0001.jpg', { type: 'image/jpeg' }));
    const response = await app.request('/tips', { method: 'POST', body });
    expect(response.status).toBe(200);
    const { tips } = await openedTips(deps);
    expect(tips[0]?.attachments.map((a) => [a.name, a.type])).toEqual([
      ['IMG_0001.jpg', 'image/jpeg'],
    ]);
  });

  it('shows the emergency numbers for the chosen country when someone is in danger', async () => {
    const { app } = await createTestApp();
    const html = await (
      await app.request('/tips', form({ message: 'help now', danger: 'yes', country: 'RS' }))
    ).text();
    expect(html).toContain('id="emergency"');
    expect(html).toContain('href="tel:192"');
    expect(codenameFrom(html)).toBeTruthy();
  });

  it('re-renders the form in the tipster’s language with her text kept when the message is empty', async () => {
    const { app, deps } = await createTestApp();
    const response = await app.request(
      '/tips',
      form({ message: '  ', place: 'Bor <script>alert(1)</script>', lang: 'ru' }),
    );
    const html = await response.text();
    expect(response.status).toBe(400);
    expect(html).toContain('<html lang="ru"');
    expect(html).toContain('id="form-error"');
    expect(html).toContain('Bor &lt;script&gt;alert(1)&lt;/script&gt;');
    expect(html).not.toContain('<script>alert');
    expect(await deps.store.countTips()).toBe(0);
  });

  it('refuses more files than allowed and stores nothing', async () => {
    const { app, deps } = await createTestApp();
    const body = new FormData();
    body.set('message', 'many files');
    for (let i = 0; i < 6; i++)
      body.append('attachments', new File([new Uint8Array(4)], `f${i}.ogg`, { type: 'audio/ogg' }));
    const response = await app.request('/tips', { method: 'POST', body });
    expect(response.status).toBe(400);
    expect(await deps.store.countTips()).toBe(0);
  });

  it('refuses a file that is not what it claims and stores nothing', async () => {
    const { app, deps } = await createTestApp();
    const body = new FormData();
    body.set('message', 'bad file');
    body.append('attachments', new File([new Uint8Array(100)], 'x.jpg', { type: 'image/jpeg' }));
    const response = await app.request('/tips', { method: 'POST', body });
    expect(response.status).toBe(400);
    expect(await response.text()).toContain('id="form-error"');
    expect(await deps.store.countTips()).toBe(0);
  });

  it('answers 413 for a body over the limit without storing anything', async () => {
    const { app, deps } = await createTestApp({
      core: {
        intakeLimits: {
          maxMessageChars: 20_000,
          maxFieldChars: 500,
          maxAttachments: 5,
          maxAttachmentBytesTotal: 1000,
        },
      },
    });
    const body = new FormData();
    body.set('message', 'big');
    body.append(
      'attachments',
      new File([new Uint8Array(400_000)], 'big.ogg', { type: 'audio/ogg' }),
    );
    const response = await app.request('/tips', { method: 'POST', body });
    expect(response.status).toBe(413);
    expect(await deps.store.countTips()).toBe(0);
  });

  it('answers 400 for malformed multipart and for other content types', async () => {
    const { app, deps } = await createTestApp();
    const malformed = await app.request('/tips', {
      method: 'POST',
      body: '--x\r\nContent-Disposition: form-data; name="message"\r\n\r\nunterminated',
      headers: { 'content-type': 'multipart/form-data; boundary=x' },
    });
    expect(malformed.status).toBe(400);
    const json = await app.request('/tips', {
      method: 'POST',
      body: '{"message":"x"}',
      headers: { 'content-type': 'application/json' },
    });
    expect(json.status).toBe(400);
    expect(await deps.store.countTips()).toBe(0);
  });

  it('normalises control characters before sealing', async () => {
    const { app, deps } = await createTestApp();
    await app.request('/tips', form({ message: 'a\u0000b\u001bc\r\nd' }));
    const { tips } = await openedTips(deps);
    expect(tips[0]?.fields.message).toBe('abc\nd');
  });

  it('limits tips per client and says so in the tipster’s language', async () => {
    const { app, deps } = await createTestApp({ web: { rateLimitPerHour: 2 } });
    for (let i = 0; i < 2; i++)
      expect((await app.request('/tips', form({ message: `tip ${i}` }))).status).toBe(200);
    const limited = await app.request('/tips', form({ message: 'one too many', lang: 'vi' }));
    expect(limited.status).toBe(429);
    expect(await limited.text()).toContain('one too many');
    expect(await deps.store.countTips()).toBe(2);
  });

  it('says the tip line is not open before initialisation, with the text kept', async () => {
    const { app } = await createTestApp({ initialise: false });
    const response = await app.request('/tips', form({ message: 'too early' }));
    expect(response.status).toBe(503);
    expect(await response.text()).toContain('too early');
  });
});

describe('/inbox', () => {
  it('shows a reviewer’s reply to the tipster who gives her codename', async () => {
    const { app, deps } = await createTestApp();
    const codename = codenameFrom(
      await (await app.request('/tips', form({ message: 'first' }))).text(),
    );
    const reviewer = await unlockReviewer(deps, 'ana', PASSPHRASE);
    const tip = (await deps.store.listTips({ limit: 1 }))[0]!;
    await replyToTipster(deps, reviewer, tip.id, 'We are here. <b>Reply</b> when safe.');
    const html = await (await app.request('/inbox', form({ codename }))).text();
    expect(html).toContain('id="thread"');
    expect(html).toContain('We are here. &lt;b&gt;Reply&lt;/b&gt; when safe.');
  });

  it('answers a wrong codename exactly like an empty inbox', async () => {
    const { app } = await createTestApp();
    const codename = codenameFrom(
      await (await app.request('/tips', form({ message: 'first' }))).text(),
    );
    const wrong = codename.startsWith('1') ? `2${codename.slice(1)}` : `1${codename.slice(1)}`;
    const right = await (await app.request('/inbox', form({ codename }))).text();
    const other = await (await app.request('/inbox', form({ codename: wrong }))).text();
    expect(right).toContain('id="inbox-empty"');
    expect(other.replace(wrong, 'X')).toBe(right.replace(codename, 'X'));
  });

  it('joins a follow-up to the same case', async () => {
    const { app, deps } = await createTestApp();
    const codename = codenameFrom(
      await (await app.request('/tips', form({ message: 'first' }))).text(),
    );
    const response = await app.request(
      '/inbox/followup',
      form({ codename, message: 'More: the boss is called X.' }),
    );
    expect(response.status).toBe(200);
    expect(await response.text()).toContain('id="followup-sent"');
    const reviewer = await unlockReviewer(deps, 'ana', PASSPHRASE);
    const tip = (await deps.store.listTips({ limit: 1 }))[0]!;
    expect((await readThread(deps, reviewer, tip.id)).map((e) => e.text)).toEqual([
      'More: the boss is called X.',
    ]);
    expect(await deps.store.countTips()).toBe(1);
  });

  it('asks again for a codename that is not 20 digits, and sets no cookie', async () => {
    const { app } = await createTestApp();
    const response = await app.request('/inbox', form({ codename: 'hello' }));
    expect(response.status).toBe(400);
    expect(response.headers.get('set-cookie')).toBeNull();
  });
});

describe('a posted country that is not one of ours', () => {
  it.each(['__proto__', 'constructor', 'toString', 'x'.repeat(1000)])(
    'is no emergency-number entry: %s gets the form again, not a 500',
    async (country) => {
      const { app, logLines } = await createTestApp();
      const response = await app.request('/tips', form({ message: '', danger: 'yes', country }));
      expect(response.status).toBe(400);
      expect(await response.text()).toContain('Call the local emergency number.');
      expect(logLines.join('\n')).not.toContain('http.unhandled');
    },
  );
});
