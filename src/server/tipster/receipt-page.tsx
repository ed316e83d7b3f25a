import { EmergencyPanel, type EmergencyDirectory } from './emergency-panel.js';
import { PageShell, type PageContext } from './page-shell.js';

export function ReceiptPage(props: {
  page: PageContext;
  codename: string;
  danger: boolean;
  country: string | undefined;
  directory: EmergencyDirectory;
}) {
  const { t, locale } = props.page;
  return (
    <PageShell page={props.page} title={t('receipt.heading')}>
      <h1>{t('receipt.heading')}</h1>
      {props.danger ? (
        <EmergencyPanel t={t} locale={locale} country={props.country} directory={props.directory} />
      ) : null}
      <h2>{t('receipt.codenameLabel')}</h2>
      <p id="receipt" class="codename">
        {props.codename}
      </p>
      <p class="notice">{t('receipt.remember')}</p>
      <p>{t('receipt.next')}</p>
      <p>
        <a class="button" href={`/inbox?lang=${locale}`}>
          {t('receipt.inboxLink')}
        </a>
      </p>
      <p class="warning">{t('receipt.safety')}</p>
    </PageShell>
  );
}
