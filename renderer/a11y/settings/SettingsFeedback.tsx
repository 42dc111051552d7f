import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { SettingsPatch } from '../../../shared/bridge';
import { CircleCheck } from 'lucide-react';
import { Alert } from '../../ui/Alert';
import { Icon } from '../../ui/Icon';
import { useA11yProfile } from '../profile/ProfileProvider';
import './SettingsFeedback.css';

type ProfilePatch = NonNullable<SettingsPatch['a11y']>;

interface FeedbackValue {
  /** Saves at once and says so politely; a failure is said as an alert. Resolves true when the host kept it. */
  save(patch: ProfilePatch, setting: string, confirmation?: string): Promise<boolean>;
}

const FeedbackContext = createContext<FeedbackValue | null>(null);

/**
 * How long "Saved" stays on screen. The live region has spoken it by then;
 * clearing it is not announced, and the page never kept room for it.
 */
const statusShownMs = 4000;

export interface SettingsFeedbackProps {
  children: ReactNode;
  className?: string;
}

/** The one place a settings view confirms saves (role=status) and reports failures (role=alert). */
export function SettingsFeedback({ children, className }: SettingsFeedbackProps) {
  const { t } = useTranslation(['settings', 'errors']);
  const { update } = useA11yProfile();
  const [status, setStatus] = useState<{ id: number; text: string } | null>(null);
  const [error, setError] = useState<string | null>(null);

  const save = useCallback(
    async (patch: ProfilePatch, setting: string, confirmation?: string) => {
      const ack = await update(patch).catch(() => null);
      if (!ack?.ok) {
        const reason = t(`errors:codes.${ack?.error.code ?? 'unavailable'}`);
        setError(t('saveFailed', { setting, reason }));
        return false;
      }
      setError(null);
      setStatus((current) => ({
        id: (current?.id ?? 0) + 1,
        text: confirmation ?? t('saved', { setting }),
      }));
      return true;
    },
    [t, update],
  );

  useEffect(() => {
    if (!status) return;
    const timer = setTimeout(
      () => setStatus((current) => (current === status ? null : current)),
      statusShownMs,
    );
    return () => clearTimeout(timer);
  }, [status]);

  const value = useMemo(() => ({ save }), [save]);
  return (
    <FeedbackContext value={value}>
      <div className={['settings-feedback', className].filter(Boolean).join(' ')}>
        <p role="status" className="settings-feedback__status">
          {status ? (
            <span key={status.id} className="settings-feedback__toast">
              <Icon icon={CircleCheck} size="sm" />
              {status.text}
            </span>
          ) : null}
        </p>
        <Alert>{error}</Alert>
      </div>
      {children}
    </FeedbackContext>
  );
}

export function useSaveSetting(): FeedbackValue['save'] {
  const value = useContext(FeedbackContext);
  if (!value) throw new Error('useSaveSetting outside SettingsFeedback');
  return value.save;
}
