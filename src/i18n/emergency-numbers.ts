/*
 * Emergency numbers shown to a tipster who says someone is in danger now.
 *
 * Reviewed data. A wrong number here can cost a life, so:
 *
 * - Only general public emergency services are listed (a 112/911/999-type number, police,
 *   ambulance, fire). No NGO or hotline numbers: they change often and are not always answered.
 * - A number goes in only when it is well established and confirmed by a public source listed
 *   beside it. If in doubt, leave the country out: the page then says "call the local emergency
 *   number" instead of showing a number that may be wrong.
 * - The reviewer of any change must check each added or changed number against at least one
 *   official source (the country's police, emergency service, government portal or telecom
 *   regulator), add that source to `sources`, and set `reviewed` on the entry (and
 *   EMERGENCY_NUMBERS_REVIEWED when the whole table is re-checked).
 *
 * How to update: edit the entry, keyed by ISO 3166-1 alpha-2 code; keep `numbers` in the order
 * they should be shown (general emergency first, then police); run `npx vitest run test/i18n`;
 * update the table in docs/EMERGENCY-NUMBERS.md in the same commit.
 */

export type EmergencyKind = 'emergency' | 'police' | 'ambulance' | 'fire';

export interface EmergencyEntry {
  readonly numbers: readonly { readonly kind: EmergencyKind; readonly number: string }[];
  readonly sources: readonly string[];
  /** The date (YYYY-MM-DD) this entry was last checked against its sources. */
  readonly reviewed: string;
}

/** When the whole table was last checked. */
export const EMERGENCY_NUMBERS_REVIEWED = '2026-11-22';

const WIKIPEDIA = 'https://en.wikipedia.org/wiki/List_of_emergency_telephone_numbers';
/** 112 is required in every EU member state by the European Electronic Communications Code. */
const EU_112 =
  'Directive (EU) 2018/1972, European Electronic Communications Code, Art. 109 (single European emergency number 112)';
const reviewed = EMERGENCY_NUMBERS_REVIEWED;
/**
 * Pakistan and Uzbekistan were added on this date from the listed sources; the second
 * reviewer's check against an official page (see docs/EMERGENCY-NUMBERS.md) is still to do.
 */
const DRAFTED = '2026-12-04';

export const EMERGENCY_NUMBERS: Readonly<Record<string, EmergencyEntry>> = {
  // The Western Balkans, where many reports are expected to come from.
  RS: {
    numbers: [
      { kind: 'police', number: '192' },
      { kind: 'ambulance', number: '194' },
      { kind: 'fire', number: '193' },
    ],
    sources: [WIKIPEDIA, 'https://www.mup.gov.rs'],
    reviewed,
  },
  BA: {
    numbers: [
      { kind: 'police', number: '122' },
      { kind: 'ambulance', number: '124' },
      { kind: 'fire', number: '123' },
    ],
    sources: [WIKIPEDIA],
    reviewed,
  },
  ME: {
    numbers: [
      { kind: 'emergency', number: '112' },
      { kind: 'police', number: '122' },
      { kind: 'ambulance', number: '124' },
      { kind: 'fire', number: '123' },
    ],
    sources: [WIKIPEDIA],
    reviewed,
  },
  MK: {
    numbers: [
      { kind: 'emergency', number: '112' },
      { kind: 'police', number: '192' },
      { kind: 'ambulance', number: '194' },
      { kind: 'fire', number: '193' },
    ],
    sources: [WIKIPEDIA],
    reviewed,
  },

  // The countries of the languages we speak.
  CN: {
    numbers: [
      { kind: 'police', number: '110' },
      { kind: 'ambulance', number: '120' },
      { kind: 'fire', number: '119' },
    ],
    sources: [WIKIPEDIA, 'https://www.mps.gov.cn'],
    reviewed,
  },
  TW: {
    numbers: [
      { kind: 'police', number: '110' },
      { kind: 'ambulance', number: '119' },
      { kind: 'fire', number: '119' },
    ],
    sources: [WIKIPEDIA, 'https://www.npa.gov.tw', 'https://www.nfa.gov.tw'],
    reviewed,
  },
  HK: {
    numbers: [{ kind: 'emergency', number: '999' }],
    sources: [WIKIPEDIA, 'https://www.police.gov.hk'],
    reviewed,
  },
  MO: {
    numbers: [{ kind: 'emergency', number: '999' }],
    sources: [WIKIPEDIA],
    reviewed,
  },
  VN: {
    numbers: [
      { kind: 'police', number: '113' },
      { kind: 'ambulance', number: '115' },
      { kind: 'fire', number: '114' },
    ],
    sources: [WIKIPEDIA, 'https://bocongan.gov.vn'],
    reviewed,
  },
  KR: {
    numbers: [
      { kind: 'police', number: '112' },
      { kind: 'ambulance', number: '119' },
      { kind: 'fire', number: '119' },
    ],
    sources: [WIKIPEDIA, 'https://www.police.go.kr', 'https://www.nfa.go.kr'],
    reviewed,
  },
  MN: {
    numbers: [
      { kind: 'police', number: '102' },
      { kind: 'ambulance', number: '103' },
      { kind: 'fire', number: '101' },
    ],
    sources: [WIKIPEDIA],
    reviewed,
  },
  RU: {
    numbers: [
      { kind: 'emergency', number: '112' },
      { kind: 'police', number: '102' },
      { kind: 'ambulance', number: '103' },
      { kind: 'fire', number: '101' },
    ],
    sources: [WIKIPEDIA, 'https://mchs.gov.ru'],
    reviewed,
  },
  TH: {
    numbers: [
      { kind: 'police', number: '191' },
      { kind: 'ambulance', number: '1669' },
      { kind: 'fire', number: '199' },
    ],
    sources: [WIKIPEDIA, 'https://www.royalthaipolice.go.th', 'https://www.niems.go.th'],
    reviewed,
  },
  MM: {
    numbers: [
      { kind: 'police', number: '199' },
      { kind: 'ambulance', number: '192' },
      { kind: 'fire', number: '191' },
    ],
    sources: [WIKIPEDIA],
    reviewed,
  },
  KH: {
    numbers: [
      { kind: 'police', number: '117' },
      { kind: 'ambulance', number: '119' },
      { kind: 'fire', number: '118' },
    ],
    sources: [WIKIPEDIA],
    reviewed,
  },
  LA: {
    numbers: [
      { kind: 'police', number: '1191' },
      { kind: 'ambulance', number: '1195' },
      { kind: 'fire', number: '1190' },
    ],
    sources: [WIKIPEDIA],
    reviewed,
  },
  ID: {
    numbers: [
      { kind: 'emergency', number: '112' },
      { kind: 'police', number: '110' },
      { kind: 'ambulance', number: '118' },
      { kind: 'fire', number: '113' },
    ],
    sources: [WIKIPEDIA, 'https://www.polri.go.id'],
    reviewed,
  },
  PH: {
    numbers: [{ kind: 'emergency', number: '911' }],
    sources: [WIKIPEDIA],
    reviewed,
  },
  MY: {
    numbers: [{ kind: 'emergency', number: '999' }],
    sources: [WIKIPEDIA, 'https://www.rmp.gov.my'],
    reviewed,
  },
  // Urdu: Pakistan. 15 is the police in every province and Islamabad; 1122 is the government
  // Rescue 1122 emergency service (ambulance, fire and rescue), run by each province.
  PK: {
    numbers: [
      { kind: 'police', number: '15' },
      { kind: 'ambulance', number: '1122' },
    ],
    sources: [WIKIPEDIA, 'https://www.rescue.gov.pk', 'https://islamabadpolice.gov.pk'],
    reviewed: DRAFTED,
  },
  // Uzbek: Uzbekistan. The single number 112 reaches every region since the end of 2024; the
  // 101/102/103 numbers of the former Soviet Union still answer.
  UZ: {
    numbers: [
      { kind: 'emergency', number: '112' },
      { kind: 'police', number: '102' },
      { kind: 'ambulance', number: '103' },
      { kind: 'fire', number: '101' },
    ],
    sources: [
      WIKIPEDIA,
      'https://xs.uz/fr/post/112-unified-dispatch-service-now-fully-operational-across-uzbekistan',
      'https://iiv.uz',
      'https://fvv.uz',
    ],
    reviewed: DRAFTED,
  },

  // Transit and destination countries.
  HR: {
    numbers: [
      { kind: 'emergency', number: '112' },
      { kind: 'police', number: '192' },
      { kind: 'ambulance', number: '194' },
      { kind: 'fire', number: '193' },
    ],
    sources: [WIKIPEDIA, EU_112],
    reviewed,
  },
  HU: {
    numbers: [
      { kind: 'emergency', number: '112' },
      { kind: 'police', number: '107' },
      { kind: 'ambulance', number: '104' },
      { kind: 'fire', number: '105' },
    ],
    sources: [WIKIPEDIA, EU_112],
    reviewed,
  },
  AT: {
    numbers: [
      { kind: 'emergency', number: '112' },
      { kind: 'police', number: '133' },
      { kind: 'ambulance', number: '144' },
      { kind: 'fire', number: '122' },
    ],
    sources: [WIKIPEDIA, EU_112],
    reviewed,
  },
  DE: {
    numbers: [
      { kind: 'emergency', number: '112' },
      { kind: 'police', number: '110' },
    ],
    sources: [WIKIPEDIA, EU_112],
    reviewed,
  },
  IT: {
    numbers: [{ kind: 'emergency', number: '112' }],
    sources: [WIKIPEDIA, EU_112],
    reviewed,
  },
  TR: {
    numbers: [{ kind: 'emergency', number: '112' }],
    sources: [WIKIPEDIA],
    reviewed,
  },
  GB: {
    numbers: [
      { kind: 'emergency', number: '999' },
      { kind: 'emergency', number: '112' },
    ],
    sources: [WIKIPEDIA, 'https://www.police.uk'],
    reviewed,
  },
  US: {
    numbers: [{ kind: 'emergency', number: '911' }],
    sources: [WIKIPEDIA, 'https://www.911.gov'],
    reviewed,
  },
  JP: {
    numbers: [
      { kind: 'police', number: '110' },
      { kind: 'ambulance', number: '119' },
      { kind: 'fire', number: '119' },
    ],
    sources: [WIKIPEDIA, 'https://www.npa.go.jp', 'https://www.fdma.go.jp'],
    reviewed,
  },
  SG: {
    numbers: [
      { kind: 'police', number: '999' },
      { kind: 'ambulance', number: '995' },
      { kind: 'fire', number: '995' },
    ],
    sources: [WIKIPEDIA, 'https://www.police.gov.sg', 'https://www.scdf.gov.sg'],
    reviewed,
  },
  AE: {
    numbers: [
      { kind: 'police', number: '999' },
      { kind: 'ambulance', number: '998' },
      { kind: 'fire', number: '997' },
    ],
    sources: [WIKIPEDIA, 'https://u.ae'],
    reviewed,
  },
};
