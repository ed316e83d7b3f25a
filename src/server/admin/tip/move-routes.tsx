import type { Hono } from 'hono';
import { isDomainError, moveTipToDesk, type DeskId } from '../../../core/index.js';
import { firstText } from '../../tipster/form-body.js';
import { MessageOnlyPage } from '../desk-frame.js';
import { frameFor, html, translatorFor, type DeskKit } from '../desk-guards.js';

const DESK_ID = /^[0-9a-f]{16,64}$/;

/* Moving a case to another desk (core's moveTipToDesk); every refusal says why and changes nothing. */
export function registerMoveRoutes(app: Hono, kit: DeskKit): void {
  const { core, limit, guardPost } = kit;
  app.post('/admin/tips/:id/move', limit, async (c) => {
    const guarded = await guardPost(c);
    if (guarded instanceof Response) return guarded;
    const { viewer, form } = guarded;
    const t = await translatorFor(viewer, core);
    const tipId = c.req.param('id');
    const from = firstText(form, 'from') ?? '';
    const to = firstText(form, 'desk') ?? '';
    const refuse = async (text: string, status: 400 | 403 | 404 | 409) =>
      html(
        c,
        <MessageOnlyPage frame={await frameFor(viewer, core)} title={text} text={text} />,
        status,
      );
    if (!DESK_ID.test(from) || !DESK_ID.test(to)) return refuse(t('move.notHeld'), 400);
    try {
      await moveTipToDesk(
        core,
        viewer.session.unlocked,
        tipId as never,
        from as DeskId,
        to as DeskId,
      );
    } catch (error) {
      if (isDomainError(error, 'invalid_input')) return refuse(t('move.sameDesk'), 400);
      if (isDomainError(error, 'forbidden')) return refuse(t('move.notHeld'), 403);
      if (isDomainError(error, 'not_found')) return refuse(t('move.gone'), 404);
      if (isDomainError(error, 'conflict')) return refuse(t('move.gone'), 409);
      throw error;
    }
    return c.redirect(`/admin/tips/${tipId}?done=moved`, 303);
  });
}
