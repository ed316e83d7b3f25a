import { describe, expect, it } from 'vitest';
import { DEFAULT_INTAKE_LIMITS, MAX_THREAD_MESSAGE_CHARS } from '../../src/core/index.js';
import { codenameFrom, createTestApp, form } from './test-app.js';

const MB = 1024 * 1024;

function multipartTip(fields: Record<string, string>): RequestInit {
  const body = new FormData();
  for (const [name, value] of Object.entries(fields)) body.set(name, value);
  return { method: 'POST', body };
}

const textareaText = (html: string, id: string) =>
  new RegExp(`<textarea id="${id}"[^>]*>([^<]*)</textarea>`).exec(html)?.[1];
const inputValue = (html: string, id: string) =>
  new RegExp(`<input type="text" id="${id}"[^>]*value="([^"]*)"`).exec(html)?.[1];

describe('an over-long field', () => {
  it('comes back cut to its limit, not whole: a 2 MB message gets a small 400', async () => {
    const { app, deps } = await createTestApp();
    const message = `START ${'x'.repeat(2 * MB)} END`;
    const response = await app.request('/tips', multipartTip({ message, lang: 'en' }));
    const html = await response.text();
    expect(response.status).toBe(400);
    expect(Buffer.byteLength(html)).toBeLessThan(64 * 1024);
    const shown = textareaText(html, 'message');
    expect(shown).toHaveLength(DEFAULT_INTAKE_LIMITS.maxMessageChars);
    expect(shown?.startsWith('START x')).toBe(true);
    expect(html).toContain(
      `“What happened?” was too long, so we cut it to ${DEFAULT_INTAKE_LIMITS.maxMessageChars} characters.`,
    );
    expect(await Promise.resolve(deps.store.countTips())).toBe(0);
  });

  it('cuts each short field to its own limit and names it', async () => {
    const { app } = await createTestApp();
    const place = 'p'.repeat(MB);
    const response = await app.request(
      '/tips',
      multipartTip({ message: 'real message', place, when: 'w'.repeat(MB), lang: 'en' }),
    );
    const html = await response.text();
    expect(response.status).toBe(400);
    expect(Buffer.byteLength(html)).toBeLessThan(40 * 1024);
    expect(textareaText(html, 'message')).toBe('real message');
    expect(inputValue(html, 'place')).toHaveLength(DEFAULT_INTAKE_LIMITS.maxFieldChars);
    expect(inputValue(html, 'when')).toHaveLength(DEFAULT_INTAKE_LIMITS.maxFieldChars);
    expect(html).toContain('“City, town or place” was too long');
  });

  it('does not split a character in two where it cuts', async () => {
    const { app } = await createTestApp();
    // 🙂 is two UTF-16 code units; an odd cut point would leave half of one
    const message = `a${'🙂'.repeat(DEFAULT_INTAKE_LIMITS.maxMessageChars)}`;
    const html = await (await app.request('/tips', multipartTip({ message }))).text();
    const shown = textareaText(html, 'message') ?? '';
    expect(shown.isWellFormed()).toBe(true);
    expect(shown.length).toBeLessThanOrEqual(DEFAULT_INTAKE_LIMITS.maxMessageChars);
  });

  it('is accepted once cut: sending back what the page shows works', async () => {
    const { app } = await createTestApp();
    const first = await app.request(
      '/tips',
      multipartTip({ message: 'y'.repeat(DEFAULT_INTAKE_LIMITS.maxMessageChars + 500) }),
    );
    const shown = textareaText(await first.text(), 'message') ?? '';
    const again = await app.request('/tips', form({ message: shown }));
    expect(again.status).toBe(200);
    expect(codenameFrom(await again.text())).toMatch(/^\d{4}( \d{4}){4}$/);
  });

  it('in an inbox follow-up comes back cut to the thread limit', async () => {
    const { app } = await createTestApp();
    const receipt = await app.request('/tips', form({ message: 'first' }));
    const codename = codenameFrom(await receipt.text());
    const response = await app.request(
      '/inbox/followup',
      form({ codename, message: 'z'.repeat(60_000), lang: 'en' }),
    );
    const html = await response.text();
    expect(response.status).toBe(400);
    expect(textareaText(html, 'followup')).toHaveLength(MAX_THREAD_MESSAGE_CHARS);
    expect(html).toContain(`“Add more information” was too long`);
  });
});
