import { describe, expect, it } from 'vitest';
import { submitTip } from '../../../src/core/index.js';
import { adminEn } from '../../../src/i18n/admin/en.js';
import { adminT } from '../../../src/server/admin/desk-frame.js';
import { ReplyForm } from '../../../src/server/admin/replies/reply-form.js';
import { htmlDocument } from '../../../src/server/tipster/page-shell.js';
import { submission } from '../../helpers.js';
import { createDeskTest, DeskClient, enrolAndLogIn } from './desk-harness.js';

const GENDERED = /\b(she|her|hers|herself|he|him|his|himself)\b/i;

describe('the desk’s wording', () => {
  it('assumes nothing about the tipster’s gender anywhere in the desk catalog', () => {
    const gendered = Object.entries(adminEn).filter(([, text]) => GENDERED.test(text));
    expect(gendered).toEqual([]);
  });

  it('tells a reviewer where a reply goes, for either channel, without a pronoun', () => {
    const frame = { t: adminT };
    const web = htmlDocument(ReplyForm({ frame, tip: { id: 'x' as never, channel: 'web' } }));
    const bot = htmlDocument(ReplyForm({ frame, tip: { id: 'x' as never, channel: 'telegram' } }));
    expect(web).toContain('The tipster reads it in the tip line’s inbox');
    expect(bot).toContain('sent into the tipster’s Telegram chat');
    expect(web + bot).not.toMatch(GENDERED);
  });

  it('names a tip’s language as its speakers write it, and says why times stop at the hour', async () => {
    const test = await createDeskTest();
    const client = new DeskClient(test.app);
    await enrolAndLogIn(test, client);
    const { tipId } = await submitTip(
      test.deps,
      submission('我们需要帮助', { language: 'zh-Hans' }),
    );
    await client.get(`/admin/tips/${tipId}`);
    expect(client.lastHtml).toMatch(/<span lang="zh-Hans" dir="ltr">简体中文<\/span>/);
    expect(client.lastHtml).toContain('Received times are kept only to the hour');
    await client.get('/admin');
    expect(client.lastHtml).toContain('Received times are kept only to the hour');
  });

  it('says the recovery key is shown until it is confirmed, and shows it again until then', async () => {
    const test = await createDeskTest({ initialise: false });
    const token = test.firstRun?.value ?? '';
    const client = new DeskClient(test.app);
    await client.get(`/admin/setup?token=${token}`);
    const passphrase = 'first admin passphrase';
    await client.post(
      '/admin/setup',
      { token, name: 'ana', passphrase, passphrase2: passphrase },
      { csrf: null },
    );
    const key = /id="recovery-key">\s*([^<]+?)\s*</.exec(client.lastHtml)?.[1] ?? '';
    expect(key).toMatch(/^TLRK1-/);
    expect(client.lastHtml).toContain('shown until you confirm');
    expect(client.lastHtml).not.toContain('only this once');
    expect((await client.post('/admin/setup/confirm', {})).status).toBe(400);
    expect(client.lastHtml).toContain(key);
  });
});
