import { describe, expect, it } from 'vitest';
import { workspacesFor } from '../../renderer/app/workspaces';

describe('workspacesFor', () => {
  it('gives each demo user exactly the workspaces of their roles', () => {
    expect(workspacesFor(['agent'])).toEqual(['tickets', 'shifts']);
    expect(workspacesFor(['anchor'])).toEqual(['live', 'shifts']);
    expect(workspacesFor(['supervisor', 'admin'])).toEqual(['tickets', 'live', 'employer']);
    expect(workspacesFor(['admin'])).toEqual(['employer']);
    expect(workspacesFor([])).toEqual([]);
  });
});
