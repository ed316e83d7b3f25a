import type { Hono } from 'hono';
import { chooseDeskLanguage } from '../../../core/index.js';
import { ADMIN_LOCALES, DEFAULT_ADMIN_LOCALE } from '../../../i18n/admin/catalogs.js';
import { firstText } from '../../tipster/form-body.js';
import { domainMessage, frameFor, html, type DeskKit } from '../desk-guards.js';
import { AccountPage } from './account-pages.js';
import { accountAlertSections } from './alert-settings.js';

const OFFERED = ADMIN_LOCALES.map((l) => l.tag);

/* A reviewer's desk language: stored per reviewer, applied from the next page on. */
export function registerLanguageRoutes(app: Hono, kit: DeskKit): void {
  const { core, deps, limit, guardPost } = kit;
  app.post('/admin/account/language', limit, async (c) => {
    const guarded = await guardPost(c);
    if (guarded instanceof Response) return guarded;
    const { viewer, form } = guarded;
    const chosen = firstText(form, 'locale') ?? '';
    try {
      // English is the default: choosing it stores no choice at all
      const locale = chosen === DEFAULT_ADMIN_LOCALE ? null : chosen;
      await chooseDeskLanguage(core, viewer.session.reviewerId, locale, OFFERED);
    } catch (error) {
      const frame = await frameFor(viewer, core);
      const mapped = domainMessage(error, frame.t);
      if (!mapped) throw error;
      const sections = await accountAlertSections(core, frame, viewer, deps.alertChannels);
      return html(
        c,
        <AccountPage frame={frame} error={mapped.text}>
          {sections}
        </AccountPage>,
        400,
      );
    }
    return c.redirect('/admin/account?done=language', 303);
  });
}
