/*
 * Emergency numbers shown to a tipster who says someone is in danger now.
 *
 * Reviewed data: a wrong number here can cost a life. Only general emergency services are
 * listed (no NGO hotlines, which change often). A change must be checked by its reviewer
 * against at least one official source (the national regulator, police or government site)
 * and the review date below updated. Sources per country are kept beside the numbers.
 */

export type EmergencyKind = 'emergency' | 'police' | 'ambulance' | 'fire';

export interface EmergencyEntry {
  readonly numbers: readonly { readonly kind: EmergencyKind; readonly number: string }[];
  readonly sources: readonly string[];
  readonly reviewed: string;
}

export const EMERGENCY_NUMBERS_REVIEWED = '2026-11-22';

const WIKIPEDIA = 'https://en.wikipedia.org/wiki/List_of_emergency_telephone_numbers';
const reviewed = EMERGENCY_NUMBERS_REVIEWED;

export const EMERGENCY_NUMBERS: Readonly<Record<string, EmergencyEntry>> = {
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
  CN: {
    numbers: [
      { kind: 'police', number: '110' },
      { kind: 'ambulance', number: '120' },
      { kind: 'fire', number: '119' },
    ],
    sources: [WIKIPEDIA],
    reviewed,
  },
  TW: {
    numbers: [
      { kind: 'police', number: '110' },
      { kind: 'ambulance', number: '119' },
      { kind: 'fire', number: '119' },
    ],
    sources: [WIKIPEDIA],
    reviewed,
  },
  HK: {
    numbers: [{ kind: 'emergency', number: '999' }],
    sources: [WIKIPEDIA, 'https://www.police.gov.hk'],
    reviewed,
  },
  VN: {
    numbers: [
      { kind: 'police', number: '113' },
      { kind: 'fire', number: '114' },
      { kind: 'ambulance', number: '115' },
    ],
    sources: [WIKIPEDIA],
    reviewed,
  },
  KR: {
    numbers: [
      { kind: 'police', number: '112' },
      { kind: 'ambulance', number: '119' },
      { kind: 'fire', number: '119' },
    ],
    sources: [WIKIPEDIA],
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
    sources: [WIKIPEDIA],
    reviewed,
  },
  TH: {
    numbers: [
      { kind: 'police', number: '191' },
      { kind: 'ambulance', number: '1669' },
      { kind: 'fire', number: '199' },
    ],
    sources: [WIKIPEDIA],
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
    sources: [WIKIPEDIA],
    reviewed,
  },
  PH: { numbers: [{ kind: 'emergency', number: '911' }], sources: [WIKIPEDIA], reviewed },
  MY: { numbers: [{ kind: 'emergency', number: '999' }], sources: [WIKIPEDIA], reviewed },
};
