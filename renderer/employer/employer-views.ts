/** The employer workspace's views, each with an address (`#/employer/quota`); the router reads this list. */
export const employerViews = ['roster', 'output', 'timesheets', 'quota', 'people', 'live'] as const;
export type EmployerView = (typeof employerViews)[number];
