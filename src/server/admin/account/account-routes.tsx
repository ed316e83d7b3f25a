import type { Context, Hono } from 'hono';
import { changePassphrase, isDomainError, listPasskeys } from '../../../core/index.js';
import { firstText } from '../../tipster/form-body.js';
import { deleteCookie } from 'hono/cookie';
import { LoginPage } from '../login/login-pages.js';
import {
  domainMessage,
  encoder,
  frameFor,
  html,
  SESSION_COOKIE,
  t,
  type DeskKit,
  type Viewer,
} from '../desk-guards.js';
import { AccountPage } from './account-pages.js';
import { PasskeySection } from './passkey-pages.js';
import { registerPasskeyRoutes } from './passkey-routes.js';
import {
  accountAlertSections,
  registerAlertSettingsRoutes,
  type AlertFormState,
} from './alert-settings.js';

/* A reviewer's own account: a new passphrase (which ends every session), and alerts.
   The desk language has its own POST (language-routes); the page here shows its form. */
export function registerAccountRoutes(app: Hono, kit: DeskKit): void {
  const { core, sessions, deps, limit, guardPost, guardGet } = kit;

  const accountPage = async (
    c: Context,
    viewer: Viewer,
    state: AlertFormState & {
      passphraseError?: string;
      languageNotice?: string;
      passkeyError?: string;
      passkeyNotice?: string;
    } = {},
    status: 200 | 400 | 403 | 404 = 200,
  ) => {
    const frame = await frameFor(viewer, core);
    const sections = await accountAlertSections(core, frame, viewer, deps.alertChannels, state);
    const passkeys = await listPasskeys(core, viewer.session.reviewerId);
    const error = state.passphraseError ? { error: state.passphraseError } : {};
    const notice = state.languageNotice ? { notice: state.languageNotice } : {};
    return html(
      c,
      <AccountPage frame={frame} {...error} {...notice}>
        <PasskeySection
          frame={frame}
          enabled={deps.passkeys !== undefined}
          passkeys={passkeys}
          error={state.passkeyError}
          notice={state.passkeyNotice}
        />
        {sections}
      </AccountPage>,
      status,
    );
  };

  registerAlertSettingsRoutes(app, {
    core,
    channels: deps.alertChannels,
    guardPost: (c) => guardPost(c),
    translatorFor: async (viewer) => (await frameFor(viewer, core)).t,
    renderAccount: accountPage,
  });

  registerPasskeyRoutes(app, kit, { renderAccount: accountPage });

  app.get('/admin/account', async (c) => {
    const viewer = guardGet(c);
    if (viewer instanceof Response) return viewer;
    if (c.req.query('done') === 'language') {
      const { t: deskT } = await frameFor(viewer, core);
      return accountPage(c, viewer, { languageNotice: deskT('account.languageSaved') });
    }
    if (c.req.query('done') === 'passkey') {
      const { t: deskT } = await frameFor(viewer, core);
      return accountPage(c, viewer, { passkeyNotice: deskT('passkey.added') });
    }
    return accountPage(c, viewer);
  });

  app.post('/admin/account/passphrase', limit, async (c) => {
    const guarded = await guardPost(c);
    if (guarded instanceof Response) return guarded;
    const { viewer, form } = guarded;
    const frame = await frameFor(viewer, core);
    const next = firstText(form, 'passphrase') ?? '';
    if (next !== (firstText(form, 'passphrase2') ?? ''))
      return accountPage(c, viewer, { passphraseError: frame.t('setup.mismatch') }, 400);
    const current = encoder.encode(firstText(form, 'current') ?? '');
    const fresh = encoder.encode(next);
    try {
      await deps.loginGuard.gate.run(() =>
        changePassphrase(core, viewer.session.unlocked.reviewer.name, current, fresh),
      );
    } catch (error) {
      if (isDomainError(error, 'bad_credentials'))
        return await accountPage(c, viewer, { passphraseError: frame.t('login.failed') }, 400);
      const mapped = domainMessage(error, frame.t);
      if (mapped) return await accountPage(c, viewer, { passphraseError: mapped.text }, 400);
      throw error;
    } finally {
      current.fill(0);
      fresh.fill(0);
    }
    sessions.endForReviewer(viewer.session.reviewerId);
    deleteCookie(c, SESSION_COOKIE, { path: '/', secure: true });
    return html(c, <LoginPage frame={{ t }} error={t('account.changed')} />);
  });
}
