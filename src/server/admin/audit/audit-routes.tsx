import type { Hono } from 'hono';
import { listAuditPage, reviewerNames, verifyAuditChain } from '../../../core/index.js';
import { frameFor, html, type DeskKit } from '../desk-guards.js';
import { AuditPage } from './audit-pages.js';

/* The audit log, for admins. */
export function registerAuditRoutes(app: Hono, kit: DeskKit): void {
  const { core, guardGet, isAdmin, forbidden } = kit;
  // ---- audit (admins) ----
  app.get('/admin/audit', async (c) => {
    const viewer = guardGet(c);
    if (viewer instanceof Response) return viewer;
    if (!(await isAdmin(viewer))) return forbidden(c, viewer);
    const before = Number.parseInt(c.req.query('before') ?? '', 10);
    const page = await listAuditPage(core, viewer.session.unlocked.reviewer, {
      ...(before > 0 ? { before } : {}),
    });
    return html(
      c,
      <AuditPage
        frame={await frameFor(viewer, core)}
        entries={page.entries}
        verification={await verifyAuditChain(core)}
        names={await reviewerNames(core)}
        {...(page.older !== undefined ? { older: `/admin/audit?before=${page.older}` } : {})}
      />,
    );
  });
}
