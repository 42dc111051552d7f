import { useTranslation } from 'react-i18next';
import { useRegisterAction } from '../../a11y/keyboard/actions';

/** The team notes' actions, registered while the notes are on screen. */
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
