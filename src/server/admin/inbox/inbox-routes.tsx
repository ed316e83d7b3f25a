import type { Hono } from 'hono';
import {
  applyBulkTriage,
  findDesk,
  findReviewer,
  listActiveReviewers,
  listDesks,
  isChannel,
  isStatus,
  inboxScanPage,
  listInbox,
  isDomainError,
  sealedCriteria,
  filterKeyOf,
  startInboxScan,
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
import { UrgentTips, urgentTipsFor } from './urgent-tips.js';

/* The inbox (GET /admin) and bulk changes to the tips selected in it. */
export function registerInboxRoutes(app: Hono, kit: DeskKit): void {
  const { core, limit, guardPost, guardGet } = kit;
  // ---- inbox ----
  app.get('/admin', async (c) => {
    const viewer = guardGet(c);
    if (viewer instanceof Response) return viewer;
    const t = await translatorFor(viewer, core);
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
      // checked in core: too long or with control characters gets a clear message, not a cut
      ...(q.q ? { search: q.q } : {}),
    };
    const pageNumber = Math.min(Math.max(Number.parseInt(q.page ?? '1', 10) || 1, 1), 100_000);
    const range = { offset: (pageNumber - 1) * PAGE_SIZE, limit: PAGE_SIZE };
    let sealed;
    try {
      sealed = sealedCriteria(filter);
    } catch (error) {
      if (!isDomainError(error) || error.field !== 'q') throw error;
      const text = t(
        error.code === 'too_large'
          ? 'inbox.searchTooLong'
          : /control/.test(error.message)
            ? 'inbox.searchControl'
            : 'inbox.searchNoWords',
      );
      return html(
        c,
        <MessageOnlyPage
          frame={await frameFor(viewer, core)}
          title={text}
          text={text}
          link={{ href: '/admin', label: t('nav.inbox') }}
        />,
        400,
      );
    }
    // a sealed filter is a scan in the session: this request waits briefly for the page it
    // shows, then the page reloads itself (`scan=` finds the same scan) until it has finished
    const session = viewer.session;
    const current = session.scan;
    const scan = !sealed
      ? undefined
      : current && current.id === q.scan && current.filterKey === filterKeyOf(filter)
        ? current
        : startInboxScan(core, session, filter);
    if (scan) await scan.waitFor(range.offset + range.limit, 1_500);
    const page = scan
      ? await inboxScanPage(core, session, scan, range)
      : await listInbox(core, session, filter, range);
    const params = new URLSearchParams(
      Object.entries(q).filter(
        ([k, v]) => k !== 'page' && k !== 'scan' && k !== 'done' && v !== '',
      ),
    );
    const link = (n: number) =>
      `/admin?${new URLSearchParams([...params, ...(scan ? [['scan', scan.id] as [string, string]] : []), ['page', String(n)]]).toString()}`;
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
        urgent={<UrgentTips tips={await urgentTipsFor(core, viewer.session)} />}
        pageLinks={{
          ...(pageNumber > 1 ? { newer: link(pageNumber - 1) } : {}),
          ...(page.offset + page.rows.length < page.total ? { older: link(pageNumber + 1) } : {}),
        }}
        {...(q.done === 'bulk' ? { notice: t('inbox.applied') } : {})}
        {...(scan
          ? {
              searching: {
                refresh: link(pageNumber),
                cancelAction: `/admin/search/cancel?${new URLSearchParams([...params, ['scan', scan.id]]).toString()}`,
              },
            }
          : {})}
      />,
    );
  });

  app.post('/admin/search/cancel', limit, async (c) => {
    const guarded = await guardPost(c);
    if (guarded instanceof Response) return guarded;
    const scan = guarded.viewer.session.scan;
    if (scan && scan.id === c.req.query('scan')) scan.cancel();
    return c.redirect(`/admin?${new URLSearchParams(c.req.query()).toString()}`, 303);
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
