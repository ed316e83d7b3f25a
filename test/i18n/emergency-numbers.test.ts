import { describe, expect, it } from 'vitest';
import { EMERGENCY_NUMBERS } from '../../src/i18n/emergency-numbers.js';

// The countries of every language we speak, plus the Western Balkans route.
const REQUIRED = [
  'RS',
  'BA',
  'ME',
  'MK',
  'CN',
  'TW',
  'HK',
  'VN',
  'KR',
  'MN',
  'RU',
  'TH',
  'MM',
  'KH',
  'LA',
  'ID',
  'PH',
  'MY',
];

describe('emergency numbers', () => {
  it('cover every required country with an emergency or police number', () => {
    for (const code of REQUIRED) {
      const kinds = EMERGENCY_NUMBERS[code]?.numbers.map((n) => n.kind) ?? [];
      expect(kinds.includes('emergency') || kinds.includes('police'), code).toBe(true);
    }
  });

  it('are short dialable numbers, each entry with a source and a review date', () => {
    for (const [code, entry] of Object.entries(EMERGENCY_NUMBERS)) {
      expect(code).toMatch(/^[A-Z]{2}$/);
      for (const n of entry.numbers) expect(n.number, code).toMatch(/^\d{2,4}$/);
      expect(entry.sources.length, code).toBeGreaterThan(0);
      expect(entry.reviewed).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    }
  });
});
