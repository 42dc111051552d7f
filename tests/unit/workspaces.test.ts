import { describe, expect, it } from 'vitest';
import { isWorkspaceId, workspacesFor } from '../../renderer/app/workspaces';

describe('workspacesFor', () => {
  it('gives each demo user exactly the workspaces of their roles', () => {
    expect(workspacesFor(['agent'])).toEqual(['tickets', 'shifts']);
    expect(workspacesFor(['anchor'])).toEqual(['live', 'shifts']);
    expect(workspacesFor(['supervisor', 'admin'])).toEqual(['tickets', 'live', 'employer']);
    expect(workspacesFor(['admin'])).toEqual(['employer']);
    expect(workspacesFor([])).toEqual([]);
  });
});

describe('isWorkspaceId', () => {
  it('knows the four workspaces and nothing else', () => {
    expect(['tickets', 'live', 'shifts', 'employer'].every(isWorkspaceId)).toBe(true);
    expect(isWorkspaceId('settings')).toBe(false);
    expect(isWorkspaceId('Tickets')).toBe(false);
  });
});
