import type { InboxPage as InboxPageData } from '../../../core/index.js';
import { Csrf, type AdminFrame } from '../desk-frame.js';

/* "Still searching…" under a sealed filter while the session's scan runs, with a way to stop it. */
export function SearchProgress(props: {
  frame: AdminFrame;
  page: InboxPageData;
  cancelAction: string;
}) {
  const { t } = props.frame;
  const scan = props.page.scan;
  if (!scan) return <></>;
  if (scan.state === 'cancelled' || scan.state === 'timed_out')
    return <p class="notice">{t('inbox.searchStopped')}</p>;
  if (scan.state !== 'running') return <></>;
  return (
    <div class="notice" role="status">
      <p>{t('inbox.searching', { found: props.page.total, scanned: scan.scanned })}</p>
      <form method="post" action={props.cancelAction} class="inline">
        <Csrf frame={props.frame} />
        <button type="submit">{t('inbox.cancelSearch')}</button>
      </form>
    </div>
  );
}
