import type { Context, Hono } from 'hono';
import {
  createDesk,
  defaultDesk,
  findReviewer,
  listDesks,
  listReviewers,
  grantDeskKeys,
  inviteReviewer,
  resetTotp,
  revokeReviewer,
  reviewersAwaitingGrant,
  totpUri,
  passkeysRequired,
  DomainError,
  type ReviewerId,
} from '../../../core/index.js';
import { firstText, type FormBody } from '../../tipster/form-body.js';
import {
  domainMessage,
  frameFor,
  html,
  qrSvg,
  translatorFor,
  type DeskKit,
  type Viewer,
} from '../desk-guards.js';
import { PeoplePage } from './people-pages.js';

/* People and keys, for admins: invitations, grants, revocation, second-factor reset, desks. */
export function registerPeopleRoutes(app: Hono, kit: DeskKit): void {
  const { core, sessions, limit, guardPost, guardGet, isAdmin, forbidden } = kit;
  // ---- people and keys (admins) ----
  const peoplePage = async (
    c: Context,
    viewer: Viewer,
    extra: {
      inviteLink?: string;
      totpHandover?: { name: string; secret: string };
      notice?: string;
      error?: string;
    } = {},
    status: 200 | 400 | 403 | 404 | 409 = 200,
  ) => {
    const awaiting = new Set((await reviewersAwaitingGrant(core)).map((r) => r.id));
    const defaultDeskId = (await defaultDesk(core))?.id;
    const handover = extra.totpHandover
      ? {
          ...extra.totpHandover,
          qrSvg: await qrSvg(totpUri(extra.totpHandover.secret, extra.totpHandover.name)),
        }
      : undefined;
    return html(
      c,
      <PeoplePage
        frame={await frameFor(viewer, core)}
        reviewers={(await listReviewers(core)).map((r) => ({
          ...r,
          awaitingGrant: awaiting.has(r.id),
        }))}
        desks={(await listDesks(core)).map((d) => ({
          id: d.id,
          name: d.name,
          link:
            d.id === defaultDeskId
              ? `${new URL(c.req.url).origin}/`
              : `${new URL(c.req.url).origin}/?desk=${encodeURIComponent(d.name)}`,
        }))}
        selfId={viewer.session.reviewerId}
        {...(kit.deps.passkeys ? { passkeysRequired: await passkeysRequired(core) } : {})}
        {...(extra.inviteLink ? { inviteLink: extra.inviteLink } : {})}
        {...(handover ? { totpHandover: handover } : {})}
        {...(extra.notice ? { notice: extra.notice } : {})}
        {...(extra.error ? { error: extra.error } : {})}
      />,
      status,
    );
  };

  app.get('/admin/people', async (c) => {
    const viewer = guardGet(c);
    if (viewer instanceof Response) return viewer;
    if (!(await isAdmin(viewer))) return forbidden(c, viewer);
    return peoplePage(c, viewer);
  });

  const adminPost = (
    path: string,
    work: (c: Context, viewer: Viewer, form: FormBody) => Promise<Response> | Response,
  ) =>
    app.post(path, limit, async (c) => {
      const guarded = await guardPost(c);
      if (guarded instanceof Response) return guarded;
      if (!(await isAdmin(guarded.viewer))) return forbidden(c, guarded.viewer);
      try {
        return await work(c, guarded.viewer, guarded.form);
      } catch (error) {
        const mapped = domainMessage(error, await translatorFor(guarded.viewer, core));
        if (!mapped) throw error;
        return peoplePage(
          c,
          guarded.viewer,
          { error: mapped.text },
          mapped.status === 413 ? 400 : mapped.status,
        );
      }
    });

  adminPost('/admin/people/invite', async (c, viewer, form) => {
    const { token } = await inviteReviewer(
      core,
      viewer.session.unlocked.reviewer,
      firstText(form, 'admin') === 'yes' ? 'admin' : 'reviewer',
    );
    return peoplePage(c, viewer, {
      inviteLink: `${new URL(c.req.url).origin}/admin/join?token=${token}`,
    });
  });

  adminPost('/admin/desks', async (c, viewer, form) => {
    await createDesk(core, viewer.session.unlocked, (firstText(form, 'name') ?? '').trim());
    return c.redirect('/admin/people', 303);
  });

  adminPost('/admin/people/:id/grant', async (c, viewer) => {
    await grantDeskKeys(core, viewer.session.unlocked, c.req.param('id') as ReviewerId);
    return c.redirect('/admin/people', 303);
  });

  adminPost('/admin/people/:id/revoke', async (c, viewer, form) => {
    const target = await findReviewer(core, c.req.param('id') as ReviewerId);
    if (!target) throw new DomainError('not_found', 'no such reviewer');
    if (target.id === viewer.session.reviewerId)
      throw new DomainError('conflict', 'cannot revoke yourself', 'reviewer');
    await revokeReviewer(core, target.name, {
      rotate: firstText(form, 'rotate') === 'yes',
      actor: viewer.session.reviewerId,
    });
    sessions.endForReviewer(target.id);
    return c.redirect('/admin/people', 303);
  });

  adminPost('/admin/people/:id/totp-reset', async (c, viewer) => {
    const target = await findReviewer(core, c.req.param('id') as ReviewerId);
    if (!target) throw new DomainError('not_found', 'no such reviewer');
    const secret = await resetTotp(core, viewer.session.unlocked.reviewer, target.id);
    sessions.endForReviewer(target.id);
    return peoplePage(c, viewer, { totpHandover: { name: target.name, secret } });
  });
}
