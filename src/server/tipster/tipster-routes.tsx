import type { Context, Hono, MiddlewareHandler } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import {
  addFollowUp,
  checkBackForDesk,
  createPowGate,
  createByteBudget,
  createScopedRateLimiter,
  clientHashKey,
  DomainError,
  isDomainError,
  MAX_THREAD_MESSAGE_CHARS,
  openInbox,
  submitTip,
  type AttachmentInput,
  type CoreDeps,
  findDeskByName,
  type IntakeLimits,
  AnswerError,
  MAX_QUESTIONS,
  MAX_TEXT_ANSWER_CHARS,
  questionnaireForForm,
  textIn,
} from '../../core/index.js';
import { negotiateLocale, type Locale } from '../../i18n/locales.js';
import { createTranslator, type MessageKey, type Messages } from '../../i18n/messages.js';
import { tipsterError, type TipsterErrorStatus } from '../error-mapping.js';
import { createClientKeyer } from '../client-key.js';
import { isSameOriginPost } from '../same-origin.js';
import type { EmergencyDirectory } from '../../i18n/countries.js';
import { FormPage, type FormValues } from './form-page.js';
import { InboxPage } from './inbox-page.js';
import { htmlDocument, type PageContext } from './page-shell.js';
import { ReceiptPage } from './receipt-page.js';
import { registerSealedRoutes } from './sealed-routes.js';
import { clipText, fieldValues, firstText, readFormBody, type FormBody } from './form-body.js';
import { withinUploadBudget } from './upload-budget.js';

export interface TipsterWebDeps {
  readonly core: CoreDeps;
  readonly catalogs: Readonly<Partial<Record<Locale, Messages>>>;
  readonly emergencyNumbers: EmergencyDirectory;
  readonly quickExitUrl: string;
  readonly rateLimitPerHour: number;
  readonly proofOfWork: ProofOfWorkOptions;
}

/** When browser-sealed tips must carry proof of work, and how much. */
export interface ProofOfWorkOptions {
  /** Sealed tips within `windowMs` above which work is asked for; 0 = always. */
  readonly threshold: number;
  readonly windowMs: number;
  /** Leading zero bits of argon2id (4 MiB, 1 pass): 10 bits is ~1,000 tries, a few seconds on a phone. */
  readonly difficulty: number;
  readonly ttlMs: number;
}

export const DEFAULT_PROOF_OF_WORK: ProofOfWorkOptions = {
  threshold: 30,
  windowMs: 10 * 60_000,
  difficulty: 10,
  ttlMs: 10 * 60_000,
};

/**
 * The operator's settings (TIPLINE_POW_THRESHOLD, TIPLINE_POW_DIFFICULTY) as gate options: a
 * rate per minute becomes a count over the 10-minute window, so a short burst does not trip it.
 */
export function proofOfWorkOptions(perMinute: number, difficulty: number): ProofOfWorkOptions {
  const minutes = DEFAULT_PROOF_OF_WORK.windowMs / 60_000;
  return { ...DEFAULT_PROOF_OF_WORK, threshold: perMinute * minutes, difficulty };
}

type Body = FormBody;

const MULTIPART_OVERHEAD_BYTES = 256 * 1024;

/**
 * Codename lookups at /inbox per client per hour, and for everyone together. Independent of
 * TIPLINE_RATE_LIMIT: turning tip rate limiting off for a load test must not open the inbox to
 * guessing. Each lookup costs the server one argon2id run, so the ceiling also bounds CPU.
 */
const INBOX_LOOKUPS_PER_HOUR = 30;
const INBOX_LOOKUPS_PER_HOUR_GLOBAL = 3_000;

/** Uploads waiting for the upload budget at most; more get "too many reports just now". */
const UPLOADS_WAITING = 100;
const SMALL_FORM_BYTES = 64 * 1024;

const files = (body: Body, name: string): File[] =>
  // an empty file input still sends one nameless, empty part
  fieldValues(body, name).filter(
    (v): v is File => typeof v !== 'string' && !(v.size === 0 && v.name === ''),
  );

/**
 * The questionnaire answers in a form: every `q.<id>` field (a period's end in `q.<id>.to`,
 * joined as "from/to"), each value cut to what any answer may hold. Absent: the form had no
 * questionnaire (no `questionnaire` field), and the tip records none.
 */
function answerInput(body: Body): { raw: Record<string, string[]>; id: string } | undefined {
  const id = firstText(body, 'questionnaire');
  if (id === undefined) return undefined;
  const raw: Record<string, string[]> = {};
  const names = Object.keys(body).filter((n) => n.startsWith('q.') && !n.endsWith('.to'));
  for (const name of names.slice(0, MAX_QUESTIONS)) {
    const texts = fieldValues(body, name)
      .filter((v): v is string => typeof v === 'string')
      .slice(0, 64)
      .map((v) => clipText(v, MAX_TEXT_ANSWER_CHARS + 1));
    const to = firstText(body, `${name}.to`)?.slice(0, 20);
    if (to && texts[0]) texts[0] = `${texts[0]}/${to}`;
    raw[name.slice(2)] = texts;
  }
  return { raw, id: id.slice(0, 64) };
}

function formValues(body: Body): FormValues {
  const danger = firstText(body, 'danger');
  const entries = {
    message: firstText(body, 'message'),
    country: firstText(body, 'country'),
    place: firstText(body, 'place'),
    when: firstText(body, 'when'),
    contact: firstText(body, 'contact'),
    danger: danger === 'yes' || danger === 'no' || danger === 'unknown' ? danger : undefined,
    desk: firstText(body, 'desk')?.slice(0, 64),
    answers: answerInput(body)?.raw,
  };
  return Object.fromEntries(Object.entries(entries).filter(([, v]) => v !== undefined));
}

type TextField = 'message' | 'place' | 'when' | 'contact';

const TEXT_FIELD_LABELS: Readonly<Record<TextField, MessageKey>> = {
  message: 'form.message.label',
  place: 'form.place.label',
  when: 'form.when.label',
  contact: 'form.contact.label',
};

const isTextField = (field: string | undefined): field is TextField =>
  field !== undefined && Object.hasOwn(TEXT_FIELD_LABELS, field);

const textLimit = (field: TextField, limits: IntakeLimits) =>
  field === 'message' ? limits.maxMessageChars : limits.maxFieldChars;

/** What the form shows again after an error: every text cut to its field's limit. */
function shownValues(values: FormValues, limits: IntakeLimits): FormValues {
  const cut = (field: TextField) => {
    const text = values[field];
    return text === undefined ? {} : { [field]: clipText(text, textLimit(field, limits)) };
  };
  return { ...values, ...cut('message'), ...cut('place'), ...cut('when'), ...cut('contact') };
}

/** The pages a tipster uses: the form, the receipt, the inbox. No cookies, ever. */
export function registerTipsterRoutes(app: Hono, deps: TipsterWebDeps): void {
  const limits = deps.core.intakeLimits;
  // shared by the instances on one database when TIPLINE_SHARED_SECRET is set (shared-limits.ts)
  const limiter = createScopedRateLimiter(deps.core, 'tips', {
    perKeyPerHour: deps.rateLimitPerHour,
    globalPerHour: Math.max(100, deps.rateLimitPerHour * 30),
  });
  const inboxLimiter = createScopedRateLimiter(deps.core, 'inbox', {
    perKeyPerHour: INBOX_LOOKUPS_PER_HOUR,
    globalPerHour: INBOX_LOOKUPS_PER_HOUR_GLOBAL,
  });
  const clientKey = createClientKeyer(deps.core.sodium, clientHashKey(deps.core));
  const powGate = createPowGate({
    sodium: deps.core.sodium,
    clock: deps.core.clock,
    random: deps.core.random,
    ...(deps.core.sharedKeys ? { macKey: deps.core.sharedKeys.proofOfWork } : {}),
    ...deps.proofOfWork,
  });
  // Two maximum form uploads are read and sealed at once; the rest wait unread (docs/SECURITY.md).
  const uploadBudget = createByteBudget(
    2 * (limits.maxAttachmentBytesTotal + MULTIPART_OVERHEAD_BYTES),
    UPLOADS_WAITING,
  );
  registerSealedRoutes(app, {
    core: deps.core,
    catalogs: deps.catalogs,
    limiter,
    clientKey,
    powGate,
    uploadBudget,
  });

  const page = (c: Context, path: string, explicit?: string): PageContext => {
    const locale = negotiateLocale(
      explicit ?? c.req.query('lang'),
      c.req.header('accept-language'),
    );
    return {
      locale,
      t: createTranslator(deps.catalogs, locale),
      quickExitUrl: deps.quickExitUrl,
      path,
    };
  };

  const tooLarge = (path: string) =>
    bodyLimit({
      maxSize:
        path === '/tips'
          ? limits.maxAttachmentBytesTotal + MULTIPART_OVERHEAD_BYTES
          : SMALL_FORM_BYTES,
      onError: (c) => {
        const p = page(c, path === '/tips' ? '/' : '/inbox');
        const html =
          path === '/tips' ? (
            <FormPage
              page={p}
              limits={limits}
              directory={deps.emergencyNumbers}
              error={p.t('error.tooLarge')}
            />
          ) : (
            <InboxPage page={p} error={p.t('error.tooLarge')} />
          );
        return c.html(htmlDocument(html), 413);
      },
    });

  // A post from another site's page is refused before its body is read: a forged form, or
  // visitors' browsers made to send tips from many addresses past the rate limit.
  const ownPagesOnly =
    (path: '/' | '/inbox'): MiddlewareHandler =>
    async (c, next) => {
      if (isSameOriginPost(c)) return next();
      const p = page(c, path);
      const error = p.t('error.crossSite');
      const html =
        path === '/' ? (
          <FormPage page={p} limits={limits} directory={deps.emergencyNumbers} error={error} />
        ) : (
          <InboxPage page={p} error={error} />
        );
      return c.html(htmlDocument(html), 403);
    };

  app.get('/', async (c) => {
    const p = page(c, '/');
    // a partner's link may route tips to its desk; an unknown name is ignored
    const desk = c.req.query('desk');
    const values = desk && (await findDeskByName(deps.core, desk)) ? { desk } : {};
    const checkBack = await checkBackForDesk(deps.core, values.desk);
    const questionnaire = await questionnaireForForm(deps.core, values.desk);
    return c.html(
      htmlDocument(
        <FormPage
          page={p}
          limits={limits}
          directory={deps.emergencyNumbers}
          values={values}
          checkBack={checkBack}
          questionnaire={questionnaire}
        />,
      ),
    );
  });

  const formBudget = withinUploadBudget(
    uploadBudget,
    limits.maxAttachmentBytesTotal + MULTIPART_OVERHEAD_BYTES,
    (c) => {
      const p = page(c, '/');
      return c.html(
        htmlDocument(
          <FormPage
            page={p}
            limits={limits}
            directory={deps.emergencyNumbers}
            error={p.t('error.rateLimited')}
          />,
        ),
        429,
      );
    },
  );

  app.post('/tips', ownPagesOnly('/'), formBudget, tooLarge('/tips'), async (c) => {
    const body = await readFormBody(c);
    const p = page(c, '/', body && firstText(body, 'lang'));
    const values = body ? formValues(body) : {};
    const answers = body ? answerInput(body) : undefined;
    const deskName =
      values.desk && (await findDeskByName(deps.core, values.desk)) ? values.desk : undefined;
    const questionnaire = await questionnaireForForm(deps.core, deskName);
    const renderForm = (status: TipsterErrorStatus, error: string) =>
      c.html(
        htmlDocument(
          <FormPage
            page={p}
            limits={limits}
            directory={deps.emergencyNumbers}
            values={shownValues(values, limits)}
            error={error}
            questionnaire={questionnaire}
          />,
        ),
        status,
      );
    if (!body) return renderForm(400, p.t('error.badInput'));
    if (!(await limiter.take(clientKey(c)))) return renderForm(429, p.t('error.rateLimited'));
    const uploads = files(body, 'attachments');
    if (uploads.length > limits.maxAttachments) {
      return renderForm(400, p.t('error.tooManyFiles', { count: limits.maxAttachments }));
    }
    try {
      const attachments: AttachmentInput[] = [];
      for (const file of uploads) {
        attachments.push({
          name: file.name,
          mediaType: (file.type || 'application/octet-stream').split(';')[0]!.trim().toLowerCase(),
          bytes: new Uint8Array(await file.arrayBuffer()),
        });
      }
      const country = values.country && values.country !== 'other' ? values.country : undefined;
      const receipt = await submitTip(deps.core, {
        channel: 'web',
        language: p.locale,
        fields: {
          message: values.message ?? '',
          ...(country ? { country } : {}),
          ...(values.place ? { place: values.place } : {}),
          ...(values.when ? { when: values.when } : {}),
          ...(values.contact ? { contact: values.contact } : {}),
          ...(values.danger && values.danger !== 'unknown'
            ? { danger: values.danger === 'yes' }
            : {}),
        },
        attachments,
        ...(values.desk ? { deskName: values.desk } : {}),
        ...(answers ? { answers: { raw: answers.raw, questionnaireId: answers.id } } : {}),
      });
      return c.html(
        htmlDocument(
          <ReceiptPage
            page={p}
            codename={receipt.codename}
            danger={values.danger === 'yes'}
            country={country}
            directory={deps.emergencyNumbers}
            checkBack={receipt.checkBack}
          />,
        ),
      );
    } catch (error) {
      const mapped = tipsterError(error);
      if (!mapped) throw error;
      if (error instanceof AnswerError) {
        const question = questionnaire?.definition.questions.find((q) => q.id === error.questionId);
        const label = question ? textIn(question.label, p.locale).text : error.questionId;
        return renderForm(400, p.t('error.answer', { question: label }));
      }
      if (isDomainError(error, 'too_large') && isTextField(error.field)) {
        const field = error.field;
        return renderForm(
          mapped.status,
          p.t('error.tooLongCut', {
            field: p.t(TEXT_FIELD_LABELS[field]),
            count: textLimit(field, limits),
          }),
        );
      }
      return renderForm(mapped.status, p.t(mapped.key));
    }
  });

  app.get('/inbox', (c) => c.html(htmlDocument(<InboxPage page={page(c, '/inbox')} />)));

  app.post('/inbox', ownPagesOnly('/inbox'), tooLarge('/inbox'), async (c) => {
    const body = await readFormBody(c);
    const p = page(c, '/inbox', body && firstText(body, 'lang'));
    const codename = body ? firstText(body, 'codename') : undefined;
    if (codename === undefined)
      return c.html(htmlDocument(<InboxPage page={p} error={p.t('error.badInput')} />), 400);
    if (!(await inboxLimiter.take(clientKey(c))))
      return c.html(htmlDocument(<InboxPage page={p} error={p.t('error.rateLimited')} />), 429);
    try {
      const view = await openInbox(deps.core, codename);
      return c.html(htmlDocument(<InboxPage page={p} codename={codename} view={view} />));
    } catch (error) {
      if (isDomainError(error, 'invalid_input')) {
        return c.html(htmlDocument(<InboxPage page={p} error={p.t('inbox.codename.hint')} />), 400);
      }
      const mapped = tipsterError(error);
      if (!mapped) throw error;
      return c.html(htmlDocument(<InboxPage page={p} error={p.t(mapped.key)} />), mapped.status);
    }
  });

  app.post('/inbox/followup', ownPagesOnly('/inbox'), tooLarge('/inbox'), async (c) => {
    const body = await readFormBody(c);
    const p = page(c, '/inbox', body && firstText(body, 'lang'));
    const codename = body ? firstText(body, 'codename') : undefined;
    const message = body ? firstText(body, 'message') : undefined;
    if (codename === undefined || message === undefined) {
      return c.html(htmlDocument(<InboxPage page={p} error={p.t('error.badInput')} />), 400);
    }
    // a follow-up names a codename too: it counts as a lookup as well as a message
    const client = clientKey(c);
    if (!(await inboxLimiter.take(client)) || !(await limiter.take(client))) {
      return c.html(htmlDocument(<InboxPage page={p} error={p.t('error.rateLimited')} />), 429);
    }
    try {
      await addFollowUp(deps.core, codename, message);
      const view = await openInbox(deps.core, codename);
      return c.html(htmlDocument(<InboxPage page={p} codename={codename} view={view} sent />));
    } catch (error) {
      const mapped = tipsterError(error);
      if (!mapped) throw error;
      if (isDomainError(error, 'invalid_input') && error.field === 'codename') {
        return c.html(htmlDocument(<InboxPage page={p} error={p.t('inbox.codename.hint')} />), 400);
      }
      const view = { entries: [] };
      const text =
        error instanceof DomainError && error.field === 'message'
          ? error.code === 'too_large'
            ? p.t('error.tooLongCut', {
                field: p.t('inbox.followup.label'),
                count: MAX_THREAD_MESSAGE_CHARS,
              })
            : p.t('error.messageRequired')
          : p.t(mapped.key);
      return c.html(
        htmlDocument(
          <InboxPage
            page={p}
            codename={codename}
            view={view}
            error={text}
            followUpText={clipText(message, MAX_THREAD_MESSAGE_CHARS)}
          />,
        ),
        mapped.status,
      );
    }
  });
}
