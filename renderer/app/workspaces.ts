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

export function isWorkspaceId(value: string): value is WorkspaceId {
  return (workspaceIds as readonly string[]).includes(value);
}

/** Workspaces live in the hash (`#/tickets`) so a reload, back and forward keep the worker's place. */
export function workspaceFromHash(hash: string): WorkspaceId | null {
  const match = /^#\/([a-z]+)$/.exec(hash);
  return match?.[1] && isWorkspaceId(match[1]) ? match[1] : null;
}

/** Settings are open to every role, so they sit beside the workspaces rather than among them. */
export const settingsHash = '#/settings';

/** `#/settings` or one of its sections (`#/settings/scanning`), so a reload keeps the section. */
export function isSettingsHash(hash: string): boolean {
  return hash === settingsHash || hash.startsWith(`${settingsHash}/`);
}

export function hashFor(id: WorkspaceId): string {
  return `#/${id}`;
}
