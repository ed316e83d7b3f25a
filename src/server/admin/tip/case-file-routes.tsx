import type { Hono } from 'hono';
import {
  buildCaseFile,
  isDomainError,
  type CaseFileLabels,
  type CaseFileTarget,
  type TipId,
} from '../../../core/index.js';
import { fieldValues, firstText } from '../../tipster/form-body.js';
import type { AdminTranslate } from '../desk-frame.js';
import { frameFor, type DeskKit } from '../desk-guards.js';
import { createTipResponses } from './tip-responses.js';

const labelsFor = (t: AdminTranslate): CaseFileLabels => ({
  title: t('caseFile.docTitle'),
  intro: t('caseFile.docIntro'),
  received: t('field.received'),
  channel: t('field.channel'),
  language: t('field.language'),
  country: t('field.country'),
  place: t('field.place'),
  location: t('field.location'),
  when: t('field.when'),
  danger: t('field.danger'),
  contact: t('field.contact'),
  message: t('field.message'),
  attachments: t('field.attachments'),
  download: t('tip.download'),
  thread: t('tip.thread'),
  noThread: t('tip.noThread'),
  damaged: t('inbox.damaged'),
  yes: t('tip.yes'),
  no: t('tip.no'),
  from: { followup: t('tip.from.followup'), reply: t('tip.from.reply'), note: t('tip.from.note') },
});

const FIELD_MESSAGES = {
  passphrase: 'caseFile.shortPassphrase',
  confirmation: 'caseFile.mismatch',
  recipient: 'caseFile.badRecipient',
  notes: 'caseFile.badNotes',
} as const;

/*
 * The case file download (core's buildCaseFile): the encrypted bytes go straight into the
 * response, never to disk. Every refusal shows the tip page again with why; nothing is made.
 */
export function registerCaseFileRoutes(app: Hono, kit: DeskKit): void {
  const { core, limit, guardPost } = kit;
  const { renderTip, tipError } = createTipResponses(kit);
  app.post('/admin/tips/:id/case-file', limit, async (c) => {
    const guarded = await guardPost(c);
    if (guarded instanceof Response) return guarded;
    const { viewer, form } = guarded;
    const frame = await frameFor(viewer, core);
    const t = frame.t;
    const to = firstText(form, 'to');
    const target: CaseFileTarget | undefined =
      to === 'age'
        ? { kind: 'age', recipient: firstText(form, 'recipient') ?? '' }
        : to === 'passphrase'
          ? {
              kind: 'passphrase',
              passphrase: firstText(form, 'passphrase') ?? '',
              confirmation: firstText(form, 'confirmation') ?? '',
            }
          : undefined;
    if (!target) return renderTip(c, viewer, { error: t('caseFile.chooseTarget') }, 400);
    const noteIds = fieldValues(form, 'note').filter((v): v is string => typeof v === 'string');
    try {
      const file = await buildCaseFile(core, viewer.session.unlocked, {
        tipId: c.req.param('id') as TipId,
        noteIds,
        target,
        labels: labelsFor(t),
        language: frame.locale ?? 'en',
      });
      return c.body(file.bytes as unknown as ArrayBuffer, 200, {
        'Content-Type': 'application/octet-stream',
        'Content-Disposition': `attachment; filename="${file.fileName}"`,
        'X-Content-Type-Options': 'nosniff',
        'Cache-Control': 'no-store',
      });
    } catch (error) {
      if (isDomainError(error, 'invalid_input') || isDomainError(error, 'too_large')) {
        const key = FIELD_MESSAGES[error.field as keyof typeof FIELD_MESSAGES];
        if (key)
          return renderTip(c, viewer, { error: t(key) }, 400).catch(() =>
            tipError(c, viewer, error),
          );
      }
      return tipError(c, viewer, error);
    }
  });
}
