import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import type { NotSentReason } from '../../../shared/bridge';
import { errorCodes, type ErrorCode } from '../../../shared/protocol';

export interface Feedback {
  text: string;
  failed: boolean;
}

/**
 * What a save did, in two live regions that are always there (a region that
 * appears with its words is often not read): success politely, a failure at once.
 */
export function QuotaFeedback({ feedback }: { feedback: Feedback | null }) {
  return (
    <div className="quota-feedback">
      <p role="status" className="quota-status">
        {feedback && !feedback.failed ? feedback.text : null}
      </p>
      <p role="alert" className="quota-error">
        {feedback?.failed ? feedback.text : null}
      </p>
    </div>
  );
}

function isErrorCode(code: string): code is ErrorCode {
  return (errorCodes as readonly string[]).includes(code);
}

/** Why the outbox gave a save up, in the words the "not sent" list uses. */
export function useRefusalWords(): (reason: NotSentReason) => string {
  const { t } = useTranslation(['outbox', 'errors']);
  return useCallback(
    ({ code }: NotSentReason) =>
      isErrorCode(code) ? t(`errors:codes.${code}`) : t(`outbox:reasons.${code}`),
    [t],
  );
}
