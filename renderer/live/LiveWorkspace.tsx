import { WorkspacePage } from '../app/shell/WorkspacePage';
import type { WorkspaceId } from '../app/workspaces';

const workspace: WorkspaceId = 'live';

export function LiveWorkspace({ focusRequest }: { focusRequest: number }) {
  return <WorkspacePage workspace={workspace} focusRequest={focusRequest} />;
}
