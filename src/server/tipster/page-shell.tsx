import type { Child } from 'hono/jsx';
import type { HtmlEscapedString } from 'hono/utils/html';
import { LOCALES, localeInfo, type Locale } from '../../i18n/locales.js';
import type { Translate } from '../../i18n/messages.js';

export interface PageContext {
  readonly locale: Locale;
  readonly t: Translate;
  readonly quickExitUrl: string;
  /** The path the language links point at, so a language change keeps the tipster in place. */
  readonly path: string;
}

/** Every tipster page: quick exit first, then content, then languages and the privacy line. */
export function PageShell(props: {
  page: PageContext;
  title?: string;
  scripts?: readonly string[];
  children?: Child;
}) {
  const { locale, t, quickExitUrl, path } = props.page;
  const info = localeInfo(locale);
  return (
    <html lang={locale} dir={info.dir}>
      <head>
        <meta charset="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <meta name="referrer" content="no-referrer" />
        <meta name="robots" content="noindex, nofollow" />
        <title>{props.title ? `${props.title} · ${t('site.title')}` : t('site.title')}</title>
        <link rel="stylesheet" href="/static/tipline.css" />
        <script src="/static/quick-exit.js" defer></script>
        {(props.scripts ?? []).map((src) => (
          <script src={src} defer></script>
        ))}
      </head>
      <body>
        <header class="bar">
          <a class="site" href={`/?lang=${locale}`}>
            {t('site.title')}
          </a>
          <a
            id="quick-exit"
            class="quick-exit"
            href={quickExitUrl}
            rel="noreferrer"
            title={t('nav.quickExitHint')}
          >
            {t('nav.quickExit')}
          </a>
        </header>
        <main>{props.children}</main>
        <footer>
          <nav class="links">
            <a href={`/?lang=${locale}`}>{t('nav.report')}</a>
            <a href={`/inbox?lang=${locale}`}>{t('nav.inbox')}</a>
          </nav>
          <details class="languages">
            <summary>{t('nav.language')}</summary>
            <ul>
              {LOCALES.map((l) => (
                <li>
                  <a
                    href={`${path}?lang=${l.tag}`}
                    lang={l.tag}
                    hreflang={l.tag}
                    aria-current={l.tag === locale ? 'true' : undefined}
                  >
                    {l.name}
                  </a>
                </li>
              ))}
            </ul>
          </details>
          <p>{t('footer.privacy')}</p>
          <p>{t('footer.tor')}</p>
        </footer>
      </body>
    </html>
  );
}

/** A rendered page as a complete HTML document. Our components are synchronous. */
export function htmlDocument(node: HtmlEscapedString | Promise<HtmlEscapedString>): string {
  if (node instanceof Promise)
    throw new Error('asynchronous components are not used on tipster pages');
  return `<!doctype html>${node.toString()}`;
}
