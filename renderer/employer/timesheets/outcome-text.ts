import type { TFunction } from 'i18next';
import type { NotSentReason } from '../../../shared/bridge';
import { errorCodes, type ErrorCode } from '../../../shared/protocol';
import type { DecisionOutcome } from './timesheets-store';

function isErrorCode(code: string): code is ErrorCode {
  return (errorCodes as readonly string[]).includes(code);
}

function reasonText(t: TFunction<['timesheets', 'errors']>, reason: NotSentReason): string {
  return isErrorCode(reason.code) ? t(`errors:codes.${reason.code}`) : t('timesheets:notSentOther');
}

/** What a queued decision or edit came to, in words; null before anything was queued. */
export function outcomeText(
  t: TFunction<['timesheets', 'errors']>,
  outcome: DecisionOutcome | null,
  saved: string,
): string | null {
  if (outcome === null) return null;
  if (outcome.state === 'waiting') return t('timesheets:waiting');
  if (outcome.state === 'saved') return saved;
  return t('timesheets:refused', { reason: reasonText(t, outcome.reason) });
}
