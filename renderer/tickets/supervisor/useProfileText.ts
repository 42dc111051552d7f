import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import type { Accommodation } from '../../../shared/protocol';
import { thresholdParts } from './profile-options';

/** "1 h", "45 min": a slow-reply threshold in words. */
export function useThresholdText(): (ms: number) => string {
  const { t } = useTranslation('tickets');
  return useCallback(
    (ms: number) => {
      const parts = thresholdParts(ms);
      return 'hours' in parts
        ? t('supervisor.profile.hours', { count: parts.hours })
        : t('supervisor.profile.minutes', { count: parts.minutes });
    },
    [t],
  );
}

/** An accommodation profile in one line of words, for the agents table. */
export function useProfileText(): (profile: Accommodation) => string {
  const { t } = useTranslation('tickets');
  const threshold = useThresholdText();
  return useCallback(
    (profile: Accommodation) =>
      [
        t('supervisor.profile.summaryMax', { count: profile.maxConcurrent }),
        profile.reassignAfterMs === null
          ? t('supervisor.profile.summaryNever')
          : t('supervisor.profile.summaryAfter', { after: threshold(profile.reassignAfterMs) }),
        profile.textOnly ? t('supervisor.profile.summaryTextOnly') : null,
      ]
        .filter(Boolean)
        .join(' · '),
    [t, threshold],
  );
}
