import type { Context, Hono } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import {
  alertSettingsOf,
  CHECK_BACK_CHOICES,
  createTelegramLinkCode,
  isDomainError,
  listDeskCheckBacks,
  setAlertLanguage,
  setDeskCheckBack,
  setEmailAlerts,
  turnAlertsOff,
  type CoreDeps,
  type DeskSession,
} from '../../../core/index.js';
import { LOCALES } from '../../../i18n/locales.js';
import { firstText, type FormBody } from '../../tipster/form-body.js';
import { Notice, type AdminFrame, type AdminTranslate } from '../desk-frame.js';

/*
 * The account page's alert section: e-mail address, Telegram link, language, off; and, for
 * admins, each desk's check-back time. Thin: core validates, seals and audits.
 */

/** Which channels this server can deliver (from config and the bot). */
export interface AlertChannelsAvailable {
  readonly email: boolean;
  /** Present when the bot runs: its @username once known, for the t.me link. */
  readonly telegramBotName: (() => string | undefined) | undefined;
}

/** What the account page shows after a POST here. */
export interface AlertFormState {
  readonly notice?: string;
  readonly error?: string;
  readonly link?: { readonly code: string; readonly display: string };
}

type Viewer = { readonly session: DeskSession };

export interface AlertSettingsDeps<V extends Viewer> {
  readonly core: CoreDeps;
  readonly channels: AlertChannelsAvailable;
  /** admin-routes' guard: the session and form, or the response that refuses the POST. */
  readonly guardPost: (c: Context) => Promise<{ viewer: V; form: FormBody } | Response>;
  /** The viewer's desk language, for notices and errors. */
  readonly translatorFor: (viewer: V) => Promise<AdminTranslate>;
  /** Renders the account page with this section in the given state. */
  readonly renderAccount: (
    c: Context,
    viewer: V,
    state: AlertFormState,
    status?: 200 | 400 | 403 | 404,
  ) => Promise<Response>;
}

const FORM_BYTES = 16 * 1024;

function Csrf(props: { frame: AdminFrame }) {
  return <input type="hidden" name="_csrf" value={props.frame.viewer?.csrf ?? ''} />;
}

/** The sections rendered at the end of the account page. */
export async function accountAlertSections(
  core: CoreDeps,
  frame: AdminFrame,
  viewer: Viewer,
  channels: AlertChannelsAvailable,
  state: AlertFormState = {},
) {
  const { t } = frame;
  const view = await alertSettingsOf(core, viewer.session.reviewerId);
  const botName = channels.telegramBotName?.();
  const desks = frame.viewer?.admin ? await listDeskCheckBacks(core) : [];
  const link = state.link;
  const deepLink = link && botName ? `https://t.me/${botName}?start=alert-${link.code}` : '';
  return (
    <>
      <section id="alerts">
        <h2>{t('alerts.heading')}</h2>
        <p>{t('alerts.intro', { minutes: Math.round(core.alerts.intervalMs / 60_000) })}</p>
        <Notice text={state.error} />
        <Notice text={state.notice} kind="notice" />
        <p>
          {view.emailHint ? t('alerts.emailOn', { hint: view.emailHint }) : t('alerts.emailOff')}
        </p>
        {channels.email ? '' : <p class="warning">{t('alerts.emailNotConfigured')}</p>}
        <form method="post" action="/admin/account/alerts">
          <Csrf frame={frame} />
          <div class="field">
            <label for="alert-email">{t('alerts.email')}</label>
            <input
              type="email"
              id="alert-email"
              name="email"
              maxlength={254}
              autocomplete="email"
              required
            />
          </div>
          <div class="field">
            <label for="alert-language">{t('alerts.language')}</label>
            <select id="alert-language" name="language">
              {LOCALES.map((l) => (
                <option value={l.tag} selected={l.tag === view.language}>
                  {l.name}
                </option>
              ))}
            </select>
          </div>
          <button type="submit" name="action" value="email">
            {t('alerts.emailSave')}
          </button>
        </form>
        <p>{view.telegram ? t('alerts.telegramOn') : t('alerts.telegramOff')}</p>
        {link ? (
          <p class="notice" id="telegram-link">
            {botName
              ? t('alerts.telegramCode', { link: deepLink, code: link.display })
              : t('alerts.telegramCodeNoLink', { code: link.display })}
            {deepLink ? (
              <>
                {' '}
                <a href={deepLink} rel="noreferrer">
                  {deepLink}
                </a>
              </>
            ) : (
              ''
            )}
          </p>
        ) : (
          ''
        )}
        {channels.telegramBotName ? '' : <p class="warning">{t('alerts.telegramNotConfigured')}</p>}
        <form method="post" action="/admin/account/alerts" class="inline">
          <Csrf frame={frame} />
          <button type="submit" name="action" value="telegram">
            {t('alerts.telegramLink')}
          </button>
          {view.emailHint ? (
            <button type="submit" name="action" value="off-email">
              {t('alerts.offEmail')}
            </button>
          ) : (
            ''
          )}
          {view.telegram ? (
            <button type="submit" name="action" value="off-telegram">
              {t('alerts.offTelegram')}
            </button>
          ) : (
            ''
          )}
          {view.emailHint || view.telegram ? (
            <button type="submit" name="action" value="off">
              {t('alerts.off')}
            </button>
          ) : (
            ''
          )}
        </form>
      </section>
      {desks.length > 0 ? (
        <section id="check-back">
          <h2>{t('checkBack.heading')}</h2>
          <p>{t('checkBack.intro')}</p>
          {desks.map((desk) => (
            <form method="post" action="/admin/account/check-back" class="inline">
              <Csrf frame={frame} />
              <input type="hidden" name="desk" value={desk.id} />
              <label for={`check-back-${desk.id}`}>{desk.name}</label>
              <select id={`check-back-${desk.id}`} name="checkBack">
                {CHECK_BACK_CHOICES.map((choice) => (
                  <option value={choice} selected={choice === desk.checkBack}>
                    {t(`checkBack.${choice}`)}
                  </option>
                ))}
              </select>
              <button type="submit">{t('checkBack.save')}</button>
            </form>
          ))}
        </section>
      ) : (
        ''
      )}
    </>
  );
}

/** POST /admin/account/alerts and /admin/account/check-back. */
export function registerAlertSettingsRoutes<V extends Viewer>(
  app: Hono,
  deps: AlertSettingsDeps<V>,
): void {
  const { core } = deps;
  const limit = bodyLimit({ maxSize: FORM_BYTES, onError: (c) => c.text('too large', 413) });

  app.post('/admin/account/alerts', limit, async (c) => {
    const guarded = await deps.guardPost(c);
    if (guarded instanceof Response) return guarded;
    const { viewer, form } = guarded;
    const t = await deps.translatorFor(viewer);
    const reviewerId = viewer.session.reviewerId;
    const actor = reviewerId;
    const action = firstText(form, 'action');
    try {
      switch (action) {
        case 'email': {
          const language = firstText(form, 'language') ?? 'en';
          await setEmailAlerts(core, {
            reviewerId,
            address: (firstText(form, 'email') ?? '').slice(0, 1024),
            language: LOCALES.some((l) => l.tag === language) ? language : 'en',
            actor,
          });
          return await deps.renderAccount(c, viewer, { notice: t('alerts.saved') });
        }
        case 'language': {
          const language = firstText(form, 'language') ?? '';
          if (!LOCALES.some((l) => l.tag === language))
            return await deps.renderAccount(
              c,
              viewer,
              { error: t('error.badInput', { field: 'language' }) },
              400,
            );
          await setAlertLanguage(core, reviewerId, language);
          return await deps.renderAccount(c, viewer, { notice: t('alerts.saved') });
        }
        case 'telegram': {
          const link = await createTelegramLinkCode(core, { reviewerId, actor });
          return await deps.renderAccount(c, viewer, { link });
        }
        case 'off':
        case 'off-email':
        case 'off-telegram':
          await turnAlertsOff(core, {
            reviewerId,
            actor,
            ...(action === 'off' ? {} : { channel: action === 'off-email' ? 'email' : 'telegram' }),
          });
          return await deps.renderAccount(c, viewer, { notice: t('alerts.saved') });
        default:
          return await deps.renderAccount(
            c,
            viewer,
            { error: t('error.badInput', { field: 'action' }) },
            400,
          );
      }
    } catch (error) {
      if (isDomainError(error, 'invalid_input') && error.field === 'email')
        return deps.renderAccount(c, viewer, { error: t('alerts.emailInvalid') }, 400);
      if (isDomainError(error, 'invalid_input'))
        return deps.renderAccount(
          c,
          viewer,
          { error: t('error.badInput', { field: error.field ?? 'input' }) },
          400,
        );
      throw error;
    }
  });

  app.post('/admin/account/check-back', limit, async (c) => {
    const guarded = await deps.guardPost(c);
    if (guarded instanceof Response) return guarded;
    const { viewer, form } = guarded;
    const t = await deps.translatorFor(viewer);
    try {
      await setDeskCheckBack(
        core,
        viewer.session.reviewerId,
        firstText(form, 'desk') ?? '',
        firstText(form, 'checkBack') ?? '',
      );
      return await deps.renderAccount(c, viewer, { notice: t('checkBack.saved') });
    } catch (error) {
      if (isDomainError(error, 'forbidden'))
        return deps.renderAccount(c, viewer, { error: t('error.forbidden') }, 403);
      if (isDomainError(error, 'not_found'))
        return deps.renderAccount(c, viewer, { error: t('error.notFound') }, 404);
      if (isDomainError(error, 'invalid_input'))
        return deps.renderAccount(
          c,
          viewer,
          { error: t('error.badInput', { field: 'checkBack' }) },
          400,
        );
      throw error;
    }
  });
}
