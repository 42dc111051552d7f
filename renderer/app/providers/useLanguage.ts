import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import { isLanguage, type Language } from '../../../shared/i18n';
import { useHost } from '../../host/HostProvider';

export function useLanguage(): { language: Language; setLanguage: (language: Language) => Promise<void> } {
  const { i18n } = useTranslation();
  const host = useHost();
  const language = isLanguage(i18n.resolvedLanguage) ? i18n.resolvedLanguage : 'en';

  const setLanguage = useCallback(
    async (next: Language) => {
      // A ?lng= left in the address would override the choice on the next reload.
      const url = new URL(window.location.href);
      if (url.searchParams.has('lng')) {
        url.searchParams.delete('lng');
        window.history.replaceState(window.history.state, '', url.pathname + url.search + url.hash);
      }
      await i18n.changeLanguage(next);
      await host.updateSettings({ language: next });
    },
    [host, i18n],
  );

  return { language, setLanguage };
}
