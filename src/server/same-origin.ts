import type { Context } from 'hono';

/**
 * Whether a POST comes from one of our own pages. Sec-Fetch-Site decides when the browser sends
 * it (Chromium, Firefox, Tor Browser, Safari 16.4+): only `same-origin` passes, so another site
 * (`cross-site`) or a sibling host or port (`same-site`) cannot post for a visitor. Without it,
 * our no-referrer policy makes browsers send `Origin: null` on their own form posts, so Origin
 * refuses only when it names a real, foreign origin; no Origin at all (curl, old browsers, Tor
 * Browser's stricter modes) passes. The desk adds its CSRF token on top of this.
 */
export function isSameOriginPost(c: Context): boolean {
  const site = c.req.header('sec-fetch-site');
  if (site !== undefined) return site === 'same-origin';
  const origin = c.req.header('origin');
  if (origin === undefined || origin === 'null') return true;
  return origin === new URL(c.req.url).origin;
}
