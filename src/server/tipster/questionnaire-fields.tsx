import {
  answerValues,
  textIn,
  type YES_NO_VALUES,
  type Question,
  type QuestionnaireRecord,
} from '../../core/index.js';
import { countryOptions, type EmergencyDirectory } from '../../i18n/countries.js';
import type { MessageKey } from '../../i18n/messages.js';
import type { PageContext } from './page-shell.js';

/*
 * The desk's questionnaire on the no-JS form, after the fixed danger question. Without
 * JavaScript a question cannot appear when an earlier answer matches, so every question is
 * shown and a conditional one says when to answer it; the server refuses an answer to a
 * question whose condition is not met (core's validateAnswers).
 */

/** What the tipster answered, by question id, kept when the form comes back with an error. */
export type AnswerInput = Readonly<Record<string, readonly string[]>>;

const YES_NO_KEYS: Readonly<Record<(typeof YES_NO_VALUES)[number], MessageKey>> = {
  yes: 'form.danger.yes',
  no: 'form.danger.no',
  not_sure: 'form.danger.unknown',
};

/** The text of one answer value of a choice or yes/no question, in the reader's language. */
export function answerText(page: PageContext, question: Question, value: string): string {
  if (question.type === 'yes_no') {
    const key = YES_NO_KEYS[value as (typeof YES_NO_VALUES)[number]];
    return key ? page.t(key) : value;
  }
  const choice = question.choices?.find((c) => c.id === value);
  return choice ? textIn(choice.label, page.locale).text : value;
}

function OnlyIf({
  page,
  question,
  all,
}: {
  page: PageContext;
  question: Question;
  all: readonly Question[];
}) {
  const condition = question.showIf;
  const target = condition && all.find((q) => q.id === condition.question);
  if (!condition || !target) return null;
  return (
    <span class="hint">
      {page.t('questions.onlyIf', {
        question: textIn(target.label, page.locale).text,
        answers: condition.anyOf.map((v) => answerText(page, target, v)).join(' / '),
      })}
    </span>
  );
}

function Choices(props: { page: PageContext; question: Question; given: readonly string[] }) {
  const { page, question, given } = props;
  const multiple = question.type === 'multiple';
  return (
    <div class="choices">
      {(answerValues(question) ?? []).map((value) => (
        <label>
          <input
            type={multiple ? 'checkbox' : 'radio'}
            name={`q.${question.id}`}
            value={value}
            checked={given.includes(value)}
          />
          {answerText(page, question, value)}
        </label>
      ))}
    </div>
  );
}

function Input(props: {
  page: PageContext;
  question: Question;
  given: readonly string[];
  directory: EmergencyDirectory;
  maxChars: number;
}) {
  const { page, question, given, directory, maxChars } = props;
  const name = `q.${question.id}`;
  const id = `q-${question.id}`;
  const first = given[0] ?? '';
  switch (question.type) {
    case 'text':
      return (
        <textarea id={id} name={name} maxlength={maxChars} rows={3}>
          {first}
        </textarea>
      );
    case 'number':
      return (
        <input type="text" inputmode="decimal" id={id} name={name} maxlength={20} value={first} />
      );
    case 'country':
      return (
        <select id={id} name={name}>
          <option value="">{page.t('form.country.choose')}</option>
          {countryOptions(page.locale, directory).map((c) => (
            <option value={c.code} selected={first === c.code}>
              {c.name}
            </option>
          ))}
        </select>
      );
    default: {
      // a date, or a period: "from" alone, or "from" and "until"
      const [from = '', to = ''] = first.split('/');
      return (
        <div class="period">
          <label>
            {page.t('questions.dateFrom')} <input type="date" id={id} name={name} value={from} />
          </label>
          <label>
            {page.t('questions.dateTo')} <input type="date" name={`${name}.to`} value={to} />
          </label>
        </div>
      );
    }
  }
}

export function QuestionnaireFields(props: {
  page: PageContext;
  questionnaire: QuestionnaireRecord;
  answers?: AnswerInput;
  directory: EmergencyDirectory;
  maxChars: number;
}) {
  const { page, questionnaire, answers = {}, directory, maxChars } = props;
  const { t, locale } = page;
  const all = questionnaire.definition.questions;
  if (all.length === 0) return null;
  // When every question may be skipped, the heading says so once: a tag on each question costs
  // the no-JS page (30 KB budget) hundreds of bytes in the scripts that take three per letter.
  const allOptional = all.every((q) => !q.required);
  const tag = (q: Question) =>
    allOptional ? null : (
      <span class="tag">({t(q.required ? 'form.required' : 'form.optional')})</span>
    );
  return (
    <section>
      <h2>
        {t('questions.heading')}
        {allOptional ? <span class="tag"> ({t('form.optional')})</span> : null}
      </h2>
      <input type="hidden" name="questionnaire" value={questionnaire.id} />
      {all.map((question) => {
        const label = textIn(question.label, locale).text;
        const hint = question.hint && textIn(question.hint, locale).text;
        const given = answers[question.id] ?? [];
        const hints = (
          <>
            {hint ? <span class="hint">{hint}</span> : null}
            <OnlyIf page={page} question={question} all={all} />
          </>
        );
        if (answerValues(question)) {
          return (
            <fieldset>
              <legend>
                {label} {tag(question)}
              </legend>
              {hints}
              <Choices page={page} question={question} given={given} />
            </fieldset>
          );
        }
        return (
          <div class="field">
            <label for={`q-${question.id}`}>
              {label} {tag(question)}
            </label>
            {hints}
            <Input
              page={page}
              question={question}
              given={given}
              directory={directory}
              maxChars={maxChars}
            />
          </div>
        );
      })}
    </section>
  );
}
