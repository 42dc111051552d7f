import type { CannedReply } from '../../../shared/protocol';

export interface TypedShortcut {
  /** Where the "/wl" starts and ends in the text (the end is the caret). */
  start: number;
  end: number;
  typed: string;
}

/** The same characters as a saved shortcut (shared/protocol/tickets.ts cannedShortcutSchema). */
const shortcutBeforeCaret = /(?:^|\s)(\/[\p{L}\p{N}_-]{1,24})$/u;

/** The "/wl" typed right before the caret, at the start of the text or after a space or line break. */
export function shortcutAt(text: string, caret: number): TypedShortcut | null {
  const match = shortcutBeforeCaret.exec(text.slice(0, caret));
  const typed = match?.[1];
  if (typed === undefined) return null;
  return { start: caret - typed.length, end: caret, typed };
}

/**
 * The canned reply a typed shortcut means: the one whose shortcut it is
 * exactly (case aside), else the only one it starts; null when none or
 * several do, so Tab and Enter keep their usual meaning then.
 */
export function matchShortcut(typed: string, canned: readonly CannedReply[]): CannedReply | null {
  const key = typed.toLocaleLowerCase();
  const exact = canned.find((c) => c.shortcut.toLocaleLowerCase() === key);
  if (exact) return exact;
  const starting = canned.filter((c) => c.shortcut.toLocaleLowerCase().startsWith(key));
  return starting.length === 1 ? (starting[0] ?? null) : null;
}

/** The text with the shortcut replaced by `body`, and where the caret goes: after what was put in. */
export function replaceShortcut(
  text: string,
  at: TypedShortcut,
  body: string,
): { text: string; caret: number } {
  return { text: text.slice(0, at.start) + body + text.slice(at.end), caret: at.start + body.length };
}

/** Inserts `body` at the caret (a picked canned reply), on its own paragraph when text is already there. */
export function insertAtCaret(text: string, caret: number, body: string): { text: string; caret: number } {
  const before = text.slice(0, caret);
  const after = text.slice(caret);
  const gap = before.trim() === '' ? '' : /\n\s*$/.test(before) ? '' : before.endsWith(' ') ? '' : ' ';
  const head = before.trim() === '' ? '' : before + gap;
  return { text: head + body + after, caret: head.length + body.length };
}
