import type { InboxView } from '../../core/index.js';
import { MAX_THREAD_MESSAGE_CHARS } from '../../core/index.js';
import { PageShell, type PageContext } from './page-shell.js';

/** The codename form, and after a codename is given, the replies and a follow-up form. */
export function InboxPage(props: {
  page: PageContext;
  codename?: string;
  view?: InboxView;
  sent?: boolean;
  error?: string;
  followUpText?: string;
}) {
  const { t, locale } = props.page;
  const { view, codename } = props;
  return (
    <PageShell page={props.page} title={t('inbox.heading')}>
      <h1>{t('inbox.heading')}</h1>
      {props.error ? (
        <div class="errors" role="alert" id="form-error">
          <p>{props.error}</p>
        </div>
      ) : null}
      {props.sent ? (
        <p class="notice" role="status" id="followup-sent">
          {t('inbox.followup.sent')}
        </p>
      ) : null}
      {view && codename !== undefined ? (
        <>
          {view.entries.length === 0 ? (
            <p id="inbox-empty">{t('inbox.none')}</p>
          ) : (
            <ol class="thread" id="thread">
              {view.entries.map((entry) => (
                <li>
                  <span class="who">
                    {entry.from === 'staff' ? t('inbox.fromStaff') : t('inbox.fromYou')}
                  </span>
                  {entry.text}
                </li>
              ))}
            </ol>
          )}
          <form method="post" action="/inbox/followup" autocomplete="off">
            <input type="hidden" name="lang" value={locale} />
            <input type="hidden" name="codename" value={codename} />
            <div class="field">
              <label for="followup">{t('inbox.followup.label')}</label>
              <textarea
                id="followup"
                name="message"
                required
                maxlength={MAX_THREAD_MESSAGE_CHARS}
                rows={5}
              >
                {props.followUpText ?? ''}
              </textarea>
            </div>
            <button type="submit">{t('inbox.followup.submit')}</button>
          </form>
        </>
      ) : (
        <>
          <p>{t('inbox.intro')}</p>
          <form method="post" action="/inbox" autocomplete="off">
            <input type="hidden" name="lang" value={locale} />
            <div class="field">
              <label for="codename">{t('inbox.codename.label')}</label>
              <span class="hint" id="codename-hint">
                {t('inbox.codename.hint')}
              </span>
              <input
                type="text"
                id="codename"
                name="codename"
                inputmode="numeric"
                maxlength={64}
                aria-describedby="codename-hint"
                required
              />
            </div>
            <button type="submit">{t('inbox.open')}</button>
          </form>
        </>
      )}
    </PageShell>
  );
}

export function MessagePage(props: { page: PageContext; heading: string; text: string }) {
  return (
    <PageShell page={props.page} title={props.heading}>
      <h1>{props.heading}</h1>
      <p>{props.text}</p>
    </PageShell>
  );
}
