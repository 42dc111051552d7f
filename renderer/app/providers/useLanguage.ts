import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import { isLanguage, type Language } from '../../../shared/i18n';
import { useBridge } from '../../host/BridgeProvider';

export function useLanguage(): { language: Language; setLanguage: (language: Language) => Promise<void> } {
  const { i18n } = useTranslation();
  const { bridge } = useBridge();
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
      await bridge.call('settings.update', { language: next });
    },
    [bridge, i18n],
  );

  return { language, setLanguage };
}
