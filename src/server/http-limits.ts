import type { ServerOptions } from 'node:http';

/**
 * Timeouts of the Node HTTP server, against clients that hold connections open by sending
 * slowly (slowloris) and against stalled uploads. Tor and slow mobile links are slow but not
 * that slow; docs/SECURITY.md explains the values.
 *
 * - headersTimeout 15 s: all request headers must arrive within 15 s of the connection (or of
 *   the previous request on it). A real browser sends them in one packet, even over Tor.
 * - requestTimeout 300 s: a whole request, body included. A maximum upload (25 MiB of files
 *   plus framing) then needs about 90 KB/s, which Tor and 3G manage.
 * - keepAliveTimeout 5 s: an idle kept-alive connection is closed after 5 s.
 * - connectionsCheckingInterval 1 s: how often Node looks for connections past those limits
 *   (Node's default, 30 s, would let a slow client keep a socket for 45 s instead of 15 s).
 * No idle-socket timeout (`server.timeout` stays 0): an upload waiting for the upload budget
 * (src/server/tipster/upload-budget.ts) is deliberately not read, and must not be cut for it;
 * requestTimeout bounds it.
 */
export const HTTP_SERVER_OPTIONS = {
  headersTimeout: 15_000,
  requestTimeout: 300_000,
  keepAliveTimeout: 5_000,
  connectionsCheckingInterval: 1_000,
} as const satisfies ServerOptions;

/** Applies the limits to a created server (for the options Node reads from the instance). */
export function applyHttpLimits(server: {
  headersTimeout: number;
  requestTimeout: number;
  keepAliveTimeout: number;
}): void {
  server.headersTimeout = HTTP_SERVER_OPTIONS.headersTimeout;
  server.requestTimeout = HTTP_SERVER_OPTIONS.requestTimeout;
  server.keepAliveTimeout = HTTP_SERVER_OPTIONS.keepAliveTimeout;
}
