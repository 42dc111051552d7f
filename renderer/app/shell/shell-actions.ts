import { useTranslation } from 'react-i18next';
import { languages, type Language } from '../../../shared/i18n';
import { useRegisterAction } from '../../a11y/keyboard/actions';

/**
 * The banner's actions, one hook per component that owns them, so each
 * registers with a one-line call and the words stay in the keyboard namespace.
 */

export function useSignOutAction(signOut: () => void): void {
  const { t } = useTranslation('keyboard');
  // No default key: signing out by a stray press would cost a worker their place.
  useRegisterAction({
    id: 'session.signOut',
    label: t('actions.signOut'),
    group: t('groups.general'),
    run: signOut,
  });
}

export function useLanguageAction(language: Language, setLanguage: (next: Language) => unknown): void {
  const { t } = useTranslation(['keyboard', 'shell']);
  const next = languages.find((lng) => lng !== language) ?? language;
  useRegisterAction({
    id: 'language.switch',
    label: t('keyboard:actions.switchLanguage', { language: t(`shell:languageNames.${next}`) }),
    group: t('keyboard:groups.general'),
    keywords: [t('shell:language')],
    run: () => void setLanguage(next),
  });
}
