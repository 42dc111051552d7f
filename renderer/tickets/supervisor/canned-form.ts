import { unknownVariables } from '../../../shared/domain/tickets/canned-variables';
import { codePointLength } from '../../../shared/protocol/text';
import {
  cannedShortcutSchema,
  ticketBodyMax,
  ticketBodySchema,
  type CannedReply,
} from '../../../shared/protocol/tickets';
import type { CannedDraft, CannedScope } from '../canned-store';

export const cannedTitleMax = 80;

/** Why a field is refused; the view words it. */
export type CannedFieldError =
  | { field: 'shortcut'; problem: 'format' | 'taken' }
  | { field: 'title'; problem: 'required' | 'tooLong' }
  | { field: 'body'; problem: 'required' | 'tooLong' | 'notText' }
  | { field: 'body'; problem: 'unknownVariables'; names: string[] };

export interface CannedFormValues {
  scope: CannedScope;
  shortcut: string;
  title: string;
  body: string;
  locale: 'zh-CN' | 'en' | null;
}

/**
 * The shortcut is taken if a reply the worker can see already has it: for a
 * personal reply among the organisation's and their own, for an
 * organisation-wide one among all they see (the hub also checks the replies
 * of other agents, which this worker cannot see).
 */
function shortcutTaken(shortcut: string, editing: number | null, visible: readonly CannedReply[]): boolean {
  return visible.some((reply) => reply.shortcut === shortcut && reply.id !== editing);
}

/**
 * Checks the form as the hub will (`cannedSaveInput`, unknown variables,
 * shortcuts unique), so a refusal is shown beside its field before anything
 * is queued. Unknown variables are found as the worker types, too.
 */
export function checkCanned(
  values: CannedFormValues,
  editing: number | null,
  visible: readonly CannedReply[],
): { ok: true; draft: CannedDraft } | { ok: false; errors: CannedFieldError[] } {
  const errors: CannedFieldError[] = [];
  const shortcut = cannedShortcutSchema.safeParse(values.shortcut);
  if (!shortcut.success) errors.push({ field: 'shortcut', problem: 'format' });
  else if (shortcutTaken(shortcut.data, editing, visible))
    errors.push({ field: 'shortcut', problem: 'taken' });
  const title = values.title.trim();
  if (title === '') errors.push({ field: 'title', problem: 'required' });
  else if (codePointLength(title) > cannedTitleMax) errors.push({ field: 'title', problem: 'tooLong' });
  const body = values.body.trim();
  const unknown = unknownVariables(body);
  if (body === '') errors.push({ field: 'body', problem: 'required' });
  else if (codePointLength(body) > ticketBodyMax) errors.push({ field: 'body', problem: 'tooLong' });
  else if (!ticketBodySchema.safeParse(body).success) errors.push({ field: 'body', problem: 'notText' });
  else if (unknown.length > 0) errors.push({ field: 'body', problem: 'unknownVariables', names: unknown });
  if (errors.length > 0 || !shortcut.success) return { ok: false, errors };
  return {
    ok: true,
    draft: {
      ...(editing === null ? {} : { cannedId: editing }),
      scope: values.scope,
      shortcut: shortcut.data,
      title,
      body,
      locale: values.locale,
    },
  };
}

/** Puts `text` where the caret was (replacing a selection), and says where the caret goes after it. */
export function insertAt(
  body: string,
  text: string,
  selection: { start: number; end: number } | null,
): { body: string; caret: number } {
  const start = Math.min(selection?.start ?? body.length, body.length);
  const end = Math.min(Math.max(selection?.end ?? start, start), body.length);
  return { body: body.slice(0, start) + text + body.slice(end), caret: start + text.length };
}
