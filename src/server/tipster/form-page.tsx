import type { CheckBack, QuestionnaireRecord } from '../../core/index.js';
import { QuestionnaireFields, type AnswerInput } from './questionnaire-fields.js';
import type { IntakeLimits } from '../../core/index.js';
import { EmergencyPanel } from './emergency-panel.js';
import { countryOptions, type EmergencyDirectory } from '../../i18n/countries.js';
import { ReceiptContent } from './receipt-page.js';
import { PageShell, type PageContext } from './page-shell.js';

export type DangerAnswer = 'yes' | 'no' | 'unknown';

/** What the tipster typed, kept when the form comes back with an error. */
export interface FormValues {
  readonly message?: string;
  readonly country?: string;
  readonly place?: string;
  readonly when?: string;
  readonly danger?: DangerAnswer;
  readonly contact?: string;
  /** A desk other than the main one, from a partner's link (`/?desk=name`). */
  readonly desk?: string;
  /** Answers to the desk's questionnaire, by question id. */
  readonly answers?: AnswerInput;
}

export interface FormPageProps {
  readonly page: PageContext;
  readonly limits: IntakeLimits;
  readonly directory: EmergencyDirectory;
  readonly values?: FormValues;
  /** An already-translated error, shown above the form. */
  readonly error?: string;
  /** The desk's check-back choice, for the receipt the in-browser path shows. */
  readonly checkBack?: CheckBack;
  /** The desk's current questionnaire, asked after the fixed danger question. */
  readonly questionnaire?: QuestionnaireRecord | undefined;
}

const ACCEPT = 'image/*,application/pdf,audio/*,video/*';

/**
 * Emergency numbers as inert JSON for the in-browser receipt; `<` escaped so it cannot close the
 * script. Compact (each text once, numbers as [kind, number]) because it rides on the no-JS
 * page's 30 KB budget; the browser takes the country's name from the form's country list.
 */
function emergencyJson(page: PageContext, directory: EmergencyDirectory): string {
  const kinds = new Set(Object.values(directory).flatMap((e) => e.numbers.map((n) => n.kind)));
  const data = {
    call: page.t('danger.call', { country: COUNTRY_SLOT }),
    kinds: Object.fromEntries([...kinds].map((kind) => [kind, page.t(`danger.kind.${kind}`)])),
    numbers: Object.fromEntries(
      Object.entries(directory).map(([code, entry]) => [
        code,
        entry.numbers.map((n) => [n.kind, n.number]),
      ]),
    ),
  };
  return JSON.stringify(data).replace(/</g, '\\u003c');
}

/** Where the in-browser receipt puts the country's name in `call`. */
const COUNTRY_SLOT = '{country}';

export function FormPage({
  page,
  limits,
  directory,
  values = {},
  error,
  checkBack,
  questionnaire,
}: FormPageProps) {
  const { t, locale } = page;
  return (
    <PageShell page={page} scripts={['/static/seal-tip.js']}>
      <h1>{t('form.heading')}</h1>
      <p class="lede">{t('form.intro')}</p>
      {error ? (
        <div class="errors" role="alert" id="form-error">
          <strong>{t('error.heading')}</strong>
          <p>{error}</p>
        </div>
      ) : null}
      {values.danger === 'yes' ? (
        <EmergencyPanel t={t} locale={locale} country={values.country} directory={directory} />
      ) : null}
      <form
        id="tip-form"
        method="post"
        action="/tips"
        enctype="multipart/form-data"
        autocomplete="off"
        data-error-text={t('error.server')}
        data-strip-error={t('error.photoMetadata')}
      >
        <input type="hidden" name="lang" value={locale} />
        {values.desk ? <input type="hidden" name="desk" value={values.desk} /> : ''}
        <div class="field">
          <label for="message">
            {t('form.message.label')} <span class="tag">({t('form.required')})</span>
          </label>
          <span class="hint" id="message-hint">
            {t('form.message.hint')}
          </span>
          <textarea
            id="message"
            name="message"
            required
            maxlength={limits.maxMessageChars}
            aria-describedby="message-hint"
            rows={8}
          >
            {values.message ?? ''}
          </textarea>
        </div>
        <div class="field">
          <label for="country">{t('form.country.label')}</label>
          <select id="country" name="country">
            <option value="">{t('form.country.choose')}</option>
            {countryOptions(locale, directory).map((c) => (
              <option value={c.code} selected={values.country === c.code}>
                {c.name}
              </option>
            ))}
            <option value="other" selected={values.country === 'other'}>
              {t('form.country.other')}
            </option>
          </select>
        </div>
        <div class="field">
          <label for="place">
            {t('form.place.label')} <span class="tag">({t('form.optional')})</span>
          </label>
          <input
            type="text"
            id="place"
            name="place"
            maxlength={limits.maxFieldChars}
            value={values.place ?? ''}
          />
        </div>
        <div class="field">
          <label for="when">
            {t('form.when.label')} <span class="tag">({t('form.optional')})</span>
          </label>
          <span class="hint" id="when-hint">
            {t('form.when.hint')}
          </span>
          <input
            type="text"
            id="when"
            name="when"
            maxlength={limits.maxFieldChars}
            aria-describedby="when-hint"
            value={values.when ?? ''}
          />
        </div>
        <fieldset>
          <legend>{t('form.danger.legend')}</legend>
          <div class="choices">
            {(['yes', 'no', 'unknown'] as const).map((answer) => (
              <label>
                <input
                  type="radio"
                  name="danger"
                  value={answer}
                  checked={values.danger === answer}
                />
                {t(`form.danger.${answer}`)}
              </label>
            ))}
          </div>
        </fieldset>
        {questionnaire ? (
          <QuestionnaireFields
            page={page}
            questionnaire={questionnaire}
            {...(values.answers ? { answers: values.answers } : {})}
            directory={directory}
            maxChars={limits.maxFieldChars}
          />
        ) : null}
        <div class="field">
          <label for="attachments">
            {t('form.attachments.label')} <span class="tag">({t('form.optional')})</span>
          </label>
          <span class="hint" id="attachments-hint">
            {t('form.attachments.hint', {
              count: limits.maxAttachments,
              megabytes: Math.floor(limits.maxAttachmentBytesTotal / (1024 * 1024)),
            })}
          </span>
          <input
            type="file"
            id="attachments"
            name="attachments"
            multiple
            accept={ACCEPT}
            aria-describedby="attachments-hint"
          />
        </div>
        <div class="field">
          <label for="contact">
            {t('form.contact.label')} <span class="tag">({t('form.optional')})</span>
          </label>
          <p class="warning" id="contact-warning">
            {t('form.contact.warning')}
          </p>
          <input
            type="text"
            id="contact"
            name="contact"
            maxlength={limits.maxFieldChars}
            aria-describedby="contact-warning"
            value={values.contact ?? ''}
          />
        </div>
        <button type="submit">{t('form.submit')}</button>
      </form>
      <template id="sealed-receipt">
        <ReceiptContent
          page={page}
          codename=""
          {...(checkBack ? { checkBack } : {})}
          emergency={
            <section class="danger" id="emergency" hidden>
              <h2>{t('danger.heading')}</h2>
              <p>{t('danger.callLocal')}</p>
            </section>
          }
        />
      </template>
      <script
        type="application/json"
        id="emergency-data"
        dangerouslySetInnerHTML={{ __html: emergencyJson(page, directory) }}
      ></script>
    </PageShell>
  );
}
