import type { Hono } from 'hono';
import {
  acceptInvitation,
  completeFirstRun,
  createTotpSecret,
  enrolTotp,
  findInvitation,
  isDomainError,
  needsFirstRun,
  needsPasskeyRegistration,
  totpUri,
  unlockReviewer,
} from '../../../core/index.js';
import { firstText } from '../../tipster/form-body.js';
import { MessageOnlyPage } from '../desk-frame.js';
import { domainMessage, encoder, frameFor, html, qrSvg, t, type DeskKit } from '../desk-guards.js';
import { EnrolPage, JoinPage, RecoveryKeyPage, SetupPage } from './setup-pages.js';

/* First run from the one-time link, second-factor enrolment, and joining by invitation. */
export function registerSetupRoutes(app: Hono, kit: DeskKit): void {
  const {
    core,
    sessions,
    deps,
    limit,
    badForm,
    setSessionCookie,
    startSession,
    readForm,
    sameOrigin,
    guardPost,
    guardGet,
  } = kit;
  // ---- first run ----
  const setupValid = (token: string) =>
    deps.firstRun !== undefined && deps.firstRun.matches(token) && needsFirstRun(core);

  app.get('/admin/setup', (c) => {
    const token = c.req.query('token') ?? '';
    if (!setupValid(token))
      return html(
        c,
        <MessageOnlyPage frame={{ t }} title={t('setup.heading')} text={t('setup.invalid')} />,
        404,
      );
    return html(c, <SetupPage frame={{ t }} token={token} />);
  });

  app.post('/admin/setup', limit, async (c) => {
    if (!sameOrigin(c)) return c.text('forbidden', 403);
    const form = await readForm(c);
    if (!form) return badForm(c);
    const token = firstText(form, 'token') ?? '';
    const name = (firstText(form, 'name') ?? '').trim();
    if (!deps.firstRun || !setupValid(token))
      return html(
        c,
        <MessageOnlyPage frame={{ t }} title={t('setup.heading')} text={t('setup.invalid')} />,
        404,
      );
    const pass = firstText(form, 'passphrase') ?? '';
    if (pass !== (firstText(form, 'passphrase2') ?? ''))
      return html(
        c,
        <SetupPage frame={{ t }} token={token} name={name} error={t('setup.mismatch')} />,
        400,
      );
    const passphrase = encoder.encode(pass);
    try {
      const initialised = await completeFirstRun(core, deps.firstRun, token, { name, passphrase });
      const unlocked = await unlockReviewer(core, name, passphrase);
      const opened = sessions.open(unlocked, 'enrol');
      opened.session.pendingRecoveryKey = initialised.recoveryKey;
      startSession(c, opened);
      return html(
        c,
        <RecoveryKeyPage
          frame={await frameFor({ session: opened.session, token: opened.token }, core)}
          recoveryKey={initialised.recoveryKey}
        />,
      );
    } catch (error) {
      const mapped = domainMessage(error);
      if (mapped)
        return html(
          c,
          <SetupPage frame={{ t }} token={token} name={name} error={mapped.text} />,
          mapped.status,
        );
      throw error;
    } finally {
      passphrase.fill(0);
    }
  });

  app.post('/admin/setup/confirm', limit, async (c) => {
    const guarded = await guardPost(c, 'any');
    if (guarded instanceof Response) return guarded;
    const { session } = guarded.viewer;
    if (session.pendingRecoveryKey && firstText(guarded.form, 'saved') !== 'yes') {
      return html(
        c,
        <RecoveryKeyPage
          frame={await frameFor(guarded.viewer, core)}
          recoveryKey={session.pendingRecoveryKey}
          error={t('recovery.confirmRequired')}
        />,
        400,
      );
    }
    session.pendingRecoveryKey = undefined;
    return c.redirect('/admin/enrol', 303);
  });

  // ---- TOTP enrolment ----
  app.get('/admin/enrol', async (c) => {
    const viewer = guardGet(c);
    if (viewer instanceof Response) return viewer;
    const { session } = viewer;
    if (session.stage === 'active') return c.redirect('/admin', 303);
    if (session.pendingRecoveryKey)
      return html(
        c,
        <RecoveryKeyPage
          frame={await frameFor(viewer, core)}
          recoveryKey={session.pendingRecoveryKey}
        />,
      );
    session.pendingTotpSecret ??= createTotpSecret(core);
    const uri = totpUri(session.pendingTotpSecret, session.unlocked.reviewer.name);
    return html(
      c,
      <EnrolPage
        frame={await frameFor(viewer, core)}
        qrSvg={await qrSvg(uri)}
        secret={session.pendingTotpSecret}
        passkeys={kit.deps.passkeys !== undefined}
      />,
    );
  });

  app.post('/admin/enrol', limit, async (c) => {
    const guarded = await guardPost(c, 'any');
    if (guarded instanceof Response) return guarded;
    const { session } = guarded.viewer;
    if (session.stage === 'active') return c.redirect('/admin', 303);
    const secret = session.pendingTotpSecret;
    if (!secret) return c.redirect('/admin/enrol', 303);
    try {
      await enrolTotp(
        core,
        session.unlocked.reviewer,
        secret,
        firstText(guarded.form, 'code') ?? '',
      );
    } catch (error) {
      if (!isDomainError(error, 'bad_credentials')) throw error;
      const uri = totpUri(secret, session.unlocked.reviewer.name);
      return html(
        c,
        <EnrolPage
          frame={await frameFor(guarded.viewer, core)}
          qrSvg={await qrSvg(uri)}
          secret={secret}
          passkeys={kit.deps.passkeys !== undefined}
          error={t('enrol.wrong')}
        />,
        400,
      );
    }
    session.pendingTotpSecret = undefined;
    // a fresh session id once the second factor is in place; a passkey first if the desk wants one
    const passkeyFirst =
      kit.deps.passkeys !== undefined && (await needsPasskeyRegistration(core, session.reviewerId));
    const next = sessions.rotate(guarded.viewer.token, passkeyFirst ? 'passkey' : 'active');
    if (next) setSessionCookie(c, next);
    return c.redirect(passkeyFirst ? '/admin/passkey' : '/admin', 303);
  });

  // ---- invitations ----
  app.get('/admin/join', async (c) => {
    const token = c.req.query('token') ?? '';
    try {
      await findInvitation(core, token);
    } catch {
      return html(
        c,
        <MessageOnlyPage frame={{ t }} title={t('join.heading')} text={t('join.invalid')} />,
        404,
      );
    }
    return html(c, <JoinPage frame={{ t }} token={token} />);
  });

  app.post('/admin/join', limit, async (c) => {
    if (!sameOrigin(c)) return c.text('forbidden', 403);
    const form = await readForm(c);
    if (!form) return badForm(c);
    const token = firstText(form, 'token') ?? '';
    const name = (firstText(form, 'name') ?? '').trim();
    const pass = firstText(form, 'passphrase') ?? '';
    if (pass !== (firstText(form, 'passphrase2') ?? ''))
      return html(
        c,
        <JoinPage frame={{ t }} token={token} name={name} error={t('setup.mismatch')} />,
        400,
      );
    const passphrase = encoder.encode(pass);
    try {
      await acceptInvitation(core, token, { name, passphrase });
      const unlocked = await unlockReviewer(core, name, passphrase);
      startSession(c, sessions.open(unlocked, 'enrol'));
      return c.redirect('/admin/enrol', 303);
    } catch (error) {
      if (isDomainError(error, 'not_found'))
        return html(
          c,
          <MessageOnlyPage frame={{ t }} title={t('join.heading')} text={t('join.invalid')} />,
          404,
        );
      const mapped = domainMessage(error);
      if (mapped)
        return html(
          c,
          <JoinPage frame={{ t }} token={token} name={name} error={mapped.text} />,
          mapped.status,
        );
      throw error;
    } finally {
      passphrase.fill(0);
    }
  });
}
