import { describe, expect, it } from 'vitest';
import {
  exportTips,
  questionnaireForForm,
  saveQuestionnaire,
  unlockReviewer,
} from '../../src/core/index.js';
import { PASSPHRASE, collect } from '../helpers.js';
import { createTestApp, form } from './test-app.js';

type Deps = Awaited<ReturnType<typeof createTestApp>>['deps'];

async function answersOf(deps: Deps) {
  const unlocked = await unlockReviewer(deps, 'ana', PASSPHRASE);
  const tips = await collect(exportTips(deps, unlocked));
  return tips.flatMap((t) => (t.ok ? [t.content.answers] : []));
}

async function questionnaireId(deps: Deps): Promise<string> {
  return (await questionnaireForForm(deps))!.id;
}

describe('the questionnaire on the no-JS form', () => {
  it('asks the desk’s questions after the danger question, conditions in words', async () => {
    const { app } = await createTestApp();
    const html = await (await app.request('/')).text();
    const danger = html.indexOf('name="danger"');
    expect(danger).toBeGreaterThan(0);
    expect(html.indexOf('name="q.papers_taken"')).toBeGreaterThan(danger);
    expect(html).toContain('name="questionnaire"');
    expect(html).toContain(
      'Answer only if your answer to “Does the person owe money to the employer or the recruiter?” was: Yes.',
    );
  });

  it('shows the questions in the tipster’s language', async () => {
    const { app } = await createTestApp();
    const html = await (await app.request('/?lang=ru')).text();
    expect(html).toContain('Откуда вы об этом знаете?');
  });

  it('seals the answers of a tip sent through the form', async () => {
    const { app, deps } = await createTestApp();
    const response = await app.request(
      '/tips',
      form({
        message: 'They took our passports',
        questionnaire: await questionnaireId(deps),
        'q.papers_taken': 'yes',
        'q.debt': 'yes',
        'q.debt_grows': 'yes',
        'q.how_known': 'me',
      }),
    );
    expect(response.status).toBe(200);
    expect(await answersOf(deps)).toEqual([
      expect.objectContaining({
        version: 1,
        values: { papers_taken: 'yes', debt: 'yes', debt_grows: 'yes', how_known: 'me' },
      }),
    ]);
  });

  it('refuses an answer outside the choices with 400, keeping the tipster’s text', async () => {
    const { app, deps } = await createTestApp();
    const response = await app.request(
      '/tips',
      form({
        message: 'Keep this text',
        questionnaire: await questionnaireId(deps),
        'q.how_known': 'gossip',
      }),
    );
    const html = await response.text();
    expect(response.status).toBe(400);
    expect(html).toContain('Please check your answer to “How do you know about this?”.');
    expect(html).toContain('Keep this text');
    expect(await deps.store.countTips()).toBe(0);
  });

  it('refuses an answer to a question its condition hides with 400', async () => {
    const { app, deps } = await createTestApp();
    const response = await app.request(
      '/tips',
      form({
        message: 'Keep this too',
        questionnaire: await questionnaireId(deps),
        'q.debt': 'no',
        'q.debt_grows': 'yes',
        'q.papers_taken': 'no',
      }),
    );
    const html = await response.text();
    expect(response.status).toBe(400);
    expect(html).toContain('Keep this too');
    expect(html).toMatch(/name="q.papers_taken" value="no" checked/);
    expect(await deps.store.countTips()).toBe(0);
  });

  it('keeps an old tip on the version it answered after the desk edits its questions', async () => {
    const { app, deps } = await createTestApp();
    const first = await questionnaireId(deps);
    await app.request('/tips', form({ message: 'one', questionnaire: first, 'q.minors': 'yes' }));
    const desk = (await questionnaireForForm(deps))!.deskId;
    await saveQuestionnaire(deps, desk, {
      questions: [{ id: 'since', type: 'date', required: true, label: { en: 'Since when?' } }],
    });
    const html = await (await app.request('/')).text();
    expect(html).toContain('Since when?');
    expect(html).not.toContain('name="q.minors"');
    const second = await questionnaireId(deps);
    const response = await app.request(
      '/tips',
      form({
        message: 'two',
        questionnaire: second,
        'q.since': '2026-01-05',
        'q.since.to': '2026-02-01',
      }),
    );
    expect(response.status).toBe(200);
    const answers = await answersOf(deps);
    expect(answers).toHaveLength(2);
    expect(answers).toContainEqual(
      expect.objectContaining({ questionnaire: first, version: 1, values: { minors: 'yes' } }),
    );
    expect(answers).toContainEqual(
      expect.objectContaining({ version: 2, values: { since: '2026-01-05/2026-02-01' } }),
    );
  });
});
