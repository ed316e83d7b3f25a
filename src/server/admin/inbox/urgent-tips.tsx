import { waitingDangerTips, type CoreDeps, type DeskSession } from '../../../core/index.js';
import { adminT as t } from '../desk-frame.js';

/*
 * Danger tips still `new`, shown before everything else in the inbox with how long each has
 * waited, and counted on every desk page. The list comes from the sealed pending rows the
 * server opens (core waitingDangerTips); only tips on desks this session can open appear.
 */

type Waiting = Awaited<ReturnType<typeof waitingDangerTips>>;

/** The tips for a session; empty before the reviewer has any desk key. */
export function urgentTipsFor(core: CoreDeps, session: DeskSession): Promise<Waiting> {
  return waitingDangerTips(core, session.unlocked);
}

/** The inbox's first section: every waiting danger tip, longest waiting first. */
export function UrgentTips(props: { tips: Waiting }) {
  if (props.tips.length === 0) return '';
  return (
    <section class="danger" id="urgent">
      <h2>{t('urgent.heading')}</h2>
      <ul>
        {props.tips.map((tip) => (
          <li>
            <a href={`/admin/tips/${tip.tipId}`}>{t('urgent.open')}</a>{' '}
            <span class="age">
              {t('urgent.waiting', { minutes: Math.floor(tip.waitingMs / 60_000) })}
            </span>
          </li>
        ))}
      </ul>
    </section>
  );
}
