import type { Hono } from 'hono';
import { isDomainError, splitRecoveryKey } from '../../../core/index.js';
import { firstText } from '../../tipster/form-body.js';
import { AdminShell, Csrf, Notice, type AdminFrame } from '../desk-frame.js';
import { MAX_SHARES_TEXT } from '../login/login-pages.js';
import { shareProblemText } from '../login/share-messages.js';
import { frameFor, html, translatorFor, type DeskKit } from '../desk-guards.js';

const COUNT = /^\d{1,2}$/;

function SplitPage(props: { frame: AdminFrame; error?: string; shares?: readonly string[] }) {
  const { t } = props.frame;
  return (
    <AdminShell frame={props.frame} title={t('split.heading')}>
      <h1>{t('split.heading')}</h1>
      <Notice text={props.error} />
      {props.shares ? (
        <>
          <p>{t('split.done')}</p>
          <ol id="shares">
            {props.shares.map((block) => (
              <li>
                <pre>{block}</pre>
              </li>
            ))}
          </ol>
        </>
      ) : (
        <form method="post" action="/admin/recovery-shares">
          <p>{t('split.intro')}</p>
          <Csrf frame={props.frame} />
          <div class="field">
            <label for="recovery">{t('split.key')}</label>
            <textarea
              id="recovery"
              name="recovery"
              rows={5}
              maxlength={MAX_SHARES_TEXT}
              autocomplete="off"
              spellcheck={false}
              required
            />
          </div>
          <div class="field">
            <label for="threshold">{t('split.threshold')}</label>
            <input type="number" id="threshold" name="threshold" min={2} max={16} value="3" />
          </div>
          <div class="field">
            <label for="total">{t('split.total')}</label>
            <input type="number" id="total" name="total" min={2} max={16} value="5" />
          </div>
          <button type="submit">{t('split.submit')}</button>
        </form>
      )}
    </AdminShell>
  );
}

/* Splitting the recovery key into M-of-N shares from the desk (admins; needs the key or M shares). */
export function registerSplitRecoveryRoutes(app: Hono, kit: DeskKit): void {
  const { core, limit, guardPost, guardGet, isAdmin, forbidden } = kit;
  app.get('/admin/recovery-shares', async (c) => {
    const viewer = guardGet(c);
    if (viewer instanceof Response) return viewer;
    if (!(await isAdmin(viewer))) return forbidden(c, viewer);
    return html(c, <SplitPage frame={await frameFor(viewer, core)} />);
  });
  app.post('/admin/recovery-shares', limit, async (c) => {
    const guarded = await guardPost(c);
    if (guarded instanceof Response) return guarded;
    const { viewer, form } = guarded;
    if (!(await isAdmin(viewer))) return forbidden(c, viewer);
    const t = await translatorFor(viewer, core);
    const frame = await frameFor(viewer, core);
    const refuse = (error: string, status: 400 | 401) =>
      html(c, <SplitPage frame={frame} error={error} />, status);
    const m = firstText(form, 'threshold') ?? '';
    const n = firstText(form, 'total') ?? '';
    if (!COUNT.test(m) || !COUNT.test(n)) return refuse(t('split.badCounts'), 400);
    const recovery = (firstText(form, 'recovery') ?? '').slice(0, MAX_SHARES_TEXT);
    try {
      const shares = await splitRecoveryKey(
        core,
        recovery,
        { threshold: Number(m), total: Number(n) },
        viewer.session.reviewerId,
      );
      c.header('cache-control', 'no-store');
      return html(c, <SplitPage frame={frame} shares={shares} />);
    } catch (error) {
      const share = shareProblemText(error, t);
      if (share) return refuse(share, 400);
      if (isDomainError(error, 'invalid_input')) return refuse(t('split.badCounts'), 400);
      if (isDomainError(error, 'bad_credentials')) return refuse(t('split.wrongKey'), 401);
      throw error;
    }
  });
}
