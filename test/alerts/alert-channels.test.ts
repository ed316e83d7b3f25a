import { describe, expect, it, onTestFinished } from 'vitest';
import { createServer, type Socket } from 'node:net';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import {
  addReviewer,
  createAlertDelivery,
  createDesk,
  createTelegramLinkCode,
  grantDeskKeys,
  setEmailAlerts,
  unlockReviewer,
  type AlertSender,
  type CoreDeps,
} from '../../src/core/index.js';
import { createEmailAlertSender } from '../../src/alerts/email-sender.js';
import { createTelegramAlertSender } from '../../src/bot/alert-sender.js';
import { createApp } from '../../src/server/app.js';
import { CATALOGS } from '../../src/i18n/catalogs.js';
import { createAlertText } from '../../src/i18n/alert-text.js';
import { createTestDeps, PASSPHRASE, scanForBytes, tempDir, submission } from '../helpers.js';
import { initialiseDesk } from '../../src/core/index.js';
import { startTestBot, type TestBot } from '../bot/bot-harness.js';
import { form, TEST_EMERGENCY } from '../server/test-app.js';
import { startSmtpSink, type ReceivedMail, type SmtpSink } from './smtp-sink.js';
import { submitTip } from '../../src/core/index.js';

const DESK = 'markerdesk-kestrel';
const ANA_EMAIL = 'ana.alerts@ngo.example';
const BO_EMAIL = 'bo.alerts@partner.example';
const ANA_CHAT = 7_100_000_001;
const BO_CHAT = 7_100_000_002;
const TIPSTER_CHAT = 5_550_009_999;
const URGENT_BOUND_MS = 60_000;
const FROM = 'desk@tipline.example';

/** Starts the delivery loop as main.ts does (real timers), stopped when the test ends. */
function startDelivery(deps: CoreDeps, senders: AlertSender[]) {
  const delivery = createAlertDelivery(deps, { senders, message: createAlertText(CATALOGS) });
  const stop = delivery.start({
    pollMs: 10_000,
    sweepMs: 30_000,
    every: (ms, run) => {
      const timer = setInterval(run, ms);
      return () => clearInterval(timer);
    },
  });
  onTestFinished(stop);
  return delivery;
}

/** Two reviewers on desk DESK with e-mail and Telegram alerts, linked through the bot. */
async function alertingDesk(t: TestBot, smtp: SmtpSink) {
  const unlocked = await unlockReviewer(t.deps, 'ana', PASSPHRASE);
  const bo = await addReviewer(t.deps, unlocked, {
    name: 'bo',
    passphrase: PASSPHRASE,
    role: 'reviewer',
  });
  await createDesk(t.deps, unlocked, DESK);
  await grantDeskKeys(t.deps, unlocked, bo.id);
  unlocked.wipe();
  const ana = (await t.deps.store.getReviewerByName('ana'))!;
  for (const [reviewer, address, language] of [
    [ana, ANA_EMAIL, 'en'],
    [bo, BO_EMAIL, 'vi'],
  ] as const)
    await setEmailAlerts(t.deps, { reviewerId: reviewer.id, address, language, actor: 'cli' });

  // ana follows the t.me deep link, bo types /link with the code shown on the desk
  const anaLink = await createTelegramLinkCode(t.deps, { reviewerId: ana.id, actor: ana.id });
  const anaChat = t.fake.user({ chatId: ANA_CHAT, languageCode: 'en' });
  anaChat.send(`/start alert-${anaLink.code}`);
  await anaChat.replyContaining(CATALOGS.en['bot.alertLink.done']);
  const boLink = await createTelegramLinkCode(t.deps, { reviewerId: bo.id, actor: bo.id });
  const boChat = t.fake.user({ chatId: BO_CHAT, languageCode: 'vi' });
  boChat.send(`/link ${boLink.display}`);
  await boChat.replyContaining(CATALOGS.vi['bot.alertLink.done']);

  const email = createEmailAlertSender({ smtpUrl: smtp.url, from: FROM });
  onTestFinished(() => email.close());
  startDelivery(t.deps, [email, createTelegramAlertSender(t.bot)]);
  return { ana, bo };
}

async function waitFor(predicate: () => boolean, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!predicate()) {
    if (Date.now() > deadline) throw new Error('timed out');
    await new Promise((r) => setTimeout(r, 20));
  }
}

const telegramAlerts = (t: TestBot, chatId: number, text: string) =>
  t.fake.chat(chatId).filter((m) => m.from === 'bot' && m.text?.trimEnd() === text);

function expectNothingTold(mail: ReceivedMail, forbidden: readonly string[]) {
  for (const value of forbidden) {
    expect(mail.subject, value).not.toContain(value);
    expect(mail.text, value).not.toContain(value);
    expect(mail.raw, value).not.toContain(value);
  }
}

describe('alerts through a real SMTP server and the fake Bot API', () => {
  it('sends one e-mail and one Telegram message per alerting reviewer within a minute for a danger tip from the web form and from the bot', async () => {
    const smtp = await startSmtpSink();
    onTestFinished(() => smtp.close());
    const t = await startTestBot();
    await alertingDesk(t, smtp);
    const app = createApp({
      core: t.deps,
      web: {
        quickExitUrl: 'https://neutral.example/',
        onionAddress: undefined,
        rateLimitPerHour: 1000,
      },
      catalogs: CATALOGS,
      emergencyNumbers: TEST_EMERGENCY,
      desk: { telegram: t.bot, telegramBotName: () => t.bot.username(), emailAlerts: true },
    });

    // 1. the web form, no JavaScript: the server seals it and sees the danger answer
    const webMarker = 'MARKER-WEB-DANGER-3c1f';
    const started = Date.now();
    const response = await app.request(
      '/tips',
      form({ message: webMarker, danger: 'yes', desk: DESK, lang: 'en' }),
    );
    expect(response.status).toBe(200);
    expect(await response.text()).toContain(CATALOGS.en['receipt.next.3d']);
    await smtp.waitForMails(2, URGENT_BOUND_MS);
    await waitFor(
      () =>
        telegramAlerts(t, ANA_CHAT, CATALOGS.en['alert.body']).length === 1 &&
        telegramAlerts(t, BO_CHAT, CATALOGS.vi['alert.body']).length === 1,
      URGENT_BOUND_MS,
    );
    expect(Date.now() - started).toBeLessThan(URGENT_BOUND_MS);
    expect(smtp.mails.map((m) => m.to).sort()).toEqual([[ANA_EMAIL], [BO_EMAIL]]);

    // 2. the bot, through the desk's deep link (which still routes tips by desk)
    const botMarker = 'MARKER-BOT-DANGER-77aa';
    const tipster = t.fake.user({ chatId: TIPSTER_CHAT, languageCode: 'en' });
    tipster.send(`/start ${DESK}`);
    await tipster.nextReply();
    tipster.send('/report');
    await tipster.nextReply();
    tipster.send(botMarker);
    await tipster.nextReply();
    for (const step of ['next', 'skip', 'skip', 'skip']) {
      tipster.press(step);
      await tipster.nextReply();
    }
    tipster.press('danger:yes');
    await tipster.nextReply();
    await tipster.nextReply();
    const botStarted = Date.now();
    tipster.send('/submit');
    const receipt = await tipster.nextReply();
    expect(receipt.text).toContain(CATALOGS.en['receipt.next.3d']);
    // ordinary batching would hold these for 15 minutes: danger goes at once
    await smtp.waitForMails(4, URGENT_BOUND_MS);
    await waitFor(
      () =>
        telegramAlerts(t, ANA_CHAT, CATALOGS.en['alert.body']).length === 2 &&
        telegramAlerts(t, BO_CHAT, CATALOGS.vi['alert.body']).length === 2,
      URGENT_BOUND_MS,
    );
    expect(Date.now() - botStarted).toBeLessThan(URGENT_BOUND_MS);
    expect(smtp.mails).toHaveLength(4);

    // what an alert says: the fixed text, nothing about the tip, the desk or anyone else
    const tips = await t.deps.store.listTips({ limit: 10 });
    expect(tips).toHaveLength(2);
    for (const mail of smtp.mails) {
      const mine = mail.to[0] === ANA_EMAIL;
      expect(mail.subject.trimEnd()).toBe(CATALOGS[mine ? 'en' : 'vi']['alert.subject']);
      expect(mail.text.trimEnd()).toBe(CATALOGS[mine ? 'en' : 'vi']['alert.body']);
      expectNothingTold(mail, [
        webMarker,
        botMarker,
        DESK,
        ...tips.map((tip) => tip.id),
        mine ? BO_EMAIL : ANA_EMAIL,
        String(TIPSTER_CHAT),
        'danger',
        'urgent',
      ]);
    }
    // constant size: every alert e-mail body is the same number of bytes on the wire
    const bodies = smtp.mails.map((m) => m.raw.slice(m.raw.indexOf('\r\n\r\n')).length);
    expect(new Set(bodies).size).toBe(1);
    for (const chat of [ANA_CHAT, BO_CHAT])
      for (const message of t.fake.chat(chat).filter((m) => m.from === 'bot'))
        for (const value of [webMarker, botMarker, DESK, ...tips.map((tip) => tip.id)])
          expect(message.text ?? '').not.toContain(value);

    // no log line holds tip text, a desk name, a tip id, an address or a chat id
    const logs = t.logLines.join('\n');
    expect(logs).toContain('"event":"alert.sent"');
    for (const value of [
      webMarker,
      botMarker,
      DESK,
      ANA_EMAIL,
      BO_EMAIL,
      String(ANA_CHAT),
      String(BO_CHAT),
      String(TIPSTER_CHAT),
    ])
      expect(logs, value).not.toContain(value);
    const alertLines = t.logLines.filter((l) => l.includes('"event":"alert.'));
    for (const tip of tips) expect(alertLines.join('\n')).not.toContain(tip.id);

    // and on disk: the addresses and chat ids are sealed (database, WAL, backup)
    const backupDir = tempDir();
    await t.deps.store.backupTo(join(backupDir, 'backup.db'));
    for (const value of [ANA_EMAIL, BO_EMAIL, 'ngo.example', String(ANA_CHAT), String(BO_CHAT)]) {
      expect(scanForBytes(t.dataDir, value), value).toEqual([]);
      expect(scanForBytes(backupDir, value), value).toEqual([]);
    }
  });

  it('acknowledges tips at once while the SMTP server never answers, and logs the failure by code only', async () => {
    // a server that accepts connections and says nothing: the worst case for a mail client
    const sockets: Socket[] = [];
    const silent = createServer((socket) => sockets.push(socket));
    await new Promise<void>((resolve) => silent.listen(0, '127.0.0.1', resolve));
    onTestFinished(
      () =>
        new Promise<void>((resolve) => {
          for (const socket of sockets) socket.destroy();
          silent.close(() => resolve());
        }),
    );
    const port = (silent.address() as AddressInfo).port;
    const t = await startTestBot();
    const ana = (await t.deps.store.getReviewerByName('ana'))!;
    await setEmailAlerts(t.deps, {
      reviewerId: ana.id,
      address: ANA_EMAIL,
      language: 'en',
      actor: 'cli',
    });
    const email = createEmailAlertSender({
      smtpUrl: `smtp://127.0.0.1:${port}`,
      from: FROM,
      timeoutMs: 1_500,
    });
    onTestFinished(() => email.close());
    startDelivery(t.deps, [email]);
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
    for (let i = 0; i < 3; i++) {
      const started = performance.now();
      const response = await app.request('/tips', form({ message: `urgent ${i}`, danger: 'yes' }));
      expect(response.status).toBe(200);
      expect(performance.now() - started).toBeLessThan(1_000);
    }
    await waitFor(() => t.logLines.some((l) => l.includes('"event":"alert.failed"')), 10_000);
    const failed = t.logLines.find((l) => l.includes('"event":"alert.failed"'))!;
    expect(failed).toMatch(/"code":"[A-Z]+"/);
    expect(t.logLines.join('\n')).not.toContain(ANA_EMAIL);
    expect((await t.deps.store.listScheduledAlerts())[0]?.attempts).toBe(1);
    // a plain submitTip is just as quick: queuing is a database write, sending comes later
    const started = performance.now();
    await submitTip(t.deps, submission('another'));
    expect(performance.now() - started).toBeLessThan(1_000);
  });

  it('turns a burst of 50 ordinary tips into one e-mail per reviewer per interval, on a fake clock', async () => {
    const smtp = await startSmtpSink();
    onTestFinished(() => smtp.close());
    const { deps, setNow } = await createTestDeps();
    let now = Date.UTC(2026, 10, 22, 2, 0, 0);
    setNow(now);
    await initialiseDesk(deps, { reviewerName: 'ana', passphrase: PASSPHRASE });
    const unlocked = await unlockReviewer(deps, 'ana', PASSPHRASE);
    const bo = await addReviewer(deps, unlocked, {
      name: 'bo',
      passphrase: PASSPHRASE,
      role: 'reviewer',
    });
    unlocked.wipe();
    const ana = (await deps.store.getReviewerByName('ana'))!;
    await setEmailAlerts(deps, {
      reviewerId: ana.id,
      address: ANA_EMAIL,
      language: 'en',
      actor: 'cli',
    });
    await setEmailAlerts(deps, {
      reviewerId: bo.id,
      address: BO_EMAIL,
      language: 'en',
      actor: 'cli',
    });
    const email = createEmailAlertSender({ smtpUrl: smtp.url, from: FROM });
    onTestFinished(() => email.close());
    const delivery = createAlertDelivery(deps, {
      senders: [email],
      message: createAlertText(CATALOGS),
    });
    for (let i = 0; i < 50; i++) {
      await submitTip(deps, submission(`MARKER-BURST-${i}`));
      now += 5_000;
      setNow(now);
      await delivery.runDue();
    }
    // 50 tips over 250 s: the first alerts, the rest wait for the end of the 15-minute interval
    expect(smtp.mails).toHaveLength(2);
    now += 15 * 60_000;
    setNow(now);
    await delivery.runDue();
    expect(smtp.mails).toHaveLength(4);
    expect(smtp.mails.filter((m) => m.to[0] === ANA_EMAIL)).toHaveLength(2);
    for (const mail of smtp.mails) expectNothingTold(mail, ['MARKER-BURST', 'main']);
  });
});
