import type { Hono } from 'hono';
import {
  addReviewerNote,
  cleanLabels,
  downloadAttachment,
  isDomainError,
  isPriority,
  isStatus,
  saveTipTriage,
  DomainError,
  tipDeskName,
  type ReviewerId,
  type TipId,
} from '../../../core/index.js';
import { firstText } from '../../tipster/form-body.js';
import { MessageOnlyPage } from '../desk-frame.js';
import { domainMessage, frameFor, html, translatorFor, type DeskKit } from '../desk-guards.js';
import { createTipResponses } from './tip-responses.js';

/* One tip: reading it, its files, its triage and the reviewers' notes. */
export function registerTipRoutes(app: Hono, kit: DeskKit): void {
  const { core, limit, guardPost, guardGet } = kit;
  const { tipIdParam, renderTip, tipError } = createTipResponses(kit);
  app.get('/admin/tips/:id', async (c) => {
    const viewer = guardGet(c);
    if (viewer instanceof Response) return viewer;
    const t = await translatorFor(viewer, core);
    const movedNotice = async (id: string) => {
      const tip = await tipDeskName(core, id as TipId);
      return t('move.done', { desk: tip ?? '?' });
    };
    try {
      const done = c.req.query('done');
      return await renderTip(
        c,
        viewer,
        done === 'reply'
          ? { notice: t('tip.replySent') }
          : done === 'stored'
            ? { notice: t('tip.replyStored') }
            : done === 'moved'
              ? { notice: await movedNotice(c.req.param('id')) }
              : {},
      );
    } catch (error) {
      if (isDomainError(error, 'damaged'))
        return html(
          c,
          <MessageOnlyPage
            frame={await frameFor(viewer, core)}
            title={t('inbox.damaged')}
            text={t('inbox.damaged')}
          />,
          200,
        );
      const mapped = domainMessage(error, t);
      if (mapped)
        return html(
          c,
          <MessageOnlyPage
            frame={await frameFor(viewer, core)}
            title={mapped.text}
            text={mapped.text}
          />,
          mapped.status === 404 ? 404 : 403,
        );
      throw error;
    }
  });

  app.get('/admin/tips/:id/attachments/:attachment', async (c) => {
    const viewer = guardGet(c);
    if (viewer instanceof Response) return viewer;
    const tipId = tipIdParam(c);
    try {
      const file = await downloadAttachment(
        core,
        viewer.session.unlocked,
        tipId,
        c.req.param('attachment'),
      );
      const extension =
        /^[a-z0-9]{1,5}$/.exec(file.name.split('.').pop()?.toLowerCase() ?? '')?.[0] ?? 'bin';
      // a server-made name and a type browsers will not render: never shown inline
      return c.body(file.bytes as unknown as ArrayBuffer, 200, {
        'Content-Type': 'application/octet-stream',
        'Content-Disposition': `attachment; filename="tip-${tipId.slice(0, 8)}-${file.index + 1}.${extension}"`,
        'X-Content-Type-Options': 'nosniff',
      });
    } catch (error) {
      const mapped = domainMessage(error, await translatorFor(viewer, core));
      if (mapped) return c.text(mapped.text, mapped.status === 404 ? 404 : 403);
      throw error;
    }
  });

  app.post('/admin/tips/:id/triage', limit, async (c) => {
    const guarded = await guardPost(c);
    if (guarded instanceof Response) return guarded;
    const { viewer, form } = guarded;
    const id = tipIdParam(c);
    const status = firstText(form, 'status') ?? '';
    const assignee = firstText(form, 'assignee') ?? '';
    const priority = firstText(form, 'priority') ?? '';
    const labelsText = (firstText(form, 'labels') ?? '').slice(0, 1000);
    try {
      if (!isStatus(status)) throw new DomainError('invalid_input', 'unknown status', 'status');
      if (!isPriority(priority))
        throw new DomainError('invalid_input', 'unknown priority', 'priority');
      await saveTipTriage(core, viewer.session.unlocked, id, {
        status,
        assigneeId: assignee === 'none' || assignee === '' ? null : (assignee as ReviewerId),
        labels: cleanLabels(labelsText.split(',')),
        priority,
      });
    } catch (error) {
      return tipError(c, viewer, error);
    }
    return c.redirect(`/admin/tips/${id}`, 303);
  });

  app.post('/admin/tips/:id/notes', limit, async (c) => {
    const guarded = await guardPost(c);
    if (guarded instanceof Response) return guarded;
    try {
      await addReviewerNote(
        core,
        guarded.viewer.session.unlocked,
        tipIdParam(c),
        firstText(guarded.form, 'text') ?? '',
      );
    } catch (error) {
      return tipError(c, guarded.viewer, error);
    }
    return c.redirect(`/admin/tips/${tipIdParam(c)}`, 303);
  });
}
