/**
 * When the receipt tells a tipster to check back: a small fixed set an admin picks per desk,
 * so that every language has a complete sentence for each choice (no numbers spliced in).
 */
export const CHECK_BACK_CHOICES = ['24h', '48h', '3d', '7d'] as const;
export type CheckBack = (typeof CHECK_BACK_CHOICES)[number];
export const DEFAULT_CHECK_BACK: CheckBack = '3d';

export const isCheckBack = (value: string): value is CheckBack =>
  (CHECK_BACK_CHOICES as readonly string[]).includes(value);
