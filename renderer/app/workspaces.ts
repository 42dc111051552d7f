import type { Role } from '../../shared/protocol';

export const workspaceIds = ['tickets', 'live', 'shifts', 'employer'] as const;
export type WorkspaceId = (typeof workspaceIds)[number];

/** Which roles open which workspace; the hub enforces the same rule on every command. */
const allowedRoles: Record<WorkspaceId, readonly Role[]> = {
  tickets: ['agent', 'supervisor'],
  live: ['anchor', 'supervisor'],
  shifts: ['agent', 'anchor'],
  employer: ['supervisor', 'admin'],
};

export function workspacesFor(roles: readonly Role[]): WorkspaceId[] {
  return workspaceIds.filter((id) => allowedRoles[id].some((role) => roles.includes(role)));
}
