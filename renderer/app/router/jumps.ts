import type { SettingsSectionId } from '../../a11y/settings/settings-sections';
import { isIsoWeek, formatIsoWeek } from './iso-week';
import { formatRoute, parseRoute, roomParam, ticketIdParam, type EmployerView, type Route } from './routes';

/**
 * Typed jumps for the command palette: `#/tickets/42`, `ticket 42`, `工单 42`,
 * `2026-W49`, `employer quota` each name a place, which the palette offers to
 * open. Pure: the words come from the locales (every language at once, since a
 * worker may type either whatever the screen shows).
 */

export interface JumpVocabulary {
  /** Words that name each kind of place, lower case: `ticket`, `工单`. */
  readonly words: {
    readonly tickets: readonly string[];
    readonly live: readonly string[];
    readonly shifts: readonly string[];
    readonly employer: readonly string[];
    readonly settings: readonly string[];
  };
  /** Employer views and settings tabs by their names (lower case, every language) and ids. */
  readonly employerViews: ReadonlyMap<string, EmployerView>;
  readonly settingsTabs: ReadonlyMap<string, SettingsSectionId>;
}

type Kind = keyof JumpVocabulary['words'];

/** Full-width digits and letters from a Chinese IME (`４２`, `＃`) read as their ASCII twins. */
const normalize = (query: string): string => query.normalize('NFKC').trim().replace(/\s+/g, ' ');

const weekPattern = /^(\d{4})-?w(\d{1,2})$/i;

function weekFrom(text: string): string | null {
  const match = weekPattern.exec(text);
  if (!match?.[1] || !match[2]) return null;
  const week = formatIsoWeek(Number(match[1]), Number(match[2]));
  return isIsoWeek(week) ? week : null;
}

function ticketFrom(text: string): number | null {
  const parsed = ticketIdParam.safeParse(text.replace(/^#\s*/, ''));
  return parsed.success ? parsed.data : null;
}

/** `Spring sale` names the room `spring-sale`, as its address would. */
function roomFrom(text: string): string | null {
  const parsed = roomParam.safeParse(text.toLowerCase().replace(/\s+/g, '-'));
  return parsed.success ? parsed.data : null;
}

/** Names that start with what was typed; an exact name or id alone when there is one. */
function named<T>(text: string, names: ReadonlyMap<string, T>): T[] {
  const key = text.toLocaleLowerCase();
  const exact = names.get(key);
  if (exact !== undefined) return [exact];
  return [...new Set([...names].filter(([name]) => name.startsWith(key)).map(([, value]) => value))];
}

function argumentRoutes(kind: Kind, text: string, vocabulary: JumpVocabulary): Route[] {
  switch (kind) {
    case 'tickets': {
      const ticketId = ticketFrom(text);
      return ticketId === null ? [] : [{ name: 'tickets', ticketId }];
    }
    case 'live': {
      const room = roomFrom(text);
      return room === null ? [] : [{ name: 'live', room }];
    }
    case 'shifts': {
      const week = weekFrom(text);
      return week === null ? [] : [{ name: 'shifts', week }];
    }
    case 'employer':
      return named(text, vocabulary.employerViews).map((view) => ({ name: 'employer', view }));
    case 'settings':
      return named(text, vocabulary.settingsTabs).map((tab) => ({ name: 'settings', tab }));
  }
}

const kinds: readonly Kind[] = ['tickets', 'live', 'shifts', 'employer', 'settings'];

/** A word followed by what it names: `ticket 42`, `工单42`, `ticket #42`; not `tickets` alone nor `ticketing`. */
function afterWord(query: string, word: string): string | null {
  if (word === '' || !query.toLocaleLowerCase().startsWith(word)) return null;
  const rest = query.slice(word.length);
  // A Latin word must end where the next word starts; Chinese needs no space.
  if (/^[a-z]/i.test(rest) && /[a-z]$/i.test(word)) return null;
  const argument = rest.trim();
  return argument === '' ? null : argument;
}

/** Every place the query names, each once, best guess first; [] when it names none. */
export function routesForQuery(query: string, vocabulary: JumpVocabulary): Route[] {
  const q = normalize(query);
  if (q === '') return [];
  const found: Route[] = [];

  if (q.startsWith('#/') || q.startsWith('/')) {
    const hash = q.startsWith('#') ? q : `#${q}`;
    // Addresses are lower case but for the W of a week; a worker need not remember which.
    const route = parseRoute(hash) ?? parseRoute(hash.toLowerCase().replace(/-w(\d{2})$/, '-W$1'));
    if (route) found.push(route);
  }
  const week = weekFrom(q);
  if (week !== null) found.push({ name: 'shifts', week });
  if (/^#\s*\d+$/.test(q)) {
    const ticketId = ticketFrom(q);
    if (ticketId !== null) found.push({ name: 'tickets', ticketId });
  }
  for (const kind of kinds) {
    // Longest first: `直播间 a` is a room named a, not a room named `间 a`.
    const words = [...vocabulary.words[kind]].sort((a, b) => b.length - a.length);
    for (const word of words) {
      const argument = afterWord(q, word);
      if (argument === null) continue;
      found.push(...argumentRoutes(kind, argument, vocabulary));
      break;
    }
  }

  const seen = new Set<string>();
  return found.filter((route) => {
    const hash = formatRoute(route);
    if (seen.has(hash)) return false;
    seen.add(hash);
    return true;
  });
}

/** `ticket|tickets` from a locale into its words, lower case. */
export function wordsOf(list: string): string[] {
  return list
    .split('|')
    .map((word) => word.trim().toLocaleLowerCase())
    .filter((word) => word !== '');
}
