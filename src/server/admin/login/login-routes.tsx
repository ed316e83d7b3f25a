import type { Hono } from 'hono';
import {
  warmSessionInBackground,
  recoverReviewer,
  isDomainError,
  beginPasskeyLogin,
  logIn,
  recordAudit,
} from '../../../core/index.js';
import { firstText } from '../../tipster/form-body.js';
import { deleteCookie } from 'hono/cookie';
import { LoginPage, PasskeyLoginPage } from './login-pages.js';
import { loginRefusal, registerPasskeyLoginRoutes } from './passkey-login-routes.js';
import {
  domainMessage,
  encoder,
  html,
  SESSION_COOKIE,
  stageHome,
  t,
  type DeskKit,
} from '../desk-guards.js';
import { MAX_SHARES_TEXT, RecoverPage } from './login-pages.js';
import { shareProblemText } from './share-messages.js';

/* Logging in and out, and recovery with the recovery key when every passphrase is lost. */
export function registerLoginRoutes(app: Hono, kit: DeskKit): void {
  const { core, sessions, deps, limit, startSession, readForm, sameOrigin, guardPost } = kit;
  // ---- login, logout ----
  const passkeys = deps.passkeys !== undefined;
  app.get('/admin/login', (c) => html(c, <LoginPage frame={{ t }} passkeys={passkeys} />));
  registerPasskeyLoginRoutes(app, kit);

  app.post('/admin/login', limit, async (c) => {
    if (!sameOrigin(c)) return c.text('forbidden', 403);
    const form = await readForm(c);
    if (!form) return html(c, <LoginPage frame={{ t }} error={t('error.badForm')} />, 400);
    const name = (firstText(form, 'name') ?? '').slice(0, 200);
    const passphrase = encoder.encode(firstText(form, 'passphrase') ?? '');
    try {
      const result = await logIn(core, deps.loginGuard, {
        name,
        passphrase,
        code: firstText(form, 'code') ?? '',
        clientKey: deps.clientKey(c),
        passkeys,
      });
      if (result.kind === 'passkey' && deps.passkeys) {
        const step = await beginPasskeyLogin(
          core,
          deps.passkeys,
          deps.pendingLogins,
          result.unlocked,
        );
        return html(
          c,
          <PasskeyLoginPage frame={{ t }} token={step.token} options={step.options} name={name} />,
        );
      }
      const stage =
        result.kind === 'unlocked' ? 'active' : result.kind === 'enrol' ? 'enrol' : 'passkey';
      const opened = sessions.open(result.unlocked, stage);
      startSession(c, opened);
      // index browser-sealed tips and compact the search index, in the scanner's threads
      if (stage === 'active') warmSessionInBackground(core, opened.session);
      return c.redirect(stageHome(stage), 303);
    } catch (error) {
      const refused = loginRefusal(c, error, name, passkeys);
      if (refused) return refused;
      throw error;
    } finally {
      passphrase.fill(0);
    }
  });

  app.post('/admin/logout', limit, async (c) => {
    const guarded = await guardPost(c, 'any');
    if (guarded instanceof Response) return guarded;
    await recordAudit(core, { actor: guarded.viewer.session.reviewerId, action: 'logout' });
    sessions.end(guarded.viewer.token);
    deleteCookie(c, SESSION_COOKIE, { path: '/', secure: true });
    return c.redirect('/admin/login', 303);
  });

  // ---- recovery with the recovery key (no session: for when every passphrase is lost) ----
  app.get('/admin/recover', (c) => html(c, <RecoverPage frame={{ t }} />));

  app.post('/admin/recover', limit, async (c) => {
    if (!sameOrigin(c)) return c.text('forbidden', 403);
    const form = await readForm(c);
    if (!form) return html(c, <RecoverPage frame={{ t }} error={t('error.badForm')} />, 400);
    const name = (firstText(form, 'name') ?? '').trim().slice(0, 64);
    const pass = firstText(form, 'passphrase') ?? '';
    if (pass !== (firstText(form, 'passphrase2') ?? ''))
      return html(c, <RecoverPage frame={{ t }} name={name} error={t('setup.mismatch')} />, 400);
    const clientKey = `recover:${deps.clientKey(c)}`;
    if ((await deps.loginGuard.throttle.waitFor(clientKey)) > 0)
      return html(c, <RecoverPage frame={{ t }} name={name} error={t('login.throttled')} />, 429);
    const passphrase = encoder.encode(pass);
    // the single key, or M shares (one per line) when the key box is empty
    const key = (firstText(form, 'recovery') ?? '').trim();
    const recoveryText =
      key !== '' ? key.slice(0, 200) : (firstText(form, 'shares') ?? '').slice(0, MAX_SHARES_TEXT);
    try {
      const reviewer = await deps.loginGuard.gate.run(() =>
        recoverReviewer(core, recoveryText, {
          name,
          passphrase,
        }),
      );
      sessions.endForReviewer(reviewer.id);
      await deps.loginGuard.throttle.succeed(clientKey);
      return html(c, <LoginPage frame={{ t }} notice={t('recover.done')} name={name} />);
    } catch (error) {
      if (isDomainError(error, 'bad_credentials') || isDomainError(error, 'forbidden')) {
        await deps.loginGuard.throttle.fail(clientKey);
        return html(c, <RecoverPage frame={{ t }} name={name} error={t('recover.failed')} />, 401);
      }
      const share = shareProblemText(error, t);
      if (share) return html(c, <RecoverPage frame={{ t }} name={name} error={share} />, 400);
      const mapped = domainMessage(error);
      if (mapped)
        return html(c, <RecoverPage frame={{ t }} name={name} error={mapped.text} />, 400);
      throw error;
    } finally {
      passphrase.fill(0);
    }
  });
}
