import { DEFAULT_QUESTIONNAIRE } from './default-questionnaire.js';
import { defaultDesk } from './desks.js';
import type { CoreDeps } from './deps.js';
import { roundDownToHour } from './deps.js';
import { DomainError } from './errors.js';
import { newRandomId } from './ids.js';
import type { DeskId, QuestionnaireId, QuestionnaireRow } from './ports.js';
import {
  parseQuestionnaireDefinition,
  textIn,
  validateAnswers,
  type QuestionnaireRecord,
  type TipAnswers,
} from './questionnaire.js';

/* Versions of a desk's questionnaire: the current one for the forms, any one for old tips. */

function fromRow(row: QuestionnaireRow): QuestionnaireRecord {
  let json: unknown;
  try {
    json = JSON.parse(row.definition);
  } catch {
    throw new DomainError('damaged', 'a stored questionnaire is not JSON');
  }
  return { ...row, definition: parseQuestionnaireDefinition(json) };
}

async function append(deps: CoreDeps, deskId: DeskId, definition: unknown) {
  const checked = parseQuestionnaireDefinition(definition);
  const row = await deps.store.appendQuestionnaire({
    id: newRandomId<QuestionnaireId>(deps.random),
    deskId,
    definition: JSON.stringify(checked),
    createdAt: roundDownToHour(deps.clock()),
  });
  return { ...row, definition: checked };
}

/**
 * The desk's current questionnaire. A desk that has none yet gets a copy of the default one as
 * its version 1, written once, so that what its tips answered never changes with the code.
 */
export async function currentQuestionnaire(
  deps: CoreDeps,
  deskId: DeskId,
): Promise<QuestionnaireRecord> {
  const stored = await deps.store.getCurrentQuestionnaire(deskId);
  if (stored) return fromRow(stored);
  return deps.store.transaction(async () => {
    const again = await deps.store.getCurrentQuestionnaire(deskId);
    return again ? fromRow(again) : append(deps, deskId, DEFAULT_QUESTIONNAIRE);
  });
}

/** One version, whichever desk it belongs to now (a tip may have moved desks since). */
export async function questionnaireVersion(
  deps: Pick<CoreDeps, 'store'>,
  id: QuestionnaireId,
): Promise<QuestionnaireRecord | undefined> {
  const row = await deps.store.getQuestionnaire(id);
  return row && fromRow(row);
}

/** Every version of a desk's questionnaire, oldest first. */
export async function questionnaireHistory(
  deps: Pick<CoreDeps, 'store'>,
  deskId: DeskId,
): Promise<QuestionnaireRecord[]> {
  return (await deps.store.listQuestionnaires(deskId)).map(fromRow);
}

/**
 * Saves an edited questionnaire as the desk's next version; earlier versions stay as they were.
 * Refused whole (QuestionnaireDefinitionError) when the definition is not valid.
 */
export async function saveQuestionnaire(
  deps: CoreDeps,
  deskId: DeskId,
  definition: unknown,
): Promise<QuestionnaireRecord> {
  if (!(await deps.store.getDesk(deskId))) throw new DomainError('not_found', 'unknown desk');
  return append(deps, deskId, definition);
}

/**
 * Checks a tip's raw answers against the version the form showed (`questionnaireId`, which
 * must be one of this desk's versions), or the current one; returns what the envelope keeps.
 */
export async function answersForTip(
  deps: CoreDeps,
  deskId: DeskId,
  raw: Readonly<Record<string, readonly string[]>>,
  questionnaireId?: string,
): Promise<TipAnswers> {
  const version =
    questionnaireId === undefined
      ? await currentQuestionnaire(deps, deskId)
      : await questionnaireVersion(deps, questionnaireId as QuestionnaireId);
  if (!version || version.deskId !== deskId)
    throw new DomainError('invalid_input', 'unknown questionnaire', 'questionnaire');
  return {
    questionnaire: version.id,
    version: version.version,
    values: validateAnswers(version.definition, raw),
  };
}

/** The current questionnaire of the desk a form posts to: the named one, else the default desk. */
export async function questionnaireForForm(
  deps: CoreDeps,
  deskName?: string,
): Promise<QuestionnaireRecord | undefined> {
  const desk =
    deskName === undefined ? await defaultDesk(deps) : await deps.store.getDeskByName(deskName);
  return desk && currentQuestionnaire(deps, desk.id);
}

/** One answered question as a reader sees it: the question and answer texts of that version. */
export interface AnsweredQuestion {
  readonly id: string;
  readonly question: string;
  /** The answer: choice labels for choice questions (yes/no/not sure as their values). */
  readonly answer: readonly string[];
}

/**
 * A tip's answers with the question texts of the version it answered, in `locale` (English where
 * a text has none), in question order. Undefined when that version is not in the store.
 */
export async function describeAnswers(
  deps: Pick<CoreDeps, 'store'>,
  answers: TipAnswers,
  locale = 'en',
): Promise<AnsweredQuestion[] | undefined> {
  const version = await questionnaireVersion(deps, answers.questionnaire);
  if (!version) return undefined;
  return version.definition.questions.flatMap((question) => {
    const given = answers.values[question.id];
    if (given === undefined) return [];
    const values = typeof given === 'string' ? [given] : given;
    const label = (value: string) => {
      const choice = question.choices?.find((c) => c.id === value);
      return choice ? textIn(choice.label, locale).text : value;
    };
    return [
      { id: question.id, question: textIn(question.label, locale).text, answer: values.map(label) },
    ];
  });
}
