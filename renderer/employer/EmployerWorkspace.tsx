import { WorkspacePage } from '../app/shell/WorkspacePage';
import type { WorkspaceId } from '../app/workspaces';

const workspace: WorkspaceId = 'employer';

export function EmployerWorkspace({ focusRequest }: { focusRequest: number }) {
  return <WorkspacePage workspace={workspace} focusRequest={focusRequest} />;
}
