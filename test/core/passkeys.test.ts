import { describe, expect, it } from 'vitest';
import {
  beginPasskeyLogin,
  beginPasskeyRegistration,
  createDeskSessions,
  createPendingLogins,
  createTotpSecret,
  enrolTotp,
  finishPasskeyLogin,
  finishPasskeyRegistration,
  initialiseDesk,
  LOGIN_FAILED,
  logIn,
  PASSKEY_CHALLENGE_MS,
  removePasskey,
  setPasskeysRequired,
  totpCodeAt,
  type CoreDeps,
  type PasskeyRelyingParty,
} from '../../src/core/index.js';
import { createTestDeps, PASSPHRASE, type TestContext } from '../helpers.js';
import { fakeLoginGuard } from '../server/admin/desk-harness.js';
import { createSoftAuthenticator, type SoftAuthenticator } from './soft-authenticator.js';

const RP: PasskeyRelyingParty = {
  rpId: 'desk.example.org',
  origins: ['https://desk.example.org'],
  rpName: 'tipline',
};
const ORIGIN = 'https://desk.example.org';

/** Ana with TOTP, logged in once, with the soft authenticator registered as her passkey. */
async function anaWithPasskey(): Promise<{
  ctx: TestContext;
  deps: CoreDeps;
  key: SoftAuthenticator;
  secret: string;
}> {
  const ctx = await createTestDeps();
  const { deps } = ctx;
  await initialiseDesk(deps, { reviewerName: 'ana', passphrase: PASSPHRASE });
  const ana = await deps.store.getReviewerByName('ana');
  if (!ana) throw new Error('no ana');
  const secret = createTotpSecret(deps);
  await enrolTotp(deps, ana, secret, totpCodeAt(secret, deps.clock()));
  ctx.setNow(deps.clock() + 30_000);
  const { guard } = fakeLoginGuard(deps.clock);
  const result = await logIn(deps, guard, {
    name: 'ana',
    passphrase: PASSPHRASE,
    code: totpCodeAt(secret, deps.clock()),
    clientKey: 'c',
  });
  const { session } = createDeskSessions(deps).open(result.unlocked, 'active');
  const options = await beginPasskeyRegistration(deps, RP, session);
  const key = createSoftAuthenticator();
  await finishPasskeyRegistration(deps, RP, session, {
    response: key.register({ challenge: options.challenge, origin: ORIGIN, rpId: RP.rpId }),
    label: 'work laptop',
  });
  return { ctx, deps, key, secret };
}

/** The passphrase step with an empty code, then the pending login's challenge. */
async function passphraseStep(deps: CoreDeps, guard = fakeLoginGuard(deps.clock).guard) {
  const pending = createPendingLogins(deps);
  const result = await logIn(deps, guard, {
    name: 'ana',
    passphrase: PASSPHRASE,
    code: '',
    clientKey: 'c',
    passkeys: true,
  });
  expect(result.kind).toBe('passkey');
  const { token, options } = await beginPasskeyLogin(deps, RP, pending, result.unlocked);
  return { pending, token, challenge: options.challenge, guard };
}

async function auditActions(deps: CoreDeps): Promise<string[]> {
  return (await deps.store.listAudit(0, 1000)).map((e) => e.action);
}

describe('passkeys', () => {
  it('logs in with a passkey after the passphrase step and audits it', async () => {
    const { deps, key } = await anaWithPasskey();
    const { pending, token, challenge, guard } = await passphraseStep(deps);
    const unlocked = await finishPasskeyLogin(deps, guard, RP, pending, {
      token,
      response: key.assert({ challenge, origin: ORIGIN, rpId: RP.rpId }),
      clientKey: 'c',
    });
    expect(unlocked.reviewer.name).toBe('ana');
    expect(unlocked.deskKeys.size).toBe(1);
    const entries = await deps.store.listAudit(0, 1000);
    expect(entries.at(-1)).toMatchObject({ action: 'login', detail: 'passkey' });
    expect(entries.map((e) => e.action)).toContain('reviewer.passkey_add');
    unlocked.wipe();
  });

  it('refuses an assertion made on another origin, as a failed login', async () => {
    const { deps, key } = await anaWithPasskey();
    const wrongCode = await logIn(deps, fakeLoginGuard(deps.clock).guard, {
      name: 'ana',
      passphrase: PASSPHRASE,
      code: '000000',
      clientKey: 'other',
      passkeys: true,
    }).catch((error: unknown) => error);
    expect(wrongCode).toMatchObject({ code: 'bad_credentials', message: LOGIN_FAILED });
    const { pending, token, challenge, guard } = await passphraseStep(deps);
    const response = key.assert({
      challenge,
      origin: 'https://desk.example.org.evil',
      rpId: RP.rpId,
    });
    await expect(
      finishPasskeyLogin(deps, guard, RP, pending, { token, response, clientKey: 'c' }),
    ).rejects.toMatchObject({ code: 'bad_credentials', message: LOGIN_FAILED });
    expect((await auditActions(deps)).at(-1)).toBe('login.failed');
  });

  it('refuses an assertion for an earlier challenge, with the same error', async () => {
    const { deps, key } = await anaWithPasskey();
    const first = await passphraseStep(deps);
    const second = await passphraseStep(deps);
    const response = key.assert({ challenge: first.challenge, origin: ORIGIN, rpId: RP.rpId });
    await expect(
      finishPasskeyLogin(deps, second.guard, RP, second.pending, {
        token: second.token,
        response,
        clientKey: 'c',
      }),
    ).rejects.toMatchObject({ code: 'bad_credentials', message: LOGIN_FAILED });
    expect((await auditActions(deps)).at(-1)).toBe('login.failed');
  });

  it('refuses a pending login used once already or past its lifetime', async () => {
    const { ctx, deps, key } = await anaWithPasskey();
    const used = await passphraseStep(deps);
    const response = key.assert({ challenge: used.challenge, origin: ORIGIN, rpId: RP.rpId });
    const unlocked = await finishPasskeyLogin(deps, used.guard, RP, used.pending, {
      token: used.token,
      response,
      clientKey: 'c',
    });
    unlocked.wipe();
    await expect(
      finishPasskeyLogin(deps, used.guard, RP, used.pending, {
        token: used.token,
        response: key.assert({ challenge: used.challenge, origin: ORIGIN, rpId: RP.rpId }),
        clientKey: 'c',
      }),
    ).rejects.toMatchObject({ code: 'bad_credentials' });
    const late = await passphraseStep(deps);
    ctx.setNow(deps.clock() + PASSKEY_CHALLENGE_MS);
    await expect(
      finishPasskeyLogin(deps, late.guard, RP, late.pending, {
        token: late.token,
        response: key.assert({ challenge: late.challenge, origin: ORIGIN, rpId: RP.rpId }),
        clientKey: 'c',
      }),
    ).rejects.toMatchObject({ code: 'bad_credentials' });
    expect((await auditActions(deps)).slice(-2)).toEqual(['login.failed', 'login.failed']);
  });

  it('refuses a replayed counter (not above the last one accepted)', async () => {
    const { deps, key } = await anaWithPasskey();
    const first = await passphraseStep(deps);
    const ok = await finishPasskeyLogin(deps, first.guard, RP, first.pending, {
      token: first.token,
      response: key.assert({
        challenge: first.challenge,
        origin: ORIGIN,
        rpId: RP.rpId,
        counter: 5,
      }),
      clientKey: 'c',
    });
    ok.wipe();
    const again = await passphraseStep(deps);
    const replay = key.assert({
      challenge: again.challenge,
      origin: ORIGIN,
      rpId: RP.rpId,
      counter: 5,
    });
    await expect(
      finishPasskeyLogin(deps, again.guard, RP, again.pending, {
        token: again.token,
        response: replay,
        clientKey: 'c',
      }),
    ).rejects.toMatchObject({ code: 'bad_credentials', message: LOGIN_FAILED });
    expect((await auditActions(deps)).at(-1)).toBe('login.failed');
  });

  it('pads a refused assertion to the same minimum duration as a failed passphrase', async () => {
    const { deps, key } = await anaWithPasskey();
    const fake = fakeLoginGuard(deps.clock, 1_500);
    const { pending, token } = await passphraseStep(deps, fake.guard);
    fake.time.now = 0;
    await expect(
      finishPasskeyLogin(deps, fake.guard, RP, pending, {
        token,
        response: key.assert({ challenge: 'AAAA', origin: ORIGIN, rpId: RP.rpId }),
        clientKey: 'c',
      }),
    ).rejects.toMatchObject({ code: 'bad_credentials' });
    expect(fake.time.now).toBe(1_500);
  });

  it('refuses a malformed assertion as a failed login, not as a crash', async () => {
    const { deps } = await anaWithPasskey();
    const { pending, token, guard } = await passphraseStep(deps);
    await expect(
      finishPasskeyLogin(deps, guard, RP, pending, {
        token,
        response: '{"id":"x","type":"public-key"',
        clientKey: 'c',
      }),
    ).rejects.toMatchObject({ code: 'bad_credentials' });
    expect((await auditActions(deps)).at(-1)).toBe('login.failed');
  });

  it('refuses a registration answered from another origin and stores nothing', async () => {
    const ctx = await createTestDeps();
    const { deps } = ctx;
    const { reviewerId } = await initialiseDesk(deps, {
      reviewerName: 'bo',
      passphrase: PASSPHRASE,
    });
    const { guard } = fakeLoginGuard(deps.clock);
    const result = await logIn(deps, guard, {
      name: 'bo',
      passphrase: PASSPHRASE,
      code: '',
      clientKey: 'c',
      passkeys: true,
    });
    expect(result.kind).toBe('enrol');
    const { session } = createDeskSessions(deps).open(result.unlocked, 'enrol');
    const options = await beginPasskeyRegistration(deps, RP, session);
    const key = createSoftAuthenticator();
    await expect(
      finishPasskeyRegistration(deps, RP, session, {
        response: key.register({
          challenge: options.challenge,
          origin: 'https://phish.example',
          rpId: RP.rpId,
        }),
        label: '',
      }),
    ).rejects.toMatchObject({ code: 'bad_credentials', field: 'passkey' });
    expect(await deps.store.listPasskeys(reviewerId)).toEqual([]);
  });

  it('sends a TOTP login to the passkey step once the desk requires passkeys', async () => {
    const { deps, secret } = await anaWithPasskey();
    const ana = await deps.store.getReviewerByName('ana');
    if (!ana) throw new Error('no ana');
    await setPasskeysRequired(deps, ana.id, true);
    const { guard } = fakeLoginGuard(deps.clock);
    const result = await logIn(deps, guard, {
      name: 'ana',
      passphrase: PASSPHRASE,
      code: totpCodeAt(secret, deps.clock() + 30_000),
      clientKey: 'c',
      passkeys: true,
    });
    expect(result.kind).toBe('passkey');
    result.unlocked.wipe();
    await expect(
      removePasskey(deps, ana.id, (await deps.store.listPasskeys(ana.id))[0]?.credentialId ?? ''),
    ).rejects.toMatchObject({ code: 'conflict' });
    expect((await auditActions(deps)).at(-1)).toBe('desk.passkeys_required');
  });
});
