import { describe, expect, it } from 'vitest';
import {
  addFollowUp,
  initialiseDesk,
  isDomainError,
  openInbox,
  readThread,
  replyToTipster,
  submitTip,
  unlockReviewer,
} from '../../src/core/index.js';
import { createTestDeps, PASSPHRASE, submission } from '../helpers.js';

async function withTip() {
  const ctx = await createTestDeps();
  await initialiseDesk(ctx.deps, { reviewerName: 'ana', passphrase: PASSPHRASE });
  const receipt = await submitTip(ctx.deps, submission('original'));
  const reviewer = await unlockReviewer(ctx.deps, 'ana', PASSPHRASE);
  return { ...ctx, receipt, reviewer };
}

describe('the case thread', () => {
  it('shows a reviewer’s reply in the tipster’s inbox and in the desk’s thread', async () => {
    const { deps, receipt, reviewer } = await withTip();
    await replyToTipster(deps, reviewer, receipt.tipId, 'We read your report. Are you safe?');
    const inbox = await openInbox(deps, receipt.codename);
    expect(inbox.entries.map((e) => [e.from, e.text])).toEqual([
      ['staff', 'We read your report. Are you safe?'],
    ]);
    expect((await readThread(deps, reviewer, receipt.tipId)).map((e) => [e.kind, e.text])).toEqual([
      ['reply', 'We read your report. Are you safe?'],
    ]);
  });

  it('joins a follow-up to the same case, readable by the desk and by the tipster', async () => {
    const { deps, receipt, reviewer } = await withTip();
    await addFollowUp(deps, receipt.codename.replace(/ /g, '-'), 'They moved us to another house.');
    expect((await readThread(deps, reviewer, receipt.tipId)).map((e) => e.text)).toEqual([
      'They moved us to another house.',
    ]);
    expect((await openInbox(deps, receipt.codename)).entries.map((e) => e.from)).toEqual(['you']);
  });

  it('gives the same empty view for a wrong codename as for an empty inbox', async () => {
    const { deps, receipt } = await withTip();
    const wrong = receipt.codename.startsWith('1')
      ? `2${receipt.codename.slice(1)}`
      : `1${receipt.codename.slice(1)}`;
    expect(await openInbox(deps, wrong)).toEqual(await openInbox(deps, receipt.codename));
  });

  it('rejects a follow-up for a codename that does not exist and stores nothing', async () => {
    const { deps, receipt, reviewer } = await withTip();
    const wrong = receipt.codename.startsWith('1')
      ? `2${receipt.codename.slice(1)}`
      : `1${receipt.codename.slice(1)}`;
    await expect(addFollowUp(deps, wrong, 'hello')).rejects.toSatisfy((e) =>
      isDomainError(e, 'not_found'),
    );
    expect(await readThread(deps, reviewer, receipt.tipId)).toEqual([]);
  });

  it('rejects text that is not a codename', async () => {
    const { deps } = await withTip();
    await expect(openInbox(deps, 'abc 1234')).rejects.toSatisfy((e) =>
      isDomainError(e, 'invalid_input'),
    );
  });

  it('rejects an empty or oversized follow-up', async () => {
    const { deps, receipt } = await withTip();
    await expect(addFollowUp(deps, receipt.codename, ' \u0000 ')).rejects.toSatisfy((e) =>
      isDomainError(e, 'invalid_input'),
    );
    await expect(addFollowUp(deps, receipt.codename, 'x'.repeat(10_001))).rejects.toSatisfy((e) =>
      isDomainError(e, 'too_large'),
    );
  });
});
