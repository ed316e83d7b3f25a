import type { Hono } from 'hono';
import { changePassphrase, isDomainError } from '../../../core/index.js';
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
} from '../desk-guards.js';
import { AccountPage } from './account-pages.js';

/* A reviewer's own account: a new passphrase ends every session. */
export function registerAccountRoutes(app: Hono, kit: DeskKit): void {
  const { core, sessions, deps, limit, guardPost, guardGet } = kit;
  // ---- account ----
  app.get('/admin/account', async (c) => {
    const viewer = guardGet(c);
    if (viewer instanceof Response) return viewer;
    const frame = await frameFor(viewer, core);
    const notice =
      c.req.query('done') === 'language' ? frame.t('account.languageSaved') : undefined;
    return html(c, <AccountPage frame={frame} {...(notice ? { notice } : {})} />);
  });

  app.post('/admin/account/passphrase', limit, async (c) => {
    const guarded = await guardPost(c);
    if (guarded instanceof Response) return guarded;
    const { viewer, form } = guarded;
    const frame = await frameFor(viewer, core);
    const next = firstText(form, 'passphrase') ?? '';
    if (next !== (firstText(form, 'passphrase2') ?? ''))
      return html(c, <AccountPage frame={frame} error={frame.t('setup.mismatch')} />, 400);
    const current = encoder.encode(firstText(form, 'current') ?? '');
    const fresh = encoder.encode(next);
    try {
      await deps.loginGuard.gate.run(() =>
        changePassphrase(core, viewer.session.unlocked.reviewer.name, current, fresh),
      );
    } catch (error) {
      if (isDomainError(error, 'bad_credentials'))
        return html(c, <AccountPage frame={frame} error={frame.t('login.failed')} />, 400);
      const mapped = domainMessage(error, frame.t);
      if (mapped) return html(c, <AccountPage frame={frame} error={mapped.text} />, 400);
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
