/* How much one tip may carry. Apart from deps.ts so that tip validation needs nothing else. */

export interface IntakeLimits {
  readonly maxMessageChars: number;
  readonly maxFieldChars: number;
  readonly maxAttachments: number;
  readonly maxAttachmentBytesTotal: number;
}

export const DEFAULT_INTAKE_LIMITS: IntakeLimits = {
  maxMessageChars: 20_000,
  maxFieldChars: 500,
  maxAttachments: 5,
  maxAttachmentBytesTotal: 25 * 1024 * 1024,
};
