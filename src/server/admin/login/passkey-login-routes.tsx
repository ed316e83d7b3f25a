import type { Context, Hono } from 'hono';
import { finishPasskeyLogin, isDomainError, warmSessionInBackground } from '../../../core/index.js';
import { firstText } from '../../tipster/form-body.js';
import { html, t, type DeskKit } from '../desk-guards.js';
import { LoginPage } from './login-pages.js';

/*
 * The second step of a passkey login: the browser posts the pending login's token and its
 * assertion. Any refusal (unknown or used token, old challenge, foreign origin, replayed
 * counter, bad signature) is the login form again with the one failed-login message.
 */

/** The login form for a refused or throttled attempt, or undefined for any other error. */
export function loginRefusal(
  c: Context,
  error: unknown,
  name: string,
  passkeys: boolean,
): Response | undefined {
  if (isDomainError(error, 'rate_limited'))
    return html(
      c,
      <LoginPage frame={{ t }} error={t('login.throttled')} name={name} passkeys={passkeys} />,
      429,
    );
  if (isDomainError(error, 'bad_credentials'))
    return html(
      c,
      <LoginPage frame={{ t }} error={t('login.failed')} name={name} passkeys={passkeys} />,
      401,
    );
  return undefined;
}

export function registerPasskeyLoginRoutes(app: Hono, kit: DeskKit): void {
  const { core, sessions, deps, limit, startSession, readForm, sameOrigin } = kit;
  const rp = deps.passkeys;

  app.post('/admin/login/passkey', limit, async (c) => {
    if (!rp) return c.notFound();
    if (!sameOrigin(c)) return c.text('forbidden', 403);
    const form = await readForm(c);
    if (!form) return html(c, <LoginPage frame={{ t }} error={t('error.badForm')} />, 400);
    const name = (firstText(form, 'name') ?? '').slice(0, 200);
    try {
      const unlocked = await finishPasskeyLogin(core, deps.loginGuard, rp, deps.pendingLogins, {
        token: (firstText(form, 'token') ?? '').slice(0, 200),
        response: (firstText(form, 'response') ?? '').slice(0, 20_000),
        clientKey: deps.clientKey(c),
      });
      const opened = sessions.open(unlocked, 'active');
      startSession(c, opened);
      warmSessionInBackground(core, opened.session);
      return c.redirect('/admin', 303);
    } catch (error) {
      const refused = loginRefusal(c, error, name, true);
      if (refused) return refused;
      throw error;
    }
  });
}
