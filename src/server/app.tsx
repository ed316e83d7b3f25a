import { Hono } from 'hono';
import type { CoreDeps } from '../core/index.js';
import { applySecurityHeaders, securityHeaders } from './security-headers.js';

export interface ServerDeps {
  readonly core: CoreDeps;
}

/**
 * The web adapter. Until the tipster form lands (issue 3) it serves only /healthz: it must
 * never serve a stub pretending to be the form.
 */
export function createApp(deps: ServerDeps): Hono {
  const app = new Hono();
  app.use('*', securityHeaders());

  // Liveness only: no version, counts or paths.
  app.get('/healthz', (c) => c.text('ok'));

  app.notFound((c) => c.text('Not found', 404));
  app.onError((_error, c) => {
    // never log the error message or request: either may carry tip text
    const incident = deps.core.sodium.to_hex(deps.core.random.bytes(6));
    deps.core.logger.error('http.unhandled', { incident });
    const response = c.text(`Something went wrong. Incident ${incident}.`, 500);
    applySecurityHeaders(response.headers, { https: false });
    return response;
  });
  return app;
}
