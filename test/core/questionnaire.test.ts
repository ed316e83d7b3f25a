import { describe, expect, it } from 'vitest';
import {
  AnswerError,
  isDateOrPeriod,
  parseQuestionnaireDefinition,
  QuestionnaireDefinitionError,
  textIn,
  validateAnswers,
  type QuestionnaireDefinition,
} from '../../src/core/questionnaire.js';

const en = (text: string) => ({ en: text });

const sample = (): QuestionnaireDefinition => ({
  questions: [
    {
      id: 'papers',
      type: 'yes_no',
      required: true,
      label: { en: 'Papers taken?', ru: 'Документы отобрали?' },
    },
    {
      id: 'who',
      type: 'single',
      required: false,
      label: en('Who holds them?'),
      choices: [
        { id: 'employer', label: en('The employer') },
        { id: 'recruiter', label: en('The recruiter') },
      ],
      showIf: { question: 'papers', anyOf: ['yes'] },
    },
    {
      id: 'kinds',
      type: 'multiple',
      required: false,
      label: en('Kinds'),
      choices: [
        { id: 'sex', label: en('Sexual') },
        { id: 'labour', label: en('Labour') },
      ],
    },
    { id: 'since', type: 'date', required: false, label: en('Since when?') },
    { id: 'where', type: 'country', required: false, label: en('Country') },
    { id: 'people', type: 'number', required: false, label: en('How many?') },
    { id: 'more', type: 'text', required: false, label: en('More') },
  ],
});

function refusal(input: unknown): QuestionnaireDefinitionError {
  try {
    parseQuestionnaireDefinition(input);
  } catch (error) {
    if (error instanceof QuestionnaireDefinitionError) return error;
    throw error;
  }
  throw new Error('accepted');
}

describe('questionnaire definitions', () => {
  it('accepts a definition using every question type and a condition', () => {
    expect(parseQuestionnaireDefinition(sample()).questions).toHaveLength(7);
  });

  it('refuses a duplicate question id, naming it', () => {
    const def = sample();
    const error = refusal({ questions: [...def.questions, def.questions[0]] });
    expect(error.problem).toBe('duplicate_id');
    expect(error.message).toContain('"papers"');
  });

  it('refuses a choice question with an empty choice list', () => {
    const error = refusal({
      questions: [{ id: 'a', type: 'single', required: false, label: en('A'), choices: [] }],
    });
    expect(error.problem).toBe('empty_choices');
  });

  it('refuses a condition on a later question', () => {
    const [papers, who] = sample().questions;
    const error = refusal({ questions: [who, papers] });
    expect(error.problem).toBe('condition_later');
    expect(error.questionId).toBe('who');
  });

  it('refuses a condition on an unknown question', () => {
    const def = sample();
    const who = { ...def.questions[1]!, showIf: { question: 'nope', anyOf: ['yes'] } };
    expect(refusal({ questions: [def.questions[0], who] }).problem).toBe('condition_unknown');
  });

  it('refuses a condition on a value the earlier question cannot have', () => {
    const def = sample();
    const who = { ...def.questions[1]!, showIf: { question: 'papers', anyOf: ['maybe'] } };
    expect(refusal({ questions: [def.questions[0], who] }).problem).toBe('condition_value');
  });

  it('refuses a label over 500 characters, in any language', () => {
    const def = sample();
    const long = { ...def.questions[0]!, label: { en: 'ok', ru: 'я'.repeat(501) } };
    expect(refusal({ questions: [long] }).problem).toBe('label_too_long');
  });

  it('refuses a label with no English text', () => {
    const def = sample();
    const noEnglish = { ...def.questions[0]!, label: { ru: 'Документы' } };
    expect(refusal({ questions: [noEnglish] }).problem).toBe('bad_shape');
  });
});

describe('labels', () => {
  it('falls back to English and says so', () => {
    const label = sample().questions[0]!.label;
    expect(textIn(label, 'ru')).toEqual({ text: 'Документы отобрали?', fallback: false });
    expect(textIn(label, 'vi')).toEqual({ text: 'Papers taken?', fallback: true });
  });
});

function answerRefusal(raw: Record<string, string[]>): AnswerError {
  try {
    validateAnswers(sample(), raw);
  } catch (error) {
    if (error instanceof AnswerError) return error;
    throw error;
  }
  throw new Error('accepted');
}

describe('answers', () => {
  it('keeps valid answers typed and normalised', () => {
    expect(
      validateAnswers(sample(), {
        papers: ['yes'],
        who: ['recruiter'],
        kinds: ['labour', 'sex', 'labour'],
        since: ['2026-01-02/2026-03-04'],
        where: ['rs'],
        people: ['3'],
        more: ['  a note '],
      }),
    ).toEqual({
      papers: 'yes',
      who: 'recruiter',
      kinds: ['labour', 'sex'],
      since: '2026-01-02/2026-03-04',
      where: 'RS',
      people: '3',
      more: 'a note',
    });
  });

  it('refuses a value outside the choices', () => {
    const error = answerRefusal({ papers: ['yes'], who: ['landlord'] });
    expect(error.problem).toBe('not_a_choice');
    expect(error.field).toBe('q.who');
  });

  it('refuses an answer to a question its condition hides', () => {
    expect(answerRefusal({ papers: ['no'], who: ['employer'] }).problem).toBe('hidden');
  });

  it('refuses a missing required answer', () => {
    expect(answerRefusal({}).problem).toBe('required');
  });

  it('refuses an answer to an unknown question', () => {
    expect(answerRefusal({ papers: ['yes'], other: ['x'] }).problem).toBe('unknown_question');
  });

  it('refuses a malformed date, country or number', () => {
    expect(answerRefusal({ papers: ['no'], since: ['2026-02-30'] }).problem).toBe('bad_format');
    expect(answerRefusal({ papers: ['no'], where: ['Serbia'] }).problem).toBe('bad_format');
    expect(answerRefusal({ papers: ['no'], people: ['many'] }).problem).toBe('bad_format');
  });

  it('reads a period only when it does not end before it starts', () => {
    expect(isDateOrPeriod('2026-03-01/2026-01-01')).toBe(false);
    expect(isDateOrPeriod('2026-01-01')).toBe(true);
  });
});
