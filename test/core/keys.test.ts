import { describe, expect, it } from 'vitest';
import {
  addReviewer,
  initialiseDesk,
  isDomainError,
  openTip,
  recoverReviewer,
  revokeReviewer,
  submitTip,
  unlockReviewer,
  unlockWithRecoveryKey,
} from '../../src/core/index.js';
import { createTestDeps, PASSPHRASE, submission } from '../helpers.js';

const utf8 = (text: string) => new TextEncoder().encode(text);

async function initialised() {
  const ctx = await createTestDeps();
  const init = await initialiseDesk(ctx.deps, { reviewerName: 'ana', passphrase: PASSPHRASE });
  return { ...ctx, init };
}

describe('desk initialisation', () => {
  it('creates a desk whose first reviewer can unlock its key', async () => {
    const { deps } = await initialised();
    const unlocked = await unlockReviewer(deps, 'ana', PASSPHRASE);
    expect(unlocked.reviewer.role).toBe('admin');
    expect(unlocked.deskKeys.size).toBe(1);
    unlocked.wipe();
    expect(unlocked.deskKeys.size).toBe(0);
  });

  it('refuses to initialise twice and changes nothing', async () => {
    const { deps } = await initialised();
    await expect(
      initialiseDesk(deps, { reviewerName: 'bo', passphrase: PASSPHRASE }),
    ).rejects.toSatisfy((e) => isDomainError(e, 'already_initialised'));
    expect((await deps.store.listReviewers()).map((r) => r.name)).toEqual(['ana']);
  });

  it('rejects a short passphrase before creating anything', async () => {
    const { deps } = await createTestDeps();
    await expect(
      initialiseDesk(deps, { reviewerName: 'ana', passphrase: utf8('short') }),
    ).rejects.toSatisfy((e) => isDomainError(e, 'invalid_input'));
    expect(await deps.store.listDesks()).toEqual([]);
  });

  it('stores neither the passphrase nor the recovery key', async () => {
    const { deps, init } = await initialised();
    const stored =
      JSON.stringify(await deps.store.listReviewers()) +
      JSON.stringify(await deps.store.listDeskKeys());
    expect(stored).not.toContain('correct horse');
    expect(init.recoveryKey).toMatch(/^TLRK1-/);
  });
});

describe('reviewer unlock', () => {
  it('fails the same way for a wrong passphrase and an unknown name', async () => {
    const { deps } = await initialised();
    const wrong = await unlockReviewer(deps, 'ana', utf8('not the passphrase')).catch(
      (e: unknown) => e,
    );
    const unknown = await unlockReviewer(deps, 'nobody', PASSPHRASE).catch((e: unknown) => e);
    expect(isDomainError(wrong, 'bad_credentials')).toBe(true);
    expect(isDomainError(unknown, 'bad_credentials')).toBe(true);
    expect((wrong as Error).message).toBe((unknown as Error).message);
  });
});

describe('reviewers and grants', () => {
  it('lets an added reviewer open tips sealed before they joined', async () => {
    const { deps } = await initialised();
    const receipt = await submitTip(deps, submission('early tip'));
    const admin = await unlockReviewer(deps, 'ana', PASSPHRASE);
    await addReviewer(deps, admin, {
      name: 'bo',
      passphrase: utf8('bo passphrase 1234'),
      role: 'reviewer',
    });
    admin.wipe();
    const bo = await unlockReviewer(deps, 'bo', utf8('bo passphrase 1234'));
    const tip = (await deps.store.getTip(receipt.tipId))!;
    expect(openTip(deps, bo, tip).fields.message).toBe('early tip');
  });

  it('refuses a second reviewer with the same name', async () => {
    const { deps } = await initialised();
    const admin = await unlockReviewer(deps, 'ana', PASSPHRASE);
    await expect(
      addReviewer(deps, admin, { name: 'ana', passphrase: PASSPHRASE, role: 'reviewer' }),
    ).rejects.toSatisfy((e) => isDomainError(e, 'conflict'));
  });

  it('keeps a revoked reviewer from reading tips that arrive after the revocation', async () => {
    const { deps } = await initialised();
    const admin = await unlockReviewer(deps, 'ana', PASSPHRASE);
    await addReviewer(deps, admin, {
      name: 'bo',
      passphrase: utf8('bo passphrase 1234'),
      role: 'reviewer',
    });
    // bo unlocked the desk before being revoked: the worst case, a copy of the old desk key
    const boBefore = await unlockReviewer(deps, 'bo', utf8('bo passphrase 1234'));
    await revokeReviewer(deps, 'bo');
    const later = await submitTip(deps, submission('after revocation'));
    const tip = (await deps.store.getTip(later.tipId))!;
    expect(() => openTip(deps, boBefore, tip)).toThrow(
      expect.objectContaining({ code: 'forbidden' }),
    );
    await expect(unlockReviewer(deps, 'bo', utf8('bo passphrase 1234'))).rejects.toSatisfy((e) =>
      isDomainError(e, 'bad_credentials'),
    );
    const adminAfter = await unlockReviewer(deps, 'ana', PASSPHRASE);
    expect(openTip(deps, adminAfter, tip).fields.message).toBe('after revocation');
  });

  it('refuses to revoke the last admin', async () => {
    const { deps } = await initialised();
    await expect(revokeReviewer(deps, 'ana')).rejects.toThrow(
      expect.objectContaining({ code: 'conflict' }),
    );
  });
});

describe('recovery', () => {
  it('opens every desk key with the recovery key', async () => {
    const { deps, init } = await initialised();
    const receipt = await submitTip(deps, submission('recover me'));
    const unlocked = await unlockWithRecoveryKey(deps, init.recoveryKey.toLowerCase());
    expect(openTip(deps, unlocked, (await deps.store.getTip(receipt.tipId))!).fields.message).toBe(
      'recover me',
    );
  });

  it('rejects a recovery key with one character changed', async () => {
    const { deps, init } = await initialised();
    const last = init.recoveryKey.at(-1) === '0' ? '1' : '0';
    await expect(unlockWithRecoveryKey(deps, init.recoveryKey.slice(0, -1) + last)).rejects.toThrow(
      expect.objectContaining({ code: 'bad_credentials' }),
    );
  });

  it('gives a reviewer who lost their passphrase a new one and all tips back', async () => {
    const { deps, init } = await initialised();
    const receipt = await submitTip(deps, submission('kept through recovery'));
    await recoverReviewer(deps, init.recoveryKey, {
      name: 'ana',
      passphrase: utf8('a brand new passphrase'),
    });
    await expect(unlockReviewer(deps, 'ana', PASSPHRASE)).rejects.toSatisfy((e) =>
      isDomainError(e, 'bad_credentials'),
    );
    const unlocked = await unlockReviewer(deps, 'ana', utf8('a brand new passphrase'));
    expect(openTip(deps, unlocked, (await deps.store.getTip(receipt.tipId))!).fields.message).toBe(
      'kept through recovery',
    );
  });

  it('still opens tips from before a key rotation after recovery', async () => {
    const { deps, init } = await initialised();
    const before = await submitTip(deps, submission('before rotation'));
    const admin = await unlockReviewer(deps, 'ana', PASSPHRASE);
    await addReviewer(deps, admin, {
      name: 'bo',
      passphrase: utf8('bo passphrase 1234'),
      role: 'reviewer',
    });
    await revokeReviewer(deps, 'bo');
    const after = await submitTip(deps, submission('after rotation'));
    await recoverReviewer(deps, init.recoveryKey, {
      name: 'cy',
      passphrase: utf8('cy passphrase 12345'),
    });
    const cy = await unlockReviewer(deps, 'cy', utf8('cy passphrase 12345'));
    expect(openTip(deps, cy, (await deps.store.getTip(before.tipId))!).fields.message).toBe(
      'before rotation',
    );
    expect(openTip(deps, cy, (await deps.store.getTip(after.tipId))!).fields.message).toBe(
      'after rotation',
    );
  });
});
