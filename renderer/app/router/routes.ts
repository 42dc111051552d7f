import { z } from 'zod';
import { settingsSections, type SettingsSectionId } from '../../a11y/settings/settings-sections';
import { employerViews, type EmployerView } from '../../employer/employer-views';
import type { WorkspaceId } from '../workspaces';
import { isIsoWeek } from './iso-week';

/**
 * Every place in the app has an address in the hash (`#/tickets/42`), so a
 * reload, back and forward, a link from a notification or the command palette
 * all land on the same view. The hash is input from outside (typed, pasted,
 * clicked), so it is parsed strictly: anything that is not a well-formed
 * address is null, and parsing never throws.
 */

export { employerViews, type EmployerView };

export type Route =
  | { readonly name: 'tickets'; readonly ticketId?: number }
  | { readonly name: 'live'; readonly room?: string }
  | { readonly name: 'shifts'; readonly week?: string }
  | { readonly name: 'employer'; readonly view?: EmployerView }
  | { readonly name: 'settings'; readonly tab?: SettingsSectionId };

/** Positive, no leading zero, and small enough to stay exact as a JavaScript number. */
export const ticketIdParam = z
  .string()
  .regex(/^[1-9]\d{0,15}$/)
  .transform(Number)
  .pipe(z.number().int().positive().max(Number.MAX_SAFE_INTEGER));

/** Lower-case letters and digits in words joined by single hyphens, as a room's address on the hub. */
export const roomParam = z
  .string()
  .max(64)
  .regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/);

const weekParam = z.string().refine(isIsoWeek);

const employerViewParam = z.enum(employerViews);

const settingsTabParam = z.enum(settingsSections);

const hashPattern = /^#\/([a-z]+)(?:\/([^/]+))?$/;

/** The route a hash names, or null for anything else (an empty hash, `#main`, `#/tickets/0`, `#/tickets/`). */
export function parseRoute(hash: string): Route | null {
  const match = hashPattern.exec(hash);
  if (!match?.[1]) return null;
  const [, name, param] = match;
  switch (name) {
    case 'tickets':
      return withParam(param, ticketIdParam, (ticketId) => ({ name, ticketId }), { name });
    case 'live':
      return withParam(param, roomParam, (room) => ({ name, room }), { name });
    case 'shifts':
      return withParam(param, weekParam, (week) => ({ name, week }), { name });
    case 'employer':
      return withParam(param, employerViewParam, (view) => ({ name, view }), { name });
    case 'settings':
      return withParam(param, settingsTabParam, (tab) => ({ name, tab }), { name });
    default:
      return null;
  }
}

function withParam<T>(
  param: string | undefined,
  schema: z.ZodType<T, string>,
  build: (value: T) => Route,
  bare: Route,
): Route | null {
  if (param === undefined) return bare;
  const parsed = schema.safeParse(param);
  return parsed.success ? build(parsed.data) : null;
}

/** The one canonical hash of a route: parseRoute(formatRoute(r)) deep-equals r. */
export function formatRoute(route: Route): string {
  const param = routeParam(route);
  return param === undefined ? `#/${route.name}` : `#/${route.name}/${param}`;
}

function routeParam(route: Route): string | number | undefined {
  switch (route.name) {
    case 'tickets':
      return route.ticketId;
    case 'live':
      return route.room;
    case 'shifts':
      return route.week;
    case 'employer':
      return route.view;
    case 'settings':
      return route.tab;
  }
}

/** The workspace a route opens, or null for settings, which every role may open. */
export function workspaceOf(route: Route): WorkspaceId | null {
  return route.name === 'settings' ? null : route.name;
}

export function sameRoute(a: Route | null, b: Route | null): boolean {
  return a === b || (a !== null && b !== null && formatRoute(a) === formatRoute(b));
}

/**
 * What the shell shows for the address it was given: an unknown address, or a
 * workspace the user's roles do not open, goes to their first workspace; a
 * bare `#/settings` shows the tab last shown. Null: the user has no workspace
 * at all (and did not ask for settings).
 */
export function resolveRoute(
  route: Route | null,
  allowed: readonly WorkspaceId[],
  lastSettingsTab: SettingsSectionId,
): Route | null {
  if (route?.name === 'settings') return route.tab ? route : { name: 'settings', tab: lastSettingsTab };
  if (route && allowed.includes(route.name)) return route;
  const first = allowed[0];
  return first ? { name: first } : null;
}
