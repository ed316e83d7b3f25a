import { EmergencyPanel } from './emergency-panel.js';
import type { EmergencyDirectory } from '../../i18n/countries.js';
import { PageShell, type PageContext } from './page-shell.js';
import { DEFAULT_CHECK_BACK, type CheckBack } from '../../core/index.js';

/** The receipt's content; also rendered into a <template> for the in-browser sealing path. */
export function ReceiptContent(props: {
  page: PageContext;
  codename: string;
  emergency?: unknown;
  /** The desk's promise of when to check back, one of a fixed set (complete in every language). */
  checkBack?: CheckBack;
}) {
  const { t, locale } = props.page;
  return (
    <>
      <h1 tabindex={-1}>{t('receipt.heading')}</h1>
      {props.emergency}
      <h2>{t('receipt.codenameLabel')}</h2>
      <p id="receipt" class="codename">
        {props.codename}
      </p>
      <p class="notice">{t('receipt.remember')}</p>
      <p id="check-back">{t(`receipt.next.${props.checkBack ?? DEFAULT_CHECK_BACK}`)}</p>
      <p>
        <a class="button" href={`/inbox?lang=${locale}`}>
          {t('receipt.inboxLink')}
        </a>
      </p>
      <p class="warning">{t('receipt.safety')}</p>
    </>
  );
}

export function ReceiptPage(props: {
  page: PageContext;
  codename: string;
  danger: boolean;
  country: string | undefined;
  directory: EmergencyDirectory;
  checkBack: CheckBack;
}) {
  const { t, locale } = props.page;
  const emergency = props.danger ? (
    <EmergencyPanel t={t} locale={locale} country={props.country} directory={props.directory} />
  ) : null;
  return (
    <PageShell page={props.page} title={t('receipt.heading')}>
      <ReceiptContent
        page={props.page}
        codename={props.codename}
        emergency={emergency}
        checkBack={props.checkBack}
      />
    </PageShell>
  );
}
