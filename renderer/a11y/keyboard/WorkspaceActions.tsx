import { useTranslation } from 'react-i18next';
import { languages } from '../../../shared/i18n';
import { settingsHash, type WorkspaceId } from '../../app/workspaces';
import { ActionRegistration } from './ActionRegistration';

/** Ctrl+, is where many desktop apps keep their settings. */
const settingsBindings = ['Ctrl+Comma', 'F8 S'];

export interface WorkspaceActionsProps {
  workspaces: readonly WorkspaceId[];
  onNavigate: (id: WorkspaceId) => void;
}

/**
 * "Go to <workspace>" for each workspace the user may open: Alt+1… by position
 * in the navigation, and F8 then the digit for users who cannot hold Alt.
 */
export function WorkspaceActions({ workspaces, onNavigate }: WorkspaceActionsProps) {
  const { t, i18n } = useTranslation(['keyboard', 'shell']);
  const workspaceActions = workspaces.map((id, index) => {
    const position = index + 1;
    // Found in the palette by its name in every language, whichever one is showing.
    const keywords = languages.flatMap((lng) => {
      const name = i18n.getFixedT(lng, 'shell')(`workspaces.${id}.name`);
      return [name, i18n.getFixedT(lng, 'keyboard')('actions.goToWorkspace', { workspace: name })];
    });
    return (
      <ActionRegistration
        key={id}
        id={`workspace.${id}`}
        label={t('keyboard:actions.goToWorkspace', { workspace: t(`shell:workspaces.${id}.name`) })}
        group={t('keyboard:groups.navigation')}
        keywords={keywords}
        defaultBindings={position <= 9 ? [`Alt+${position}`, `F8 ${position}`] : []}
        rank={-2}
        run={() => onNavigate(id)}
      />
    );
  });
  const settingsKeywords = languages.map((lng) => i18n.getFixedT(lng, 'settings')('title'));
  return (
    <>
      {workspaceActions}
      <ActionRegistration
        id="settings.open"
        label={t('keyboard:actions.goToSettings')}
        group={t('keyboard:groups.navigation')}
        keywords={settingsKeywords}
        defaultBindings={settingsBindings}
        rank={-1}
        run={() => {
          // The shell follows the hash: it opens the page and moves focus to its heading.
          window.location.hash = settingsHash;
        }}
      />
    </>
  );
}
