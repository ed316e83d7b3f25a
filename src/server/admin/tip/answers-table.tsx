import { textIn, type Question, type TipDetail } from '../../../core/index.js';
import type { AdminFrame } from '../desk-frame.js';

/* A tip's questionnaire answers as a table, with the question texts of the version it answered. */

export function AnswersTable(props: { frame: AdminFrame; detail: TipDetail }) {
  const { t } = props.frame;
  const locale = props.frame.locale ?? 'en';
  const { content, questionnaire } = props.detail;
  const answers = content.answers;
  if (!answers || !questionnaire) return null;
  const valueText = (question: Question, value: string): string => {
    if (question.type === 'yes_no')
      return value === 'yes' ? t('tip.yes') : value === 'no' ? t('tip.no') : t('tip.notSure');
    const choice = question.choices?.find((c) => c.id === value);
    return choice ? textIn(choice.label, locale).text : value;
  };
  const rows = questionnaire.definition.questions.flatMap((question) => {
    const given = answers.values[question.id];
    if (given === undefined) return [];
    const values = typeof given === 'string' ? [given] : given;
    return [{ question, text: values.map((v) => valueText(question, v)).join(', ') }];
  });
  if (rows.length === 0) return null;
  return (
    <>
      <h2>{t('tip.answers', { version: answers.version })}</h2>
      <table class="answers" id="tip-answers">
        <tbody>
          {rows.map(({ question, text }) => (
            <tr>
              <th scope="row">{textIn(question.label, locale).text}</th>
              <td>{text}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </>
  );
}
