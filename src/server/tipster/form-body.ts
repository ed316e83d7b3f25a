import type { Context } from 'hono';
import type { BodyData } from 'hono/utils/body';
import { normalizeText } from '../../core/index.js';

/** A parsed urlencoded or multipart body, with repeated fields kept as arrays. */
export type FormBody = BodyData<{ all: true }>;

export type FormMediaType = 'multipart/form-data' | 'application/x-www-form-urlencoded';

const FORM_TYPES: readonly FormMediaType[] = [
  'multipart/form-data',
  'application/x-www-form-urlencoded',
];

/**
 * The one way every route reads a form. Only the listed media types are read; any other type,
 * and any body that does not parse (a multipart type with no or a wrong boundary, a truncated
 * part), gives undefined, which the caller answers with 400. Never throws for bad input, so a
 * malformed body cannot reach the 500 handler. Size is bounded before this, by bodyLimit.
 */
export async function readFormBody(
  c: Context,
  accept: readonly FormMediaType[] = FORM_TYPES,
): Promise<FormBody | undefined> {
  const type = (c.req.header('content-type') ?? '').split(';')[0]?.trim().toLowerCase() ?? '';
  if (!accept.some((t) => t === type)) return undefined;
  try {
    return await c.req.parseBody({ all: true });
  } catch {
    return undefined;
  }
}

/** Every value sent under `name`, in order; none when the field is absent. */
export function fieldValues(body: FormBody, name: string): (string | File)[] {
  const value = body[name];
  return Array.isArray(value) ? value : value === undefined ? [] : [value];
}

/** The first value of `name` if it is text. */
export function firstText(body: FormBody, name: string): string | undefined {
  const first = fieldValues(body, name)[0];
  return typeof first === 'string' ? first : undefined;
}

/**
 * Text to show back in a form after an error, at most `max` UTF-16 code units, so a refused
 * over-long field is never echoed back whole. Cut text is normalized first (as core measures
 * it) and never ends in half a surrogate pair.
 */
export function clipText(text: string, max: number): string {
  if (text.length <= max) return text;
  const cut = normalizeText(text).slice(0, max);
  return /[\uD800-\uDBFF]$/.test(cut) ? cut.slice(0, -1) : cut;
}
