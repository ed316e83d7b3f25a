import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { EMERGENCY_NUMBERS, EMERGENCY_NUMBERS_REVIEWED } from '../../src/i18n/emergency-numbers.js';

/** The countries of every language we speak, the Western Balkans, and Hong Kong and Macao. */
const REQUIRED = [
  'CN', 'TW', 'HK', 'MO', 'VN', 'RS', 'BA', 'ME', 'MK', 'KR', 'MN', 'RU', 'TH', 'MM', 'KH', 'LA',
  'ID', 'PH', 'MY', 'PK', 'UZ',
]; // prettier-ignore

/** Transit and destination countries we list as well. */
const TRANSIT = ['HR', 'HU', 'AT', 'DE', 'IT', 'TR', 'GB', 'US', 'JP', 'SG', 'AE'];

/** The main market of each language: a tipster there must see a number to call. */
const MAIN_MARKETS = [
  'RS', 'BA', 'ME', 'MK', 'CN', 'TW', 'VN', 'KR', 'MN', 'RU', 'TH', 'MM', 'KH', 'LA', 'ID', 'PH',
  'MY', 'PK', 'UZ', 'TR',
]; // prettier-ignore

const entries = Object.entries(EMERGENCY_NUMBERS);
const isoDate = /^\d{4}-\d{2}-\d{2}$/;
const isRealDate = (date: string) =>
  isoDate.test(date) && new Date(`${date}T00:00:00Z`).toISOString().startsWith(date);

describe('emergency numbers', () => {
  it('cover every required and transit country', () => {
    const missing = [...REQUIRED, ...TRANSIT].filter((code) => !(code in EMERGENCY_NUMBERS));
    expect(missing).toEqual([]);
  });

  it('give every main-market country a general emergency or police number', () => {
    for (const code of MAIN_MARKETS) {
      const kinds = EMERGENCY_NUMBERS[code]?.numbers.map((n) => n.kind) ?? [];
      expect(kinds.includes('emergency') || kinds.includes('police'), code).toBe(true);
    }
  });

  it('are keyed by real ISO 3166-1 alpha-2 codes', () => {
    const names = new Intl.DisplayNames(['en'], { type: 'region', fallback: 'none' });
    for (const [code] of entries) {
      expect(code).toMatch(/^[A-Z]{2}$/);
      expect(names.of(code), code).toBeDefined();
    }
  });

  it('are short dialable numbers of two to four digits, none repeated for the same service', () => {
    for (const [code, entry] of entries) {
      expect(entry.numbers.length, code).toBeGreaterThan(0);
      for (const n of entry.numbers) expect(n.number, code).toMatch(/^[0-9]{2,4}$/);
      const pairs = entry.numbers.map((n) => `${n.kind}:${n.number}`);
      expect(new Set(pairs).size, code).toBe(pairs.length);
    }
  });

  it('list the general emergency number first, then police, wherever they exist', () => {
    const order = ['emergency', 'police', 'ambulance', 'fire'];
    for (const [code, entry] of entries) {
      const ranks = entry.numbers.map((n) => order.indexOf(n.kind));
      expect(ranks, code).toEqual([...ranks].sort((a, b) => a - b));
    }
  });

  it('cite at least one source for every entry, each a https URL or a written citation', () => {
    for (const [code, entry] of entries) {
      expect(entry.sources.length, code).toBeGreaterThan(0);
      for (const source of entry.sources) {
        if (/^https?:/.test(source)) {
          const url = new URL(source);
          expect(url.protocol, source).toBe('https:');
          expect(url.hostname, source).toMatch(/\.[a-z]{2,}$/);
        } else {
          expect(source.trim().length, `${code} ${source}`).toBeGreaterThan(20);
        }
      }
    }
  });

  it('carry real review dates that are not in the future', () => {
    for (const [code, date] of [
      ['table', EMERGENCY_NUMBERS_REVIEWED],
      ...entries.map(([c, entry]) => [c, entry.reviewed]),
    ]) {
      expect(isRealDate(date ?? ''), code).toBe(true);
      expect(Date.parse(date ?? ''), code).toBeLessThanOrEqual(Date.now());
    }
  });

  it('match the table in docs/EMERGENCY-NUMBERS.md, country by country', () => {
    const doc = readFileSync(new URL('../../docs/EMERGENCY-NUMBERS.md', import.meta.url), 'utf8');
    const rows = new Map(
      doc
        .split('\n')
        .map((line) => /^\|\s*([A-Z]{2})\s*\|(.*)$/.exec(line))
        .flatMap((m) => (m?.[1] && m[2] ? [[m[1], m[2]] as const] : [])),
    );
    expect([...rows.keys()].sort()).toEqual(entries.map(([code]) => code).sort());
    const label = {
      emergency: 'Emergency',
      police: 'Police',
      ambulance: 'Ambulance',
      fire: 'Fire',
    };
    for (const [code, entry] of entries) {
      const row = rows.get(code) ?? '';
      for (const n of entry.numbers) expect(row, code).toContain(`${label[n.kind]} ${n.number}`);
      expect(row, code).toContain(entry.reviewed);
    }
  });
});
