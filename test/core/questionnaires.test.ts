import { describe, expect, it } from 'vitest';
import {
  AnswerError,
  currentQuestionnaire,
  DEFAULT_QUESTIONNAIRE,
  initialiseDesk,
  openTip,
  questionnaireHistory,
  questionnaireVersion,
  QuestionnaireDefinitionError,
  saveQuestionnaire,
  submitTip,
  unlockReviewer,
  matchesSealed,
  parseSearchQuery,
  type QuestionnaireDefinition,
  type TipContent,
  type TipId,
} from '../../src/core/index.js';
import { contentWords, docOfTip } from '../../src/core/search-index.js';
import { createTestDeps, PASSPHRASE, submission } from '../helpers.js';

async function ready() {
  const ctx = await createTestDeps();
  const { deskId } = await initialiseDesk(ctx.deps, {
    reviewerName: 'ana',
    passphrase: PASSPHRASE,
  });
  const unlocked = await unlockReviewer(ctx.deps, 'ana', PASSPHRASE);
  return { ...ctx, deskId, unlocked };
}

const edited: QuestionnaireDefinition = {
  questions: [
    { id: 'where_now', type: 'text', required: true, label: { en: 'Where are they now?' } },
  ],
};

describe('questionnaire versions', () => {
  it('gives a desk a stored copy of the default questionnaire as version 1, once', async () => {
    const { deps, deskId } = await ready();
    const first = await currentQuestionnaire(deps, deskId);
    expect(first.version).toBe(1);
    expect(first.definition).toEqual(DEFAULT_QUESTIONNAIRE);
    expect((await currentQuestionnaire(deps, deskId)).id).toBe(first.id);
    expect(await questionnaireHistory(deps, deskId)).toHaveLength(1);
  });

  it('saves an edit as the next version and keeps the earlier one unchanged', async () => {
    const { deps, deskId } = await ready();
    const first = await currentQuestionnaire(deps, deskId);
    const second = await saveQuestionnaire(deps, deskId, edited);
    expect(second.version).toBe(2);
    expect((await currentQuestionnaire(deps, deskId)).id).toBe(second.id);
    expect((await questionnaireVersion(deps, first.id))?.definition).toEqual(DEFAULT_QUESTIONNAIRE);
  });

  it('refuses an invalid definition and saves nothing', async () => {
    const { deps, deskId } = await ready();
    await currentQuestionnaire(deps, deskId);
    const twice = { questions: [edited.questions[0], edited.questions[0]] };
    await expect(saveQuestionnaire(deps, deskId, twice)).rejects.toBeInstanceOf(
      QuestionnaireDefinitionError,
    );
    expect(await questionnaireHistory(deps, deskId)).toHaveLength(1);
  });
});

describe('answers in a tip', () => {
  it('seals the answers with the version answered, and nothing of them in plaintext', async () => {
    const { deps, unlocked, deskId } = await ready();
    await saveQuestionnaire(deps, deskId, edited);
    const receipt = await submitTip(
      deps,
      submission('help', { answers: { raw: { where_now: ['Hotel Zvezdara'] } } }),
    );
    const tip = (await deps.store.getTip(receipt.tipId))!;
    expect(Buffer.from(tip.envelope).includes(Buffer.from('Zvezdara'))).toBe(false);
    const content = openTip(deps, unlocked, tip);
    expect(content.answers).toMatchObject({ version: 1, values: { where_now: 'Hotel Zvezdara' } });
  });

  it('keeps an old tip pointing at the version it answered after another edit', async () => {
    const { deps, unlocked, deskId } = await ready();
    const receipt = await submitTip(
      deps,
      submission('help', { answers: { raw: { papers_taken: ['yes'] } } }),
    );
    await saveQuestionnaire(deps, deskId, edited);
    const content = openTip(deps, unlocked, (await deps.store.getTip(receipt.tipId))!);
    expect(content.answers?.version).toBe(1);
    const answered = await questionnaireVersion(deps, content.answers!.questionnaire as never);
    expect(answered?.definition.questions[0]?.id).toBe('papers_taken');
  });

  it('refuses a tip whose answer is outside the choices and stores nothing', async () => {
    const { deps } = await ready();
    await expect(
      submitTip(deps, submission('help', { answers: { raw: { how_known: ['rumour'] } } })),
    ).rejects.toBeInstanceOf(AnswerError);
    expect(await deps.store.countTips()).toBe(0);
  });

  it('refuses an answer to a question its condition hides', async () => {
    const { deps } = await ready();
    const raw = { debt: ['no'], debt_grows: ['yes'] };
    await expect(submitTip(deps, submission('help', { answers: { raw } }))).rejects.toMatchObject({
      problem: 'hidden',
      questionId: 'debt_grows',
    });
  });

  it('refuses answers to a questionnaire that is not one of the desk’s versions', async () => {
    const { deps } = await ready();
    await expect(
      submitTip(deps, submission('help', { answers: { raw: {}, questionnaireId: 'nope' } })),
    ).rejects.toMatchObject({ code: 'invalid_input', field: 'questionnaire' });
  });
});

describe('answers in the search index', () => {
  const tip = (values: Record<string, string | string[]>): TipContent => ({
    v: 1,
    channel: 'web',
    language: 'en',
    fields: { message: 'help' },
    attachments: [],
    answers: { questionnaire: 'q1', version: 1, values },
  });

  it('indexes each answer as question=value and the words of free-text answers', () => {
    const words = contentWords(
      tip({ debt_grows: 'yes', exploitation: ['labour', 'scam'], story: 'Hotel Zvezdara' }),
    );
    expect(words).toEqual(
      expect.arrayContaining([
        'debt_grows=yes',
        'exploitation=labour',
        'exploitation=scam',
        'story=hotel zvezdara',
        'zvezdara',
      ]),
    );
  });

  it('finds a tip by an answer searched as question=value, and not one answered otherwise', () => {
    const criteria = { words: parseSearchQuery('exploitation=scam') };
    const doc = (values: Record<string, string | string[]>) =>
      docOfTip('t1' as TipId, tip(values), []);
    expect(matchesSealed(doc({ exploitation: ['labour', 'scam'] }), criteria)).toBe(true);
    expect(matchesSealed(doc({ exploitation: ['labour'] }), criteria)).toBe(false);
  });
});
