import type { Child } from 'hono/jsx';
import type { ReviewerRecord, TipDetail } from '../../../core/index.js';
import { PRIORITIES, TIP_STATUSES } from '../../../core/index.js';
import {
  AdminShell,
  Csrf,
  LanguageName,
  Notice,
  Select,
  assigneeOptions,
  channelLabel,
  priorityLabel,
  statusLabel,
  when,
  type AdminFrame,
} from '../desk-frame.js';
import { ReplyForm } from '../replies/reply-form.js';
import { MoveForm } from './move-form.js';
import { CaseFileForm } from './case-file-form.js';
import { AnswersTable } from './answers-table.js';

/* One tip: its fields, files, triage, thread and note form (the reply form is replies'). */

export interface TipView {
  readonly frame: AdminFrame;
  readonly detail: TipDetail;
  readonly reviewers: readonly ReviewerRecord[];
  readonly canReply: boolean;
  /** Other desks whose keys the reviewer holds: where the case may move. */
  readonly moveTargets?: readonly { id: string; name: string }[];
  readonly notice?: string;
  readonly error?: string;
}

export function TipPage(props: TipView) {
  const { t } = props.frame;
  const { tip, content, triage, thread } = props.detail;
  const f = content.fields;
  const names = new Map(props.reviewers.map((r) => [r.id as string, r.name]));
  const rows: [string, Child | undefined][] = [
    [
      t('field.received'),
      <>
        {when(tip.receivedAt)} <span class="hint time-note">{t('field.receivedHint')}</span>
      </>,
    ],
    [t('field.channel'), channelLabel(t, tip.channel)],
    [t('field.language'), <LanguageName tag={content.language} />],
    [t('field.country'), f.country],
    [t('field.place'), f.place],
    [t('field.location'), f.location],
    [t('field.when'), f.when],
    [t('field.danger'), f.danger === undefined ? undefined : f.danger ? t('tip.yes') : t('tip.no')],
    [t('field.contact'), f.contact],
  ];
  return (
    <AdminShell frame={props.frame} title={t('tip.heading', { id: tip.id.slice(0, 8) })}>
      <h1>{t('tip.heading', { id: tip.id.slice(0, 8) })}</h1>
      <Notice text={props.notice} kind="notice" />
      <Notice text={props.error} />
      <dl class="fields">
        {rows
          .filter(([, v]) => v !== undefined)
          .map(([k, v]) => (
            <>
              <dt>{k}</dt>
              <dd>{v}</dd>
            </>
          ))}
      </dl>
      <h2>{t('field.message')}</h2>
      <p class="message" id="tip-message">
        {f.message}
      </p>
      <AnswersTable frame={props.frame} detail={props.detail} />
      {content.attachments.length > 0 ? (
        <>
          <h2>{t('field.attachments')}</h2>
          <ul>
            {content.attachments.map((a, i) => (
              <li>
                <a href={`/admin/tips/${tip.id}/attachments/${a.id}`}>
                  {t('tip.download')} #{i + 1}
                </a>{' '}
                ({a.type}, {Math.ceil(a.size / 1024)} KiB) – {a.name}
              </li>
            ))}
          </ul>
        </>
      ) : (
        ''
      )}
      <h2>{t('tip.triage')}</h2>
      <form method="post" action={`/admin/tips/${tip.id}/triage`} class="filters">
        <Csrf frame={props.frame} />
        <Select
          name="status"
          label={t('field.status')}
          value={tip.status}
          options={TIP_STATUSES.map((s) => ({ value: s, label: statusLabel(t, s) }))}
        />
        <Select
          name="assignee"
          label={t('field.assignee')}
          value={tip.assigneeId ?? 'none'}
          options={assigneeOptions(t, props.reviewers)}
        />
        <Select
          name="priority"
          label={t('field.priority')}
          value={triage.priority}
          options={PRIORITIES.map((p) => ({ value: p, label: priorityLabel(t, p) }))}
        />
        <label>
          {t('field.labels')} <span class="hint">{t('tip.labelsHint')}</span>
          <input type="text" name="labels" maxlength={450} value={triage.labels.join(', ')} />
        </label>
        <button type="submit">{t('tip.save')}</button>
      </form>
      <h2>{t('tip.thread')}</h2>
      {thread.length === 0 ? (
        <p>{t('tip.noThread')}</p>
      ) : (
        <ol class="thread">
          {thread.map((entry) => (
            <li class={`thread-${entry.kind}`}>
              <span class="who">
                {t(`tip.from.${entry.kind}`)}
                {entry.authorId ? ` · ${names.get(entry.authorId) ?? '?'}` : ''} · {when(entry.at)}
              </span>
              {entry.text ?? t('inbox.damaged')}
            </li>
          ))}
        </ol>
      )}
      {props.canReply ? <ReplyForm frame={props.frame} tip={tip} /> : ''}
      <form method="post" action={`/admin/tips/${tip.id}/notes`}>
        <Csrf frame={props.frame} />
        <div class="field">
          <label for="note">{t('tip.note')}</label>
          <textarea id="note" name="text" required maxlength={10000}></textarea>
        </div>
        <button type="submit">{t('tip.addNote')}</button>
      </form>
      <CaseFileForm frame={props.frame} tip={tip} thread={thread} />
      <MoveForm frame={props.frame} tip={tip} targets={props.moveTargets ?? []} />
    </AdminShell>
  );
}
