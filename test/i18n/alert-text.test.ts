import { describe, expect, it } from 'vitest';
import { CATALOGS } from '../../src/i18n/catalogs.js';
import { LOCALES } from '../../src/i18n/locales.js';
import {
  ALERT_BODY_BYTES,
  ALERT_SUBJECT_BYTES,
  createAlertText,
} from '../../src/i18n/alert-text.js';

describe('the alert text', () => {
  const text = createAlertText(CATALOGS);

  it.each(LOCALES.map((l) => l.tag))(
    'has a subject and body of constant byte length in %s',
    (tag) => {
      const message = text(tag);
      expect(Buffer.byteLength(message.subject, 'utf8')).toBe(ALERT_SUBJECT_BYTES);
      expect(Buffer.byteLength(message.body, 'utf8')).toBe(ALERT_BODY_BYTES);
      expect(message.subject.trimEnd()).toBe(CATALOGS[tag]['alert.subject']);
      expect(message.body.trimEnd()).toBe(CATALOGS[tag]['alert.body']);
    },
  );

  it('is one fixed sentence: no placeholder, digit or tip vocabulary to fill in', () => {
    for (const locale of LOCALES) {
      const catalog = CATALOGS[locale.tag];
      for (const value of [catalog['alert.subject'], catalog['alert.body']]) {
        expect(value).not.toMatch(/\{\w+\}|\d/);
      }
    }
    expect(CATALOGS.en['alert.body']).toBe(
      'There is new activity on the tip line. Open the desk to read it.',
    );
  });

  it('falls back to English for a language it does not have, and maps regional tags', () => {
    expect(text('xx').body).toBe(text('en').body);
    expect(text('zh-TW').body).toBe(text('zh-Hant').body);
  });
});
