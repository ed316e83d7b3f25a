import type { TipRecord } from '../../../core/index.js';
import { Csrf, Select, type AdminFrame } from '../desk-frame.js';

/* "Move to desk": a plain form (no JavaScript), listing only the desks whose keys the reviewer holds. */
export function MoveForm(props: {
  frame: AdminFrame;
  tip: Pick<TipRecord, 'id' | 'deskId'>;
  targets: readonly { id: string; name: string }[];
}) {
  const { t } = props.frame;
  if (props.targets.length === 0) return <></>;
  return (
    <form method="post" action={`/admin/tips/${props.tip.id}/move`} class="filters">
      <h2>{t('move.heading')}</h2>
      <p class="hint">{t('move.hint')}</p>
      <Csrf frame={props.frame} />
      <input type="hidden" name="from" value={props.tip.deskId} />
      <Select
        name="desk"
        label={t('move.target')}
        value={undefined}
        options={props.targets.map((d) => ({ value: d.id, label: d.name }))}
      />
      <button type="submit">{t('move.submit')}</button>
    </form>
  );
}
