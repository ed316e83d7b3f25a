import type { Context, Hono } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import {
  createEnvelopeReplayGuard,
  currentDeskKey,
  DEFAULT_REPLAY_MEMORY,
  submitSealedTipOnce,
  type CoreDeps,
  type PowGate,
  type RateLimiter,
  type ByteBudget,
  findDeskByName,
} from '../../core/index.js';
import { negotiateLocale, type Locale } from '../../i18n/locales.js';
import { createTranslator, type Messages } from '../../i18n/messages.js';
import { tipsterError } from '../error-mapping.js';
import { isSameOriginPost } from '../same-origin.js';
import { fieldValues, firstText, readFormBody } from './form-body.js';
import { withinUploadBudget } from './upload-budget.js';

export interface SealedRouteDeps {
  readonly core: CoreDeps;
  readonly catalogs: Readonly<Partial<Record<Locale, Messages>>>;
  readonly limiter: RateLimiter;
  readonly clientKey: (c: Context) => string;
  readonly powGate: PowGate;
  /** Shared with the form: bounds the bodies read and sealed at once. */
  readonly uploadBudget: ByteBudget;
}

/** The JSON side of the form for tipsters with JavaScript: the desk key out, ciphertext in. */
export function registerSealedRoutes(app: Hono, deps: SealedRouteDeps): void {
  const limits = deps.core.intakeLimits;
  const replays = createEnvelopeReplayGuard({
    sodium: deps.core.sodium,
    random: deps.core.random,
    maxEntries: DEFAULT_REPLAY_MEMORY,
  });
  const t = (c: Context) =>
    createTranslator(
      deps.catalogs,
      negotiateLocale(c.req.query('lang'), c.req.header('accept-language')),
    );

  app.get('/api/desk-key', async (c) => {
    try {
      const desk = c.req.query('desk');
      const key = await currentDeskKey(
        deps.core,
        desk && (await findDeskByName(deps.core, desk)) ? desk : undefined,
      );
      return c.json({
        keyId: key.keyId,
        publicKey: deps.core.sodium.to_base64(key.publicKey),
        pow: deps.powGate.challengeIfLoaded() ?? null,
      });
    } catch (error) {
      const mapped = tipsterError(error);
      if (!mapped) throw error;
      return c.json({ error: t(c)(mapped.key) }, mapped.status);
    }
  });

  // padding at most doubles a file; the envelope and multipart framing fit in the extra MiB
  const maxSealedBody = 2 * limits.maxAttachmentBytesTotal + 1024 * 1024;
  app.post(
    '/api/tips',
    // another site's page must not post tips through its visitors (see tipster-routes)
    async (c, next) =>
      isSameOriginPost(c) ? next() : c.json({ error: t(c)('error.crossSite') }, 403),
    withinUploadBudget(deps.uploadBudget, maxSealedBody, (c) =>
      c.json({ error: t(c)('error.rateLimited') }, 429),
    ),
    bodyLimit({
      maxSize: maxSealedBody,
      onError: (c) => c.json({ error: t(c)('error.tooLarge') }, 413),
    }),
    async (c) => {
      const badInput = () => c.json({ error: t(c)('error.badInput') }, 400);
      const body = await readFormBody(c, ['multipart/form-data']);
      if (!body) return badInput();
      const envelope = body.envelope;
      if (!(envelope instanceof File)) return badInput();
      const parts = fieldValues(body, 'attachment');
      if (parts.some((p) => !(p instanceof File))) return badInput();
      if (!(await deps.limiter.take(deps.clientKey(c))))
        return c.json({ error: t(c)('error.rateLimited') }, 429);
      try {
        await deps.powGate.admit(firstText(body, 'pow-token'), firstText(body, 'pow-nonce'));
        const receipt = await submitSealedTipOnce(deps.core, replays, {
          envelope: new Uint8Array(await envelope.arrayBuffer()),
          // the one bit the server learns of a sealed tip, for alerts only (DESIGN-NOTES)
          urgent: firstText(body, 'urgent') === '1',
          attachments: await Promise.all(
            (parts as File[]).map(async (file) => ({
              id: file.name,
              ciphertext: new Uint8Array(await file.arrayBuffer()),
            })),
          ),
        });
        return c.json({ codename: receipt.codename });
      } catch (error) {
        const mapped = tipsterError(error);
        if (!mapped) throw error;
        return c.json({ error: t(c)(mapped.key) }, mapped.status);
      }
    },
  );
}
