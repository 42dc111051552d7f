import { WorkspacePage } from '../app/shell/WorkspacePage';
import type { WorkspaceId } from '../app/workspaces';

const workspace: WorkspaceId = 'shifts';

export function ShiftsWorkspace({ focusRequest }: { focusRequest: number }) {
  return <WorkspacePage workspace={workspace} focusRequest={focusRequest} />;
}
