import { z } from 'zod';
import { DomainError } from './errors.js';
import type { DeskId, QuestionnaireId } from './ports.js';
import { normalizeText } from './text.js';

/*
 * A desk's questionnaire: the questions the tip form, the sealed form and the bot ask after the
 * fixed danger question. Definitions are public (they are on the form) and stored in plaintext,
 * versioned per desk; answers are sealed inside the tip envelope with the rest of the tip.
 */

export const QUESTION_TYPES = [
  'text',
  'single',
  'multiple',
  'yes_no',
  'date',
  'country',
  'number',
] as const;
export type QuestionType = (typeof QUESTION_TYPES)[number];

/** The fixed answers of a yes/no/not sure question. */
export const YES_NO_VALUES = ['yes', 'no', 'not_sure'] as const;

export const MAX_QUESTION_LABEL_CHARS = 500;
export const MAX_QUESTIONS = 40;
export const MAX_CHOICES = 30;
/** A free-text answer, like the optional tip fields. */
export const MAX_TEXT_ANSWER_CHARS = 1000;

const ID = /^[a-z][a-z0-9_]{0,39}$/;
const LOCALE_TAG = /^[A-Za-z]{2,3}(-[A-Za-z0-9]{2,8}){0,3}$/;

const translatedSchema = z
  .record(z.string().regex(LOCALE_TAG, 'a locale tag'), z.string())
  .refine((labels) => typeof labels.en === 'string' && labels.en.trim().length > 0, {
    message: 'an English text is required',
  });

const choiceSchema = z.object({ id: z.string().regex(ID), label: translatedSchema });

const questionSchema = z.object({
  id: z.string().regex(ID, 'lower-case letters, digits and _'),
  type: z.enum(QUESTION_TYPES),
  required: z.boolean(),
  label: translatedSchema,
  hint: translatedSchema.optional(),
  choices: z.array(choiceSchema).max(MAX_CHOICES).optional(),
  /** Shown only when the earlier question `question` was answered with one of `anyOf`. */
  showIf: z.object({ question: z.string(), anyOf: z.array(z.string()).min(1).max(30) }).optional(),
});

const definitionSchema = z.object({ questions: z.array(questionSchema).max(MAX_QUESTIONS) });

export type Translated = Readonly<Record<string, string>>;
export type Question = z.infer<typeof questionSchema>;
export type QuestionnaireDefinition = z.infer<typeof definitionSchema>;

/** One stored version of a desk's questionnaire. Never changed once written. */
export interface QuestionnaireRecord {
  readonly id: QuestionnaireId;
  readonly deskId: DeskId;
  /** 1, 2, … per desk; the highest is current. */
  readonly version: number;
  readonly definition: QuestionnaireDefinition;
  readonly createdAt: number;
}

export type DefinitionProblem =
  | 'bad_shape'
  | 'duplicate_id'
  | 'empty_choices'
  | 'condition_unknown'
  | 'condition_later'
  | 'condition_nested'
  | 'condition_value'
  | 'label_too_long';

/** A questionnaire refused as a whole: nothing of it is saved. */
export class QuestionnaireDefinitionError extends DomainError {
  constructor(
    readonly problem: DefinitionProblem,
    /** The question at fault, when there is one. */
    readonly questionId: string | undefined,
    message: string,
  ) {
    super('invalid_input', message, 'questionnaire');
  }
}

const CHOICE_TYPES: readonly QuestionType[] = ['single', 'multiple'];

/** The values an answer to `question` may take, for choice and yes/no questions. */
export function answerValues(question: Question): readonly string[] | undefined {
  if (question.type === 'yes_no') return YES_NO_VALUES;
  if (CHOICE_TYPES.includes(question.type)) return (question.choices ?? []).map((c) => c.id);
  return undefined;
}

function texts(question: Question): string[] {
  const all = [
    question.label,
    question.hint ?? {},
    ...(question.choices ?? []).map((c) => c.label),
  ];
  return all.flatMap((labels) => Object.values(labels));
}

/**
 * Checks a definition from anywhere (the editor, a file, the database) and returns it typed,
 * labels trimmed. Throws QuestionnaireDefinitionError with a message an admin can act on.
 */
export function parseQuestionnaireDefinition(input: unknown): QuestionnaireDefinition {
  const parsed = definitionSchema.safeParse(input);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const where = issue ? issue.path.join('.') : '';
    throw new QuestionnaireDefinitionError(
      'bad_shape',
      undefined,
      `questionnaire is malformed at ${where || 'top'}: ${issue?.message ?? 'invalid'}`,
    );
  }
  const questions = parsed.data.questions;
  const seen = new Map<string, Question>();
  for (const question of questions) {
    const { id } = question;
    if (seen.has(id))
      throw new QuestionnaireDefinitionError(
        'duplicate_id',
        id,
        `question id "${id}" is used twice`,
      );
    if (texts(question).some((text) => text.length > MAX_QUESTION_LABEL_CHARS))
      throw new QuestionnaireDefinitionError(
        'label_too_long',
        id,
        `a text of question "${id}" is over ${MAX_QUESTION_LABEL_CHARS} characters`,
      );
    if (CHOICE_TYPES.includes(question.type)) {
      const choices = question.choices ?? [];
      if (choices.length === 0)
        throw new QuestionnaireDefinitionError(
          'empty_choices',
          id,
          `question "${id}" has no choices`,
        );
      if (new Set(choices.map((c) => c.id)).size !== choices.length)
        throw new QuestionnaireDefinitionError(
          'duplicate_id',
          id,
          `question "${id}" repeats a choice id`,
        );
    } else if (question.choices !== undefined && question.choices.length > 0) {
      throw new QuestionnaireDefinitionError(
        'bad_shape',
        id,
        `question "${id}" is not a choice question but has choices`,
      );
    }
    if (question.showIf) checkCondition(question, seen, questions);
    seen.set(id, question);
  }
  return parsed.data;
}

function checkCondition(
  question: Question,
  earlier: ReadonlyMap<string, Question>,
  all: readonly Question[],
): void {
  const condition = question.showIf!;
  const target = earlier.get(condition.question);
  if (!target) {
    const later = all.some((q) => q.id === condition.question);
    throw new QuestionnaireDefinitionError(
      later ? 'condition_later' : 'condition_unknown',
      question.id,
      later
        ? `question "${question.id}" depends on "${condition.question}", which comes after it`
        : `question "${question.id}" depends on an unknown question "${condition.question}"`,
    );
  }
  if (target.showIf)
    throw new QuestionnaireDefinitionError(
      'condition_nested',
      question.id,
      `question "${question.id}" depends on "${target.id}", which is itself conditional`,
    );
  const values = answerValues(target);
  if (!values || condition.anyOf.some((v) => !values.includes(v)))
    throw new QuestionnaireDefinitionError(
      'condition_value',
      question.id,
      `question "${question.id}" depends on an answer "${target.id}" cannot have`,
    );
}

/** A label in `locale`, else English; `fallback` says English stood in. */
export function textIn(labels: Translated, locale: string): { text: string; fallback: boolean } {
  const own = labels[locale];
  if (own !== undefined && own.trim().length > 0) return { text: own, fallback: false };
  return { text: labels.en ?? '', fallback: locale !== 'en' };
}

/** Answers as sealed in a tip: question id to one value or several (multiple choice). */
export type AnswerValues = Readonly<Record<string, string | string[]>>;

/** What a tip records of its questionnaire, inside the sealed envelope. */
export interface TipAnswers {
  readonly questionnaire: QuestionnaireId;
  readonly version: number;
  readonly values: AnswerValues;
}

export type AnswerProblem =
  'unknown_question' | 'required' | 'not_a_choice' | 'hidden' | 'bad_format' | 'too_long';

/** A submitted answer refused; `field` is `q.<question id>` for re-rendering the form. */
export class AnswerError extends DomainError {
  constructor(
    readonly problem: AnswerProblem,
    readonly questionId: string,
  ) {
    super('invalid_input', `answer to "${questionId}" refused: ${problem}`, `q.${questionId}`);
  }
}

const DAY = /^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/;
const NUMBER = /^-?\d{1,12}([.,]\d{1,4})?$/;

function validDay(text: string): boolean {
  if (!DAY.test(text)) return false;
  const date = new Date(`${text}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().slice(0, 10) === text;
}

/** A date "YYYY-MM-DD" or a period "YYYY-MM-DD/YYYY-MM-DD" (from not after to). */
export function isDateOrPeriod(text: string): boolean {
  const [from, to, ...rest] = text.split('/');
  if (rest.length > 0 || from === undefined || !validDay(from)) return false;
  return to === undefined || (validDay(to) && from <= to);
}

/** Whether `question` is shown, given the answers so far. */
export function isShown(question: Question, values: AnswerValues): boolean {
  if (!question.showIf) return true;
  const answer = values[question.showIf.question];
  const given = answer === undefined ? [] : typeof answer === 'string' ? [answer] : answer;
  return given.some((value) => question.showIf!.anyOf.includes(value));
}

function checkOne(question: Question, raw: readonly string[]): string | string[] {
  const fail = (problem: AnswerProblem) => new AnswerError(problem, question.id);
  const choices = answerValues(question);
  if (question.type === 'multiple') {
    const unique = [...new Set(raw)];
    if (unique.some((value) => !choices!.includes(value))) throw fail('not_a_choice');
    return unique;
  }
  if (raw.length > 1) throw fail('bad_format');
  const value = raw[0]!;
  if (choices) {
    if (!choices.includes(value)) throw fail('not_a_choice');
    return value;
  }
  switch (question.type) {
    case 'text':
      if (value.length > MAX_TEXT_ANSWER_CHARS) throw fail('too_long');
      return value;
    case 'date':
      if (!isDateOrPeriod(value)) throw fail('bad_format');
      return value;
    case 'country':
      if (!/^[A-Za-z]{2}$/.test(value)) throw fail('bad_format');
      return value.toUpperCase();
    default:
      if (!NUMBER.test(value)) throw fail('bad_format');
      return value.replace(',', '.');
  }
}

/**
 * Checks raw answers (question id to the values a channel received; empty values count as no
 * answer) against a definition, in question order. Refuses an unknown question, a value outside
 * a question's choices, an answer to a question its condition hides, and a missing required
 * answer to a shown question, with an AnswerError naming the question.
 */
export function validateAnswers(
  definition: QuestionnaireDefinition,
  raw: Readonly<Record<string, readonly string[]>>,
): AnswerValues {
  const known = new Set(definition.questions.map((q) => q.id));
  for (const id of Object.keys(raw))
    if (!known.has(id)) throw new AnswerError('unknown_question', id);
  const values: Record<string, string | string[]> = {};
  for (const question of definition.questions) {
    const given = (raw[question.id] ?? []).map((v) => normalizeText(v)).filter((v) => v !== '');
    if (!isShown(question, values)) {
      if (given.length > 0) throw new AnswerError('hidden', question.id);
      continue;
    }
    if (given.length === 0) {
      if (question.required) throw new AnswerError('required', question.id);
      continue;
    }
    values[question.id] = checkOne(question, given);
  }
  return values;
}
