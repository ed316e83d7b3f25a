import { describe, expect, it } from 'vitest';
import { currentQuestionnaire, saveQuestionnaire, submitTip } from '../../../src/core/index.js';
import { submission } from '../../helpers.js';
import { createDeskTest, DeskClient, enrolAndLogIn } from './desk-harness.js';

describe('questionnaire answers on the tip page', () => {
  it('shows the answers as a table with the questions of the version answered, after an edit too', async () => {
    const test = await createDeskTest();
    const client = new DeskClient(test.app);
    await enrolAndLogIn(test, client);
    const { tipId } = await submitTip(
      test.deps,
      submission('help', {
        answers: { raw: { papers_taken: ['yes'], exploitation: ['labour', 'scam'] } },
      }),
    );
    const desk = (await test.deps.store.getTip(tipId))!.deskId;
    expect((await currentQuestionnaire(test.deps, desk)).version).toBe(1);
    await saveQuestionnaire(test.deps, desk, {
      questions: [{ id: 'papers_taken', type: 'text', required: false, label: { en: 'Changed' } }],
    });
    await client.get(`/admin/tips/${tipId}`);
    const html = client.lastHtml;
    expect(html).toContain('Answers to the questionnaire (version 1)');
    expect(html).toMatch(
      /<th scope="row">Has someone taken the passport or identity papers of the person in trouble\?<\/th><td>yes<\/td>/,
    );
    expect(html).toContain(
      '<td>Work in a factory, farm, building site or boat, Online scams or fraud</td>',
    );
    expect(html).not.toContain('Changed');
  });
});
