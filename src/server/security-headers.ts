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

const PERMISSIONS_POLICY = [
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
]
  .map((feature) => `${feature}=()`)
  .join(', ');

export function applySecurityHeaders(
  headers: Headers,
  options: { https: boolean; onionLocation?: string | undefined },
): void {
  headers.set('Content-Security-Policy', CONTENT_SECURITY_POLICY);
  headers.set('Referrer-Policy', 'no-referrer');
  headers.set('X-Content-Type-Options', 'nosniff');
  headers.set('X-Frame-Options', 'DENY');
  headers.set('Cross-Origin-Opener-Policy', 'same-origin');
  headers.set('Cross-Origin-Resource-Policy', 'same-origin');
  headers.set('Permissions-Policy', PERMISSIONS_POLICY);
  headers.set('Cache-Control', 'no-store');
  headers.delete('Server');
  headers.delete('X-Powered-By');
  if (options.https)
    headers.set('Strict-Transport-Security', 'max-age=63072000; includeSubDomains');
  if (options.onionLocation) headers.set('Onion-Location', options.onionLocation);
}
