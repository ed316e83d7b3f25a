import type { Context, Hono } from 'hono';
import {
  beginPasskeyRegistration,
  finishPasskeyRegistration,
  isDomainError,
  removePasskey,
  setPasskeysRequired,
  warmSessionInBackground,
} from '../../../core/index.js';
import { firstText } from '../../tipster/form-body.js';
import { domainMessage, frameFor, html, type DeskKit, type Viewer } from '../desk-guards.js';
import { PasskeyRegisterPage, PasskeyStartPage } from './passkey-pages.js';

export interface PasskeyRouteOptions {
  /** The account page with a message in its passkey section. */
  readonly renderAccount: (
    c: Context,
    viewer: Viewer,
    state: { passkeyError?: string; passkeyNotice?: string },
    status?: 200 | 400 | 403 | 404,
  ) => Promise<Response>;
}

/*
 * Registering and removing one's passkeys, and the admin switch that requires them. Thin: core
 * holds the challenge in the session and decides; a reviewer whose session waits for a passkey
 * (stage `passkey`, or `enrol` choosing a passkey instead of TOTP) becomes active once one is in.
 */
export function registerPasskeyRoutes(app: Hono, kit: DeskKit, options: PasskeyRouteOptions): void {
  const { core, sessions, deps, limit, guardGet, guardPost, isAdmin, forbidden } = kit;
  const rp = deps.passkeys;

  const startPage = async (c: Context, viewer: Viewer, error?: string) => {
    const frame = await frameFor(viewer, core);
    const required = viewer.session.stage === 'passkey';
    const page = error ? (
      <PasskeyStartPage frame={frame} required={required} error={error} />
    ) : (
      <PasskeyStartPage frame={frame} required={required} />
    );
    return html(c, page, error ? 400 : 200);
  };

  app.get('/admin/passkey', async (c) => {
    const viewer = guardGet(c);
    if (viewer instanceof Response) return viewer;
    if (!rp) return c.notFound();
    return startPage(c, viewer);
  });

  app.post('/admin/passkey/begin', limit, async (c) => {
    const guarded = await guardPost(c, 'any');
    if (guarded instanceof Response) return guarded;
    if (!rp) return c.notFound();
    const { viewer, form } = guarded;
    const frame = await frameFor(viewer, core);
    try {
      const ceremony = await beginPasskeyRegistration(core, rp, viewer.session);
      const label = (firstText(form, 'label') ?? '').slice(0, 64);
      return html(c, <PasskeyRegisterPage frame={frame} options={ceremony} label={label} />);
    } catch (error) {
      const mapped = domainMessage(error, frame.t);
      if (mapped) return startPage(c, viewer, mapped.text);
      throw error;
    }
  });

  app.post('/admin/passkey/finish', limit, async (c) => {
    const guarded = await guardPost(c, 'any');
    if (guarded instanceof Response) return guarded;
    if (!rp) return c.notFound();
    const { viewer, form } = guarded;
    const frame = await frameFor(viewer, core);
    try {
      await finishPasskeyRegistration(core, rp, viewer.session, {
        response: (firstText(form, 'response') ?? '').slice(0, 20_000),
        label: firstText(form, 'label') ?? '',
      });
    } catch (error) {
      if (isDomainError(error, 'bad_credentials') || isDomainError(error, 'invalid_input'))
        return startPage(c, viewer, frame.t('passkey.notVerified'));
      const mapped = domainMessage(error, frame.t);
      if (mapped) return startPage(c, viewer, mapped.text);
      throw error;
    }
    if (viewer.session.stage === 'active') return c.redirect('/admin/account?done=passkey', 303);
    // the second factor is in place: a fresh session id, and the session's background work
    viewer.session.pendingTotpSecret = undefined;
    const next = sessions.rotate(viewer.token, 'active');
    if (next) kit.setSessionCookie(c, next);
    warmSessionInBackground(core, viewer.session);
    return c.redirect('/admin', 303);
  });

  app.post('/admin/passkey/remove', limit, async (c) => {
    const guarded = await guardPost(c);
    if (guarded instanceof Response) return guarded;
    const { viewer, form } = guarded;
    const { t } = await frameFor(viewer, core);
    try {
      await removePasskey(
        core,
        viewer.session.reviewerId,
        (firstText(form, 'id') ?? '').slice(0, 2000),
      );
    } catch (error) {
      if (isDomainError(error, 'conflict'))
        return options.renderAccount(c, viewer, { passkeyError: t('passkey.lastFactor') }, 400);
      const mapped = domainMessage(error, t);
      if (mapped) return options.renderAccount(c, viewer, { passkeyError: mapped.text }, 404);
      throw error;
    }
    return options.renderAccount(c, viewer, { passkeyNotice: t('passkey.removed') });
  });

  // ---- the admin switch: passkeys for everyone ----
  app.post('/admin/people/passkeys', limit, async (c) => {
    const guarded = await guardPost(c);
    if (guarded instanceof Response) return guarded;
    const { viewer, form } = guarded;
    if (!rp || !(await isAdmin(viewer))) return forbidden(c, viewer);
    const required = firstText(form, 'required') === 'on';
    await setPasskeysRequired(core, viewer.session.reviewerId, required);
    return c.redirect('/admin/people', 303);
  });
}
