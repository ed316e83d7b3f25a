import { describe, expect, it } from 'vitest';
import { createApp } from '../../src/server/app.js';
import {
  addReviewer,
  createDesk,
  moveTipToDesk,
  openTip,
  sendReply,
  unlockReviewer,
  type CoreDeps,
  type DeskId,
  type TipId,
  type UnlockedReviewer,
} from '../../src/core/index.js';
import { CATALOGS } from '../../src/i18n/catalogs.js';
import { PASSPHRASE, scanForBytes } from '../helpers.js';
import { codenameFrom, form, TEST_EMERGENCY } from '../server/test-app.js';
import { startTestBot } from './bot-harness.js';

const CHAT_ID = 7_700_654_321;
const ZHU_PASSPHRASE = new TextEncoder().encode('zhu has a long passphrase for yunnan');

/**
 * Admin ana creates desk "yunnan" and moves the tip there; "zhu" is a reviewer granted the
 * yunnan desk only (not the desk the tip came from), unlocked as at login.
 */
async function moveToPartner(deps: CoreDeps, tipId: TipId) {
  const first = await unlockReviewer(deps, 'ana', PASSPHRASE);
  const yunnan = await createDesk(deps, first, 'yunnan');
  first.wipe();
  const ana = await unlockReviewer(deps, 'ana', PASSPHRASE);
  const from = (await deps.store.getTip(tipId))?.deskId as DeskId;
  await moveTipToDesk(deps, ana, tipId, from, yunnan);
  const yunnanKeys = new Set((await deps.store.listDeskKeys(yunnan)).map((k) => k.id));
  const grantor: UnlockedReviewer = {
    ...ana,
    deskKeys: new Map([...ana.deskKeys].filter(([id]) => yunnanKeys.has(id))),
  };
  await addReviewer(deps, grantor, { name: 'zhu', passphrase: ZHU_PASSPHRASE, role: 'reviewer' });
  ana.wipe();
  const zhu = await unlockReviewer(deps, 'zhu', ZHU_PASSPHRASE);
  expect([...zhu.deskKeys.keys()].every((id) => yunnanKeys.has(id))).toBe(true);
  return { zhu, yunnan };
}

describe('a case moved to another desk', () => {
  it('keeps its Telegram chat: a reviewer of the target desk replies and the reply reaches that chat', async () => {
    const t = await startTestBot();
    const alice = t.fake.user({ chatId: CHAT_ID, languageCode: 'en' });
    alice.send('/report');
    await alice.nextReply();
    alice.send('MARKER-TG-MOVED they keep us in a hostel');
    await alice.nextReply();
    alice.send('/submit');
    await alice.nextReply();
    await alice.nextReply();
    const [tip] = await t.deps.store.listTips({ limit: 10 });
    const tipId = tip?.id as TipId;

    const { zhu, yunnan } = await moveToPartner(t.deps, tipId);
    const moved = await t.deps.store.getTip(tipId);
    expect(moved?.deskId).toBe(yunnan);
    expect(openTip(t.deps, zhu, moved!).fields.message).toContain('MARKER-TG-MOVED');

    const outcome = await sendReply(t.deps, t.bot, zhu, tipId, 'MARKER-YUNNAN-REPLY we can help');
    zhu.wipe();
    expect(outcome.delivery).toBe('telegram');
    const call = await t.fake.waitForCall(
      (c) =>
        c.method === 'sendMessage' && JSON.stringify(c.payload).includes('MARKER-YUNNAN-REPLY'),
    );
    expect(String(call.payload.chat_id)).toBe(String(CHAT_ID));
    expect((await alice.nextReply()).text).toBe(
      CATALOGS.en['bot.reply.incoming'].replace('{text}', 'MARKER-YUNNAN-REPLY we can help'),
    );
    for (const needle of ['MARKER-TG-MOVED', 'MARKER-YUNNAN-REPLY', String(CHAT_ID)])
      expect(scanForBytes(t.dataDir, needle)).toEqual([]);
  });

  it('keeps its web inbox: the tipster reads the target desk reviewer’s reply at /inbox', async () => {
    const t = await startTestBot();
    const app = createApp({
      core: t.deps,
      web: {
        quickExitUrl: 'https://neutral.example/',
        onionAddress: undefined,
        rateLimitPerHour: 1000,
      },
      catalogs: CATALOGS,
      emergencyNumbers: TEST_EMERGENCY,
    });
    const receipt = await app.request(
      '/tips',
      form({ message: 'MARKER-WEB-MOVED a farm near the border', lang: 'en' }),
    );
    expect(receipt.status).toBe(200);
    const codename = codenameFrom(await receipt.text());
    const [tip] = await t.deps.store.listTips({ limit: 10 });
    const tipId = tip?.id as TipId;

    const { zhu } = await moveToPartner(t.deps, tipId);
    const outcome = await sendReply(t.deps, t.bot, zhu, tipId, 'MARKER-WEB-REPLY call us');
    zhu.wipe();
    expect(outcome.delivery).toBe('inbox');
    const inbox = await (await app.request('/inbox', form({ codename }))).text();
    expect(inbox).toContain('MARKER-WEB-REPLY call us');
    expect(t.fake.calls.filter((c) => JSON.stringify(c.payload).includes('MARKER'))).toEqual([]);
    for (const needle of ['MARKER-WEB-MOVED', 'MARKER-WEB-REPLY'])
      expect(scanForBytes(t.dataDir, needle)).toEqual([]);
  });
});
