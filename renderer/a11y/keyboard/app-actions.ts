import { useTranslation } from 'react-i18next';
import { languages, type Language } from '../../../shared/i18n';
import { useRegisterAction } from './actions';

/**
 * The actions of the shared shell, one hook per component that owns them, so
 * each component registers with a one-line call and the words stay in the
 * keyboard namespace.
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

export function useTeamNoteActions(focus: () => void, send: () => void): void {
  const { t } = useTranslation('keyboard');
  const group = t('groups.teamNotes');
  useRegisterAction({
    id: 'team.focus',
    label: t('actions.focusTeamNotes'),
    group,
    defaultBindings: ['Alt+N', 'F8 N'],
    run: focus,
  });
  // Ctrl+Enter already sends from the note field; a global key would send from anywhere, so none by default.
  useRegisterAction({ id: 'team.send', label: t('actions.sendTeamNote'), group, run: send });
}
