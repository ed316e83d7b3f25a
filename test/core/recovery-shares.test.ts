import { describe, expect, it } from 'vitest';
import {
  initialiseDesk,
  recoveryKeyOf,
  RecoverySharesRefused,
  splitRecoveryKey,
} from '../../src/core/index.js';
import { createTestDeps, PASSPHRASE } from '../helpers.js';

async function threeOfFive() {
  const { deps } = await createTestDeps();
  const { recoveryKey } = await initialiseDesk(deps, {
    reviewerName: 'ana',
    passphrase: PASSPHRASE,
  });
  const blocks = await splitRecoveryKey(deps, recoveryKey, { threshold: 3, total: 5 }, 'test');
  return { deps, shares: blocks.map((b) => b.split('\n')[1]!) };
}

describe('recoveryKeyOf with shares', () => {
  it('refuses a repeated share with a typed error naming the problem and the share number', async () => {
    const { deps, shares } = await threeOfFive();
    const error: unknown = await recoveryKeyOf(
      deps,
      [shares[0], shares[2], shares[2]].join('\n'),
    ).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(RecoverySharesRefused);
    const refused = error as RecoverySharesRefused;
    expect([refused.code, refused.problem, refused.shareNumber, refused.field]).toEqual([
      'invalid_input',
      'repeated',
      3,
      'shares-repeated',
    ]);
  });

  it('refuses too few shares with no share number', async () => {
    const { deps, shares } = await threeOfFive();
    const error: unknown = await recoveryKeyOf(deps, shares.slice(0, 2).join('\n')).catch(
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(RecoverySharesRefused);
    expect([
      (error as RecoverySharesRefused).problem,
      (error as RecoverySharesRefused).shareNumber,
    ]).toEqual(['too_few', undefined]);
  });
});
