import type { Hono } from 'hono';
import { registerAccountRoutes } from './account/account-routes.js';
import { registerSplitRecoveryRoutes } from './account/split-recovery.js';
import { registerLanguageRoutes } from './account/language-routes.js';
import { registerAuditRoutes } from './audit/audit-routes.js';
import { createDeskKit, type AdminDeps } from './desk-guards.js';
import { registerInboxRoutes } from './inbox/inbox-routes.js';
import { registerLoginRoutes } from './login/login-routes.js';
import { registerPeopleRoutes } from './people/people-routes.js';
import { registerReplyRoutes } from './replies/reply-routes.js';
import { registerSetupRoutes } from './setup/setup-routes.js';
import { registerTipRoutes } from './tip/tip-routes.js';
import { registerMoveRoutes } from './tip/move-routes.js';
import { registerCaseFileRoutes } from './tip/case-file-routes.js';

export { SESSION_COOKIE, type AdminDeps } from './desk-guards.js';

/*
 * The reviewer desk under /admin, one folder per feature, each with its routes and pages side by
 * side; desk-guards.tsx (session cookie, guards, CSRF) and desk-frame.tsx (the page frame) are
 * what they share. Thin: every decision is core's.
 */
export function registerAdminRoutes(app: Hono, deps: AdminDeps): void {
  const kit = createDeskKit(deps);
  registerSetupRoutes(app, kit);
  registerLoginRoutes(app, kit);
  registerInboxRoutes(app, kit);
  registerTipRoutes(app, kit);
  registerMoveRoutes(app, kit);
  registerCaseFileRoutes(app, kit);
  registerReplyRoutes(app, kit);
  registerPeopleRoutes(app, kit);
  registerAccountRoutes(app, kit);
  registerSplitRecoveryRoutes(app, kit);
  registerLanguageRoutes(app, kit);
  registerAuditRoutes(app, kit);
}
