import type { TipRecord } from '../../../core/index.js';
import { Csrf, type AdminFrame } from '../desk-frame.js';

/** The answer to the tipster: read in her /inbox (web) or sent by the bot (Telegram). */
export function ReplyForm(props: { frame: AdminFrame; tip: Pick<TipRecord, 'id' | 'channel'> }) {
  const { t } = props.frame;
  const { tip } = props;
  return (
    <form method="post" action={`/admin/tips/${tip.id}/reply`}>
      <Csrf frame={props.frame} />
      <div class="field">
        <label for="reply">{t('tip.reply')}</label>
        <span class="hint">
          {tip.channel === 'telegram' ? t('tip.replyHintTelegram') : t('tip.replyHintWeb')}
        </span>
        <textarea id="reply" name="text" required maxlength={10000}></textarea>
      </div>
      <button type="submit">{t('tip.sendReply')}</button>
    </form>
  );
}
