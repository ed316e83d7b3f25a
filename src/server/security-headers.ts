/**
 * Headers on every response, errors included. Stricter than hono/secure-headers' defaults:
 * nothing loads unless listed, nothing embeds us, nothing leaks a referrer, every powerful
 * browser feature is off.
 */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'none'",
  "script-src 'self' 'wasm-unsafe-eval'", // libsodium is WebAssembly; this allows compiling it, not JS eval
  "style-src 'self'",
  "img-src 'self' data:",
  "connect-src 'self'",
  "form-action 'self'",
  "frame-ancestors 'none'",
  "base-uri 'none'",
].join('; ');

const DENIED_FEATURES = [
  'accelerometer',
  'autoplay',
  'camera',
  'display-capture',
  'encrypted-media',
  'fullscreen',
  'geolocation',
  'gyroscope',
  'magnetometer',
  'microphone',
  'midi',
  'payment',
  'picture-in-picture',
  'publickey-credentials-get',
  'screen-wake-lock',
  'sync-xhr',
  'usb',
  'xr-spatial-tracking',
  'interest-cohort',
  'browsing-topics',
];
const PERMISSIONS_POLICY = DENIED_FEATURES.map((feature) => `${feature}=()`).join(', ');
/** Desk pages with passkeys on: WebAuthn for this origin only, everything else still off. */
const DESK_PERMISSIONS_POLICY = [
  ...DENIED_FEATURES.filter((f) => f !== 'publickey-credentials-get').map((f) => `${f}=()`),
  'publickey-credentials-get=(self)',
  'publickey-credentials-create=(self)',
].join(', ');

export function applySecurityHeaders(
  headers: Headers,
  options: { https: boolean; onionLocation?: string | undefined; webauthn?: boolean },
): void {
  headers.set('Content-Security-Policy', CONTENT_SECURITY_POLICY);
  headers.set('Referrer-Policy', 'no-referrer');
  headers.set('X-Content-Type-Options', 'nosniff');
  headers.set('X-Frame-Options', 'DENY');
  headers.set('Cross-Origin-Opener-Policy', 'same-origin');
  headers.set('Cross-Origin-Resource-Policy', 'same-origin');
  headers.set(
    'Permissions-Policy',
    options.webauthn ? DESK_PERMISSIONS_POLICY : PERMISSIONS_POLICY,
  );
  headers.set('Cache-Control', 'no-store');
  headers.delete('Server');
  headers.delete('X-Powered-By');
  if (options.https)
    headers.set('Strict-Transport-Security', 'max-age=63072000; includeSubDomains');
  if (options.onionLocation) headers.set('Onion-Location', options.onionLocation);
}
