import type { Child } from 'hono/jsx';
import type {
  InboxFilter,
  InboxPage as InboxPageData,
  ReviewerRecord,
  TipSummary,
} from '../../../core/index.js';
import { TIP_STATUSES, CHANNELS } from '../../../core/index.js';
import {
  AdminShell,
  Csrf,
  Notice,
  Select,
  assigneeOptions,
  channelLabel,
  priorityLabel,
  statusLabel,
  when,
  type AdminFrame,
  type AdminTranslate,
} from '../desk-frame.js';
import { SearchProgress } from './search-progress.js';

/* The inbox: filters, the list of tips, bulk changes. */

export interface InboxView {
  readonly frame: AdminFrame;
  readonly page: InboxPageData;
  readonly filter: InboxFilter;
  readonly query: string;
  readonly reviewers: readonly ReviewerRecord[];
  readonly desks: readonly { id: string; name: string }[];
  readonly hasGrants: boolean;
  readonly pageLinks: { readonly newer?: string; readonly older?: string };
  readonly notice?: string;
  /** Waiting danger tips, shown first (./urgent-tips.tsx). */
  readonly urgent?: Child;
  /** While a search runs: the URL to reload (with its scan id) and where "stop" posts. */
  readonly searching?: { readonly refresh: string; readonly cancelAction: string };
}

function Row(props: { tip: TipSummary; t: AdminTranslate; names: Map<string, string> }) {
  const { tip, t } = props;
  return (
    <tr class={tip.danger ? 'danger-row' : undefined}>
      <td>
        <input type="checkbox" name="tip" value={tip.id} form="bulk" aria-label={tip.id} />
      </td>
      <td class="when">{when(tip.receivedAt)}</td>
      <td>{channelLabel(t, tip.channel)}</td>
      <td>{statusLabel(t, tip.status)}</td>
      <td>{priorityLabel(t, tip.priority)}</td>
      <td>{tip.assigneeId ? (props.names.get(tip.assigneeId) ?? '?') : '–'}</td>
      <td>
        <a href={`/admin/tips/${tip.id}`}>
          {tip.damaged
            ? t('inbox.damaged')
            : tip.locked
              ? t('inbox.locked')
              : tip.headline || tip.id}
        </a>
        {tip.danger ? <strong class="flag"> {t('field.danger')}</strong> : ''}
        {tip.labels.map((l) => (
          <span class="label">{l}</span>
        ))}
      </td>
    </tr>
  );
}

export function InboxPage(props: InboxView) {
  const { t } = props.frame;
  const { filter, page } = props;
  const names = new Map(props.reviewers.map((r) => [r.id as string, r.name]));
  const statuses = TIP_STATUSES.map((s) => ({ value: s, label: statusLabel(t, s) }));
  const channels = CHANNELS.map((c) => ({ value: c, label: channelLabel(t, c) }));
  return (
    <AdminShell
      frame={props.frame}
      title={t('inbox.heading')}
      {...(props.searching && page.scan?.state === 'running'
        ? { refresh: props.searching.refresh }
        : {})}
    >
      <h1>{t('inbox.heading')}</h1>
      {props.urgent ?? ''}
      <Notice text={props.notice} kind="notice" />
      {props.hasGrants ? '' : <p class="warning">{t('inbox.noGrant')}</p>}
      <form method="get" action="/admin" class="filters">
        <Select
          name="status"
          label={t('field.status')}
          value={filter.status}
          options={statuses}
          any={t('inbox.any')}
        />
        <Select
          name="channel"
          label={t('field.channel')}
          value={filter.channel}
          options={channels}
          any={t('inbox.any')}
        />
        {props.desks.length > 1 ? (
          <Select
            name="desk"
            label={t('field.desk')}
            value={filter.deskId}
            options={props.desks.map((d) => ({ value: d.id, label: d.name }))}
            any={t('inbox.any')}
          />
        ) : (
          ''
        )}
        <Select
          name="assignee"
          label={t('field.assignee')}
          value={filter.assigneeId === null ? 'none' : filter.assigneeId}
          options={assigneeOptions(t, props.reviewers)}
          any={t('inbox.any')}
        />
        <Select
          name="danger"
          label={t('field.danger')}
          value={filter.danger === undefined ? undefined : filter.danger ? 'yes' : 'no'}
          options={[
            { value: 'yes', label: t('tip.yes') },
            { value: 'no', label: t('tip.no') },
          ]}
          any={t('inbox.any')}
        />
        <label>
          {t('field.label')}{' '}
          <input type="text" name="label" maxlength={40} value={filter.label ?? ''} />
        </label>
        <label>
          {t('field.language')}{' '}
          <input type="text" name="language" maxlength={35} value={filter.language ?? ''} />
        </label>
        <label>
          {t('inbox.search')}{' '}
          <input type="search" name="q" maxlength={200} value={filter.search ?? ''} />
        </label>
        <button type="submit">{t('inbox.filter')}</button>
      </form>
      <SearchProgress
        frame={props.frame}
        page={page}
        cancelAction={props.searching?.cancelAction ?? '/admin/search/cancel'}
      />
      <p>
        {t('inbox.count', { total: page.total })}{' '}
        <span class="hint time-note">{t('field.receivedHint')}</span>
      </p>
      {page.rows.length === 0 ? (
        <p>{t('inbox.empty')}</p>
      ) : (
        <div class="table-wrap">
          <table class="tips">
            <thead>
              <tr>
                <th></th>
                <th>{t('field.received')}</th>
                <th>{t('field.channel')}</th>
                <th>{t('field.status')}</th>
                <th>{t('field.priority')}</th>
                <th>{t('field.assignee')}</th>
                <th>{t('field.message')}</th>
              </tr>
            </thead>
            <tbody>
              {page.rows.map((tip) => (
                <Row tip={tip} t={t} names={names} />
              ))}
            </tbody>
          </table>
        </div>
      )}
      <nav class="links">
        {props.pageLinks.newer ? <a href={props.pageLinks.newer}>{t('inbox.previous')}</a> : ''}
        {props.pageLinks.older ? <a href={props.pageLinks.older}>{t('inbox.next')}</a> : ''}
      </nav>
      <form method="post" action={`/admin/tips/bulk?${props.query}`} id="bulk" class="filters">
        <Csrf frame={props.frame} />
        <strong>{t('inbox.bulk')}</strong>
        <Select
          name="status"
          label={t('field.status')}
          value={undefined}
          options={statuses}
          any="–"
        />
        <Select
          name="assignee"
          label={t('field.assignee')}
          value={undefined}
          options={assigneeOptions(t, props.reviewers)}
          any="–"
        />
        <label>
          {t('field.label')} <input type="text" name="label" maxlength={40} />
        </label>
        <button type="submit">{t('inbox.apply')}</button>
      </form>
    </AdminShell>
  );
}
