import { describe, expect, it } from 'vitest';
import sharp from 'sharp';
import { join } from 'node:path';
import {
  initialiseDesk,
  saveQuestionnaire,
  submitTip,
  unlockReviewer,
  exportTips,
} from '../src/core/index.js';
import {
  createTestDeps,
  filesBelow,
  PASSPHRASE,
  scanForBytes,
  tempDir,
  collect,
} from './helpers.js';

// Threat model 1 and 2: a copy of the disk shows no tip content and no tipster identifier.
describe('a byte scan of the data directory after tips arrive', () => {
  it('finds no marker text, questionnaire answer, attachment bytes, file names, contact details or chat ids', async () => {
    const { deps, dataDir, logLines } = await createTestDeps();
    const { deskId } = await initialiseDesk(deps, { reviewerName: 'ana', passphrase: PASSPHRASE });
    await saveQuestionnaire(deps, deskId, {
      questions: [{ id: 'story', type: 'text', required: false, label: { en: 'Tell more' } }],
    });
    const markers = {
      answer: 'MARKER-ANSWER-boss-kept-papers',
      message: 'MARKER-MSG-4f1c9e',
      place: 'MARKER-PLACE-bor',
      contact: 'MARKER-CONTACT-+381',
      fileName: 'MARKER-FILE-passport.jpg',
      fileBody: 'MARKER-FILE-BODY-7d2a',
      chatId: '5550001234567',
      unicode: '护照被拿走了MARKER',
    };
    const photo = await sharp({ create: { width: 8, height: 8, channels: 3, background: 'red' } })
      .jpeg()
      .withExif({ IFD0: { Copyright: 'MARKER-EXIF-GPS-44.07N' } })
      .toBuffer();
    const pdf = new TextEncoder().encode(`%PDF-1.4 ${markers.fileBody.repeat(50)}`);
    for (let i = 0; i < 3; i++) {
      await submitTip(deps, {
        channel: 'web',
        language: 'zh-Hans',
        fields: {
          message: `${markers.message} ${markers.unicode} #${i}`,
          place: markers.place,
          contact: markers.contact,
          danger: true,
          country: 'RS',
        },
        attachments: [
          { name: markers.fileName, mediaType: 'image/jpeg', bytes: new Uint8Array(photo) },
          { name: 'statement.pdf', mediaType: 'application/pdf', bytes: pdf },
        ],
        answers: { raw: { story: [markers.answer] } },
      });
    }
    await submitTip(deps, {
      channel: 'telegram',
      language: 'ru',
      fields: { message: markers.message },
      replyRoute: { kind: 'telegram', chatId: markers.chatId },
    });
    // the tips are really there and open: the scan below is not vacuous
    const unlocked = await unlockReviewer(deps, 'ana', PASSPHRASE);
    expect((await collect(exportTips(deps, unlocked))).filter((t) => t.ok)).toHaveLength(4);
    unlocked.wipe();

    const backupDir = tempDir();
    await deps.store.backupTo(join(backupDir, 'backup.db'));
    const scanned = [...filesBelow(dataDir), ...filesBelow(backupDir)];
    expect(scanned.some((f) => f.endsWith('tipline.db-wal'))).toBe(true);

    for (const marker of [...Object.values(markers), 'MARKER-EXIF-GPS-44.07N']) {
      expect(scanForBytes(dataDir, marker), marker).toEqual([]);
      expect(scanForBytes(backupDir, marker), marker).toEqual([]);
      expect(logLines.join('\n')).not.toContain(marker);
    }
    expect(scanForBytes(dataDir, 'correct horse battery staple')).toEqual([]);
  });
});
