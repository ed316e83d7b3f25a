import type { Hono } from 'hono';
import {
  applyBulkTriage,
  findDesk,
  findReviewer,
  listActiveReviewers,
  listDesks,
  isChannel,
  isStatus,
  listInbox,
  DomainError,
  type DeskId,
  type InboxFilter,
  type ReviewerId,
  type TipId,
} from '../../../core/index.js';
import { fieldValues, firstText } from '../../tipster/form-body.js';
import { MessageOnlyPage } from '../desk-frame.js';
import {
  domainMessage,
  frameFor,
  html,
  PAGE_SIZE,
  translatorFor,
  type DeskKit,
} from '../desk-guards.js';
import { InboxPage } from './inbox-pages.js';

/* The inbox (GET /admin) and bulk changes to the tips selected in it. */
export function registerInboxRoutes(app: Hono, kit: DeskKit): void {
  const { core, limit, guardPost, guardGet } = kit;
  // ---- inbox ----
  app.get('/admin', async (c) => {
    const viewer = guardGet(c);
    if (viewer instanceof Response) return viewer;
    const q = c.req.query();
    const filter: InboxFilter = {
      ...(q.status && isStatus(q.status) ? { status: q.status } : {}),
      ...(q.channel && isChannel(q.channel) ? { channel: q.channel } : {}),
      ...(q.desk && (await findDesk(core, q.desk as DeskId)) ? { deskId: q.desk as DeskId } : {}),
      ...(q.assignee === 'none'
        ? { assigneeId: null }
        : q.assignee && (await findReviewer(core, q.assignee as ReviewerId))
          ? { assigneeId: q.assignee as ReviewerId }
          : {}),
      ...(q.danger === 'yes' ? { danger: true } : q.danger === 'no' ? { danger: false } : {}),
      ...(q.label ? { label: q.label.slice(0, 40) } : {}),
      ...(q.language ? { language: q.language.slice(0, 35) } : {}),
      ...(q.q ? { search: q.q.slice(0, 200) } : {}),
    };
    const pageNumber = Math.min(Math.max(Number.parseInt(q.page ?? '1', 10) || 1, 1), 100_000);
    const page = await listInbox(core, viewer.session, filter, {
      offset: (pageNumber - 1) * PAGE_SIZE,
      limit: PAGE_SIZE,
    });
    const params = new URLSearchParams(
      Object.entries(q).filter(([k, v]) => k !== 'page' && v !== ''),
    );
    const link = (n: number) =>
      `/admin?${new URLSearchParams([...params, ['page', String(n)]]).toString()}`;
    return html(
      c,
      <InboxPage
        frame={await frameFor(viewer, core)}
        page={page}
        filter={filter}
        query={params.toString()}
        reviewers={await listActiveReviewers(core)}
        desks={(await listDesks(core)).map((d) => ({ id: d.id, name: d.name }))}
        hasGrants={viewer.session.unlocked.deskKeys.size > 0}
        pageLinks={{
          ...(pageNumber > 1 ? { newer: link(pageNumber - 1) } : {}),
          ...(page.offset + page.rows.length < page.total ? { older: link(pageNumber + 1) } : {}),
        }}
        {...(q.done === 'bulk'
          ? { notice: (await translatorFor(viewer, core))('inbox.applied') }
          : {})}
      />,
    );
  });

  app.post('/admin/tips/bulk', limit, async (c) => {
    const guarded = await guardPost(c);
    if (guarded instanceof Response) return guarded;
    const { viewer, form } = guarded;
    const ids = fieldValues(form, 'tip').filter(
      (v): v is string => typeof v === 'string',
    ) as TipId[];
    const status = firstText(form, 'status') ?? '';
    const assignee = firstText(form, 'assignee') ?? '';
    const label = (firstText(form, 'label') ?? '').trim();
    try {
      if (status && !isStatus(status))
        throw new DomainError('invalid_input', 'unknown status', 'status');
      await applyBulkTriage(core, viewer.session.unlocked, ids, {
        ...(status && isStatus(status) ? { status } : {}),
        ...(assignee ? { assigneeId: assignee === 'none' ? null : (assignee as ReviewerId) } : {}),
        ...(label ? { label } : {}),
      });
    } catch (error) {
      const frame = await frameFor(viewer, core);
      const mapped = domainMessage(error, frame.t);
      if (!mapped) throw error;
      return html(
        c,
        <MessageOnlyPage
          frame={frame}
          title={mapped.text}
          text={mapped.text}
          link={{ href: '/admin', label: frame.t('nav.inbox') }}
        />,
        mapped.status,
      );
    }
    const back = new URLSearchParams(c.req.query());
    back.set('done', 'bulk');
    return c.redirect(`/admin?${back.toString()}`, 303);
  });
}
