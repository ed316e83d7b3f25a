import type { Context } from 'hono';
import {
  desksHeldBy,
  listActiveReviewers,
  openTipDetail,
  tipHasInbox,
  type TipId,
} from '../../../core/index.js';
import { MessageOnlyPage } from '../desk-frame.js';
import {
  domainMessage,
  frameFor,
  html,
  translatorFor,
  type DeskKit,
  type Viewer,
} from '../desk-guards.js';
import { TipPage } from './tip-pages.js';

/* The tip page as an answer: shown, or shown again with what went wrong (triage, notes, replies). */
export function createTipResponses(kit: DeskKit) {
  const { core } = kit;
  const tipIdParam = (c: Context): TipId => c.req.param('id') as TipId;

  const renderTip = async (
    c: Context,
    viewer: Viewer,
    extra: { notice?: string; error?: string } = {},
    status: 200 | 400 | 413 = 200,
  ) => {
    const detail = await openTipDetail(core, viewer.session.unlocked, tipIdParam(c));
    return html(
      c,
      <TipPage
        frame={await frameFor(viewer, core)}
        detail={detail}
        reviewers={await listActiveReviewers(core)}
        canReply={await tipHasInbox(core, detail.tip.id)}
        moveTargets={(await desksHeldBy(core, viewer.session.unlocked)).filter(
          (d) => d.id !== detail.tip.deskId,
        )}
        {...extra}
      />,
      status,
    );
  };

  const messagePage = async (
    c: Context,
    viewer: Viewer,
    mapped: NonNullable<ReturnType<typeof domainMessage>>,
  ) =>
    html(
      c,
      <MessageOnlyPage
        frame={await frameFor(viewer, core)}
        title={mapped.text}
        text={mapped.text}
      />,
      mapped.status,
    );

  const tipError = async (c: Context, viewer: Viewer, error: unknown): Promise<Response> => {
    const t = await translatorFor(viewer, core);
    const mapped = domainMessage(error, t);
    if (!mapped) throw error;
    if (mapped.status === 404 || mapped.status === 403) return messagePage(c, viewer, mapped);
    try {
      return await renderTip(c, viewer, { error: mapped.text }, mapped.status === 413 ? 413 : 400);
    } catch (renderError) {
      // a bad form for a tip that does not exist (or is not ours): say that instead
      const unrendered = domainMessage(renderError, t);
      if (!unrendered) throw renderError;
      return messagePage(c, viewer, unrendered);
    }
  };
  return { tipIdParam, renderTip, tipError };
}
