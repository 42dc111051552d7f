import { useState, useSyncExternalStore } from 'react';
import { useTranslation } from 'react-i18next';
import { useSession } from '../../session/SessionProvider';
import { Button } from '../../ui/Button';
import './LearnedWordsSetting.css';

type Outcome = 'idle' | 'forgotten' | 'failed';

/**
 * The on-screen keyboard learns the worker's words from what they send. It
 * stays on this computer; the worker can see how much there is and forget it.
 */
export function LearnedWordsSetting() {
  const { t } = useTranslation('settings');
  const { typing } = useSession();
  const texts = useSyncExternalStore(typing.subscribe, () => typing.texts);
  const [outcome, setOutcome] = useState<Outcome>('idle');
  return (
    <div className="learned-words">
      <p className="learned-words__explain">{t('learnedWords.explain', { count: texts.length })}</p>
      <div>
        <Button
          disabled={texts.length === 0}
          onClick={() => {
            void typing.forget().then((done) => setOutcome(done ? 'forgotten' : 'failed'));
          }}
        >
          {t('learnedWords.forget')}
        </Button>
      </div>
      <p role="status">
        {outcome === 'forgotten'
          ? t('learnedWords.forgotten')
          : outcome === 'failed'
            ? t('learnedWords.failed')
            : null}
      </p>
    </div>
  );
}
