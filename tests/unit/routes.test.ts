import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { settingsSections } from '../../renderer/a11y/settings/settings-sections';
import { formatIsoWeek, isIsoWeek, isoWeeksInYear } from '../../renderer/app/router/iso-week';
import {
  employerViews,
  formatRoute,
  parseRoute,
  resolveRoute,
  type Route,
} from '../../renderer/app/router/routes';

const slug = fc
  .array(fc.stringMatching(/^[a-z0-9]{1,8}$/), { minLength: 1, maxLength: 5 })
  .map((words) => words.join('-'));

const isoWeek = fc
  .integer({ min: 1000, max: 9999 })
  .chain((year) =>
    fc.integer({ min: 1, max: isoWeeksInYear(year) }).map((week) => formatIsoWeek(year, week)),
  );

const route: fc.Arbitrary<Route> = fc.oneof(
  fc.constant<Route>({ name: 'tickets' }),
  fc
    .integer({ min: 1, max: Number.MAX_SAFE_INTEGER })
    .map((ticketId): Route => ({ name: 'tickets', ticketId })),
  fc.constant<Route>({ name: 'live' }),
  slug.map((room): Route => ({ name: 'live', room })),
  fc.constant<Route>({ name: 'shifts' }),
  isoWeek.map((week): Route => ({ name: 'shifts', week })),
  fc.constant<Route>({ name: 'employer' }),
  fc.constantFrom(...employerViews).map((view): Route => ({ name: 'employer', view })),
  fc.constant<Route>({ name: 'settings' }),
  fc.constantFrom(...settingsSections).map((tab): Route => ({ name: 'settings', tab })),
);

describe('routes', () => {
  it('parse(format(route)) gives the route back, for every route', () => {
    fc.assert(
      fc.property(route, (r) => {
        expect(parseRoute(formatRoute(r))).toEqual(r);
      }),
    );
  });

  it('every hash that parses is the canonical form of its route', () => {
    // Hashes built near the valid ones (right shape, any segment), so many of them parse.
    const segment = fc.oneof(
      fc.string(),
      slug,
      fc.nat().map(String),
      isoWeek,
      fc.constantFrom(...employerViews),
    );
    const hash = fc.oneof(
      fc.string().map((s) => `#${s}`),
      fc
        .tuple(
          fc.constantFrom('tickets', 'live', 'shifts', 'employer', 'settings', 'nope'),
          fc.option(segment),
        )
        .map(([name, param]) => (param === null ? `#/${name}` : `#/${name}/${param}`)),
    );
    fc.assert(
      fc.property(hash, (h) => {
        const parsed = parseRoute(h);
        if (parsed !== null) expect(formatRoute(parsed)).toBe(h);
      }),
    );
  });

  it('never throws, whatever the hash', () => {
    fc.assert(
      fc.property(
        fc.string({ unit: 'grapheme' }),
        fc.constantFrom('', '#/', '#/tickets/', '#/live/'),
        (s, at) => {
          expect(() => parseRoute(`${at}${s}`)).not.toThrow();
        },
      ),
    );
  });

  it('reads the documented addresses', () => {
    expect(parseRoute('#/tickets/42')).toEqual({ name: 'tickets', ticketId: 42 });
    expect(parseRoute('#/live/spring-sale')).toEqual({ name: 'live', room: 'spring-sale' });
    expect(parseRoute('#/shifts/2026-W49')).toEqual({ name: 'shifts', week: '2026-W49' });
    expect(parseRoute('#/employer/quota')).toEqual({ name: 'employer', view: 'quota' });
    expect(parseRoute('#/settings/scanning')).toEqual({ name: 'settings', tab: 'scanning' });
    expect(parseRoute('#/settings')).toEqual({ name: 'settings' });
    expect(parseRoute('#/tickets')).toEqual({ name: 'tickets' });
  });

  it('is strict: junk is null', () => {
    const junk = [
      '',
      '#',
      '#/',
      '#main-content',
      'tickets/42',
      '#tickets/42',
      '#/tickets/',
      '#/tickets/0',
      '#/tickets/042',
      '#/tickets/-1',
      '#/tickets/4.2',
      '#/tickets/1e3',
      '#/tickets/9007199254740992',
      '#/tickets/42/',
      '#/tickets/42/x',
      '#/tickets/42?x=1',
      '#/Tickets/42',
      '#/live/Spring',
      '#/live/spring--sale',
      '#/live/-spring',
      '#/live/spring-',
      '#/live/%20',
      `#/live/${'a'.repeat(65)}`,
      '#/shifts/2026-W00',
      '#/shifts/2025-W53',
      '#/shifts/2026-w49',
      '#/shifts/2026W49',
      '#/shifts/0999-W01',
      '#/employer/payroll',
      '#/settings/nope',
      '#/settings/Display',
      '#/nope',
      '#/toString',
      '#/constructor/x',
    ];
    for (const hash of junk) expect(parseRoute(hash), hash).toBeNull();
  });
});

describe('ISO weeks', () => {
  it('knows which years have 53 weeks', () => {
    // 2020 starts on a Wednesday and is a leap year; 2026 on a Thursday; 2015 on a Thursday.
    expect([2015, 2020, 2026, 2032].map(isoWeeksInYear)).toEqual([53, 53, 53, 53]);
    expect([2021, 2024, 2025, 2027].map(isoWeeksInYear)).toEqual([52, 52, 52, 52]);
    expect(isIsoWeek('2026-W53')).toBe(true);
    expect(isIsoWeek('2025-W53')).toBe(false);
  });
});

describe('resolveRoute', () => {
  const agent = ['tickets', 'shifts'] as const;

  it('keeps a route the user may open', () => {
    expect(resolveRoute({ name: 'tickets', ticketId: 42 }, agent, 'display')).toEqual({
      name: 'tickets',
      ticketId: 42,
    });
    expect(resolveRoute({ name: 'settings', tab: 'timing' }, [], 'display')).toEqual({
      name: 'settings',
      tab: 'timing',
    });
  });

  it('sends an unknown or forbidden route to the first workspace allowed', () => {
    expect(resolveRoute(null, agent, 'display')).toEqual({ name: 'tickets' });
    expect(resolveRoute({ name: 'live', room: 'a' }, agent, 'display')).toEqual({ name: 'tickets' });
    expect(resolveRoute({ name: 'employer' }, ['shifts'], 'display')).toEqual({ name: 'shifts' });
  });

  it('shows the last settings tab for a bare #/settings, and nothing for a user without a workspace', () => {
    expect(resolveRoute({ name: 'settings' }, agent, 'keyboard')).toEqual({
      name: 'settings',
      tab: 'keyboard',
    });
    expect(resolveRoute(null, [], 'display')).toBeNull();
  });
});
