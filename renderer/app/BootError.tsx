import { useTranslation } from 'react-i18next';
import './BootError.css';

/** Shown when the host bridge refuses or never answers: nothing else can work without it. */
export function BootError() {
  const { t } = useTranslation(['errors', 'common']);
  return (
    <main className="boot-error">
      <div className="boot-error__card" role="alert">
        <p className="boot-error__product">{t('common:productName')}</p>
        <h1 className="boot-error__title">{t('bridgeTitle')}</h1>
        <p>{t('bridgeBody')}</p>
      </div>
    </main>
  );
}
