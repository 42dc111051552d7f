import { WorkspacePage } from '../app/shell/WorkspacePage';
import type { WorkspaceId } from '../app/workspaces';

const workspace: WorkspaceId = 'tickets';

export function TicketsWorkspace({ focusRequest }: { focusRequest: number }) {
  return <WorkspacePage workspace={workspace} focusRequest={focusRequest} />;
}
