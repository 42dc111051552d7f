import { describe, expect, it } from 'vitest';
import { workspaceFromHash, workspacesFor } from '../../renderer/app/workspaces';

describe('workspacesFor', () => {
  it('gives each demo user exactly the workspaces of their roles', () => {
    expect(workspacesFor(['agent'])).toEqual(['tickets', 'shifts']);
    expect(workspacesFor(['anchor'])).toEqual(['live', 'shifts']);
    expect(workspacesFor(['supervisor', 'admin'])).toEqual(['tickets', 'live', 'employer']);
    expect(workspacesFor(['admin'])).toEqual(['employer']);
    expect(workspacesFor([])).toEqual([]);
  });
});

describe('workspaceFromHash', () => {
  it('reads only well-formed workspace hashes', () => {
    expect(workspaceFromHash('#/live')).toBe('live');
    expect(workspaceFromHash('#/nope')).toBeNull();
    expect(workspaceFromHash('#main')).toBeNull();
    expect(workspaceFromHash('')).toBeNull();
  });
});
