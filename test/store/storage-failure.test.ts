import { describe, expect, it } from 'vitest';
import { asStorageFailure } from '../../src/store/storage-failure.js';
import {
  DomainError,
  isDomainError,
  STORAGE_ALARM_INTERVAL_MS,
  withStorageAlarm,
  type Store,
} from '../../src/core/index.js';
import { createMemoryLogger } from '../../src/logging/logger.js';
import { CATALOGS } from '../../src/i18n/catalogs.js';
import { startTestBot } from '../bot/bot-harness.js';

const sqliteError = (code: string) =>
  Object.assign(new Error(`${code}: INSERT INTO tips …`), { code });

describe('storage failures', () => {
  it('reports a full, read-only, failing or locked database as the unavailable domain error', () => {
    for (const code of [
      'SQLITE_FULL',
      'SQLITE_READONLY',
      'SQLITE_READONLY_DBMOVED',
      'SQLITE_IOERR',
      'SQLITE_IOERR_WRITE',
      'SQLITE_IOERR_FSYNC',
      'SQLITE_CANTOPEN',
      'SQLITE_BUSY',
    ]) {
      const mapped = asStorageFailure(sqliteError(code));
      expect(isDomainError(mapped, 'unavailable')).toBe(true);
      // the SQLite message may quote a statement: only the code is kept
      expect((mapped as DomainError).message).toBe(code);
    }
  });

  it('leaves damage and programming errors as they are', () => {
    for (const code of [
      'SQLITE_CORRUPT',
      'SQLITE_CONSTRAINT_UNIQUE',
      'SQLITE_ERROR',
      'SQLITE_FULLX',
    ]) {
      const error = sqliteError(code);
      expect(asStorageFailure(error)).toBe(error);
    }
    const plain = new TypeError('x');
    expect(asStorageFailure(plain)).toBe(plain);
  });

  it('tells the operator once a minute, with the code and a count, and never the statement', async () => {
    const logger = createMemoryLogger();
    let now = 0;
    const failing = {
      countTips: () => Promise.reject(new DomainError('unavailable', 'SQLITE_FULL')),
      listDesks: () => Promise.resolve([]),
    } as unknown as Store;
    const store = withStorageAlarm(failing, logger, () => now);
    for (let i = 0; i < 5; i++) await expect(store.countTips()).rejects.toThrow('SQLITE_FULL');
    await expect(store.listDesks()).resolves.toEqual([]);
    expect(logger.lines).toHaveLength(1);
    expect(JSON.parse(logger.lines[0]!)).toMatchObject({
      event: 'storage.unavailable',
      code: 'SQLITE_FULL',
      count: 1,
    });
    now += STORAGE_ALARM_INTERVAL_MS;
    await expect(store.countTips()).rejects.toThrow();
    expect(logger.lines).toHaveLength(2);
    expect(JSON.parse(logger.lines[1]!)).toMatchObject({ count: 5 });
  });

  it('has the bot apologise, keep the draft, and store it at the next /submit once storage is back', async () => {
    const t = await startTestBot();
    const en = CATALOGS.en;
    const store = t.deps.store as { insertTip: Store['insertTip'] };
    const insertTip = store.insertTip;
    store.insertTip = () => Promise.reject(new DomainError('unavailable', 'SQLITE_FULL'));
    const alice = t.fake.user({ chatId: 7_700_999_777, languageCode: 'en' });
    alice.send('/report');
    await alice.nextReply();
    alice.send('the story survives a full disk');
    await alice.nextReply();
    alice.send('/submit');
    expect((await alice.nextReply()).text).toBe(en['bot.unavailable']);
    expect(t.logLines.join('\n')).not.toContain('bot.update_failed');
    store.insertTip = insertTip;
    alice.send('/submit');
    expect((await alice.nextReply()).text).toMatch(/\d{4}(?: \d{4}){4}/);
    expect(await t.deps.store.countTips()).toBe(1);
  });
});
