import { describe, expect, it } from 'vitest';
import { initialiseDesk, splitRecoveryKey } from '../../../src/core/index.js';
import { createDeskTest, DeskClient, enrolAndLogIn, PASSPHRASE_TEXT } from './desk-harness.js';

const shareOf = (block: string) => block.split('\n')[1]!;

async function deskWithShares() {
  const test = await createDeskTest({ initialise: false });
  const { recoveryKey } = await initialiseDesk(test.deps, {
    reviewerName: 'ana',
    passphrase: new TextEncoder().encode(PASSPHRASE_TEXT),
  });
  const shares = (
    await splitRecoveryKey(test.deps, recoveryKey, { threshold: 3, total: 5 }, 'test')
  ).map(shareOf);
  return { test, recoveryKey, shares };
}

const recover = (client: DeskClient, shares: readonly string[]) =>
  client.post(
    '/admin/recover',
    {
      recovery: '',
      shares: shares.join('\n'),
      name: 'ana',
      passphrase: 'recovered passphrase 1',
      passphrase2: 'recovered passphrase 1',
    },
    { csrf: null },
  );

const oldPassphraseStillWorks = async (test: Awaited<ReturnType<typeof deskWithShares>>['test']) =>
  (
    await new DeskClient(test.app).post(
      '/admin/login',
      { name: 'ana', passphrase: PASSPHRASE_TEXT, code: '' },
      { csrf: null },
    )
  ).status !== 401;

describe('/admin/recover with recovery shares', () => {
  it('recovers access with three shares of a 3-of-5 split pasted one per line', async () => {
    const { test, shares } = await deskWithShares();
    const client = new DeskClient(test.app);
    await enrolAndLogIn(test, client);
    const done = await recover(new DeskClient(test.app), [shares[3]!, shares[1]!, shares[4]!]);
    expect(done.status).toBe(200);
    expect(await oldPassphraseStillWorks(test)).toBe(false);
  });

  it('refuses two shares with a clear message and changes nothing', async () => {
    const { test, shares } = await deskWithShares();
    const client = new DeskClient(test.app);
    const refused = await recover(client, shares.slice(0, 2));
    expect(refused.status).toBe(400);
    expect(client.lastHtml).toContain('Not enough shares');
    expect(await oldPassphraseStillWorks(test)).toBe(true);
  });

  it('names the mistyped, repeated or foreign share and changes nothing', async () => {
    const { test, shares, recoveryKey } = await deskWithShares();
    const other = (
      await splitRecoveryKey(test.deps, recoveryKey, { threshold: 3, total: 5 }, 'test')
    ).map(shareOf);
    // one character of the body changed (not the last, whose padding bits make it malformed)
    const at = shares[2]!.length - 10;
    const typo =
      shares[2]!.slice(0, at) + (shares[2]![at] === 'A' ? 'B' : 'A') + shares[2]!.slice(at + 1);
    const cases: [string[], string][] = [
      [[shares[0]!, shares[1]!, typo], 'Share 3 does not match its checksum'],
      [[shares[0]!, shares[0]!, shares[1]!], 'Share 2 was given twice'],
      [[shares[0]!, other[1]!, shares[2]!], 'Share 2 is from a different split'],
    ];
    for (const [given, message] of cases) {
      const client = new DeskClient(test.app);
      expect((await recover(client, given)).status).toBe(400);
      expect(client.lastHtml).toContain(message);
    }
    expect(await oldPassphraseStillWorks(test)).toBe(true);
  });
});
