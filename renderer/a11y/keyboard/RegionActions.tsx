import { useTranslation } from 'react-i18next';
import { useRegisterAction } from './actions';
import { cycleRegion, findRegions, focusRegion } from './region-cycle';

/** Region moves that every screen has: F6 and Shift+F6, and the skip to main content as an action. */
export function RegionActions() {
  const { t } = useTranslation('keyboard');
  const group = t('groups.navigation');
  useRegisterAction({
    id: 'region.next',
    label: t('actions.nextRegion'),
    group,
    defaultBindings: ['F6'],
    run: () => void cycleRegion(1),
  });
  useRegisterAction({
    id: 'region.previous',
    label: t('actions.previousRegion'),
    group,
    // F8 starts the one-key-at-a-time sequences, for users who cannot hold Shift.
    defaultBindings: ['Shift+F6', 'F8 F6'],
    run: () => void cycleRegion(-1),
  });
  useRegisterAction({
    id: 'region.main',
    label: t('actions.skipToMain'),
    group,
    defaultBindings: ['F8 M'],
    run: () => {
      const main = findRegions().find((r) => r.matches('main, [role="main"]'));
      if (main) {
        focusRegion(main);
        main.scrollIntoView({ block: 'start' });
      }
    },
  });
  return null;
}
