import type { ThreadEntry, TipRecord } from '../../../core/index.js';
import { Csrf, when, type AdminFrame } from '../desk-frame.js';

/* "Download case file": a plain form (no JavaScript). The answer is the encrypted file itself. */
export function CaseFileForm(props: {
  frame: AdminFrame;
  tip: Pick<TipRecord, 'id'>;
  thread: readonly ThreadEntry[];
}) {
  const { t } = props.frame;
  const notes = props.thread.filter((entry) => entry.kind === 'note');
  return (
    <form method="post" action={`/admin/tips/${props.tip.id}/case-file`} class="filters">
      <h2>{t('caseFile.heading')}</h2>
      <p class="hint">{t('caseFile.hint')}</p>
      <Csrf frame={props.frame} />
      {notes.length > 0 ? (
        <fieldset>
          <legend>{t('caseFile.notes')}</legend>
          {notes.map((note) => (
            <label>
              <input type="checkbox" name="note" value={note.id} /> {when(note.at)} –{' '}
              {(note.text ?? t('inbox.damaged')).slice(0, 80)}
            </label>
          ))}
        </fieldset>
      ) : (
        ''
      )}
      <fieldset>
        <legend>{t('caseFile.to')}</legend>
        <label>
          <input type="radio" name="to" value="passphrase" checked /> {t('caseFile.toPassphrase')}
        </label>
        <label>
          {t('caseFile.passphrase')} <span class="hint">{t('caseFile.passphraseHint')}</span>
          <input
            type="password"
            name="passphrase"
            minlength={12}
            maxlength={1024}
            autocomplete="new-password"
          />
        </label>
        <label>
          {t('caseFile.confirmation')}
          <input
            type="password"
            name="confirmation"
            minlength={12}
            maxlength={1024}
            autocomplete="new-password"
          />
        </label>
        <label>
          <input type="radio" name="to" value="age" /> {t('caseFile.toAge')}
        </label>
        <label>
          {t('caseFile.recipient')} <span class="hint">{t('caseFile.recipientHint')}</span>
          <input
            type="text"
            name="recipient"
            maxlength={100}
            spellcheck={false}
            autocomplete="off"
          />
        </label>
      </fieldset>
      <button type="submit">{t('caseFile.submit')}</button>
    </form>
  );
}
