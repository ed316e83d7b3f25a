import type { BodyData } from 'hono/utils/body';

/** A parsed urlencoded or multipart body, with repeated fields kept as arrays. */
export type FormBody = BodyData<{ all: true }>;

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
