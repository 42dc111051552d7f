import { useTranslation } from 'react-i18next';
import { useRegisterAction } from '../../a11y/keyboard/actions';

/** "Show what was not sent" in the palette and the shortcut table, while there is something to show. */
export function useNotSentAction(toggle: () => void): void {
  const { t } = useTranslation('keyboard');
  useRegisterAction({
    id: 'outbox.openNotSent',
    label: t('actions.openNotSent'),
    group: t('groups.general'),
    run: toggle,
  });
}
