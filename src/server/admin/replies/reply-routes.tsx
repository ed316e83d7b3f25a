import type { Hono } from 'hono';
import { recordAudit, sendReply } from '../../../core/index.js';
import { firstText } from '../../tipster/form-body.js';
import { type DeskKit } from '../desk-guards.js';
import { createTipResponses } from '../tip/tip-responses.js';

/* Where a reply is sent: to a web tipster's inbox, or through the bot to a Telegram tipster. */
export function registerReplyRoutes(app: Hono, kit: DeskKit): void {
  const { core, deps, limit, guardPost } = kit;
  const { tipIdParam, tipError } = createTipResponses(kit);
  app.post('/admin/tips/:id/reply', limit, async (c) => {
    const guarded = await guardPost(c);
    if (guarded instanceof Response) return guarded;
    const { viewer, form } = guarded;
    let outcome;
    try {
      outcome = await sendReply(
        core,
        deps.telegram,
        viewer.session.unlocked,
        tipIdParam(c),
        firstText(form, 'text') ?? '',
      );
    } catch (error) {
      return tipError(c, viewer, error);
    }
    await recordAudit(core, {
      actor: viewer.session.reviewerId,
      action: 'tip.reply',
      subject: tipIdParam(c),
      detail: outcome.delivery,
    });
    return c.redirect(
      `/admin/tips/${tipIdParam(c)}?done=${outcome.delivery === 'telegram_failed' ? 'stored' : 'reply'}`,
      303,
    );
  });
}
