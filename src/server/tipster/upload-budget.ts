import type { Context, MiddlewareHandler } from 'hono';
import { isDomainError, type ByteBudget } from '../../core/index.js';

/**
 * Holds a request until its body fits in the shared upload budget (core's ByteBudget), before
 * anything reads the body. The cost is the declared Content-Length, or the route's maximum when
 * the length is not declared (chunked). When too many uploads wait already, `refuse` answers.
 */
export function withinUploadBudget(
  budget: ByteBudget,
  maxBodyBytes: number,
  refuse: (c: Context) => Response | Promise<Response>,
): MiddlewareHandler {
  return async (c, next) => {
    const declared = Number(c.req.header('content-length'));
    const cost =
      Number.isSafeInteger(declared) && declared >= 0 && !c.req.header('transfer-encoding')
        ? Math.min(declared, maxBodyBytes)
        : maxBodyBytes;
    let release: () => void;
    try {
      release = await budget.reserve(cost);
    } catch (error) {
      if (isDomainError(error, 'rate_limited')) return refuse(c);
      throw error;
    }
    try {
      await next();
    } finally {
      release();
    }
  };
}
