import type { AuditRecord, AuditVerification } from '../../../core/index.js';
import { AdminShell, type AdminFrame } from '../desk-frame.js';

/* The audit log for admins, with the state of its hash chain. */

export function AuditPage(props: {
  frame: AdminFrame;
  entries: readonly AuditRecord[];
  verification: AuditVerification;
  names: Map<string, string>;
  older?: string;
}) {
  const { t } = props.frame;
  const v = props.verification;
  return (
    <AdminShell frame={props.frame} title={t('audit.heading')}>
      <h1>{t('audit.heading')}</h1>
      {v.ok ? (
        <p class="notice">{t('audit.ok', { count: v.entries, head: v.head })}</p>
      ) : (
        <p class="errors">{t('audit.broken', { sequence: v.brokenAt })}</p>
      )}
      <table class="tips">
        <thead>
          <tr>
            <th>#</th>
            <th>{t('audit.at')}</th>
            <th>{t('audit.actor')}</th>
            <th>{t('audit.action')}</th>
            <th>{t('audit.subject')}</th>
            <th>{t('audit.detail')}</th>
          </tr>
        </thead>
        <tbody>
          {props.entries.map((e) => (
            <tr>
              <td>{e.sequence}</td>
              <td>{new Date(e.at).toISOString().replace('T', ' ').slice(0, 19)}</td>
              <td>{props.names.get(e.actor) ?? e.actor}</td>
              <td>{e.action}</td>
              <td>{e.subject ?? ''}</td>
              <td>{e.detail ?? ''}</td>
            </tr>
          ))}
        </tbody>
      </table>
      {props.older ? <a href={props.older}>{t('inbox.next')}</a> : ''}
    </AdminShell>
  );
}
