import { useId, useState, useSyncExternalStore } from 'react';
import { useTranslation } from 'react-i18next';
import type { TicketSettings } from '../../../shared/protocol';
import { useConnectionState, useSessionStore } from '../../session/hooks';
import { Button } from '../../ui/Button';
import { SaveFeedback, type Feedback } from './SaveFeedback';
import { ticketSettingsStore } from '../settings-store';
import '../../a11y/settings/controls.css';
import '../../ui/Field.css';
import './supervisor.css';

type Mode = TicketSettings['assignmentMode'];
const modes: readonly Mode[] = ['auto', 'claim'];

/**
 * How new conversations reach agents: handed out in turn to available agents
 * under their limit, or taken from the queue by the agents themselves. A
 * choice is saved with its button, not on arrow keys: it changes the whole
 * organisation's routing at once.
 */
export function AssignmentModeSetting() {
  const { t } = useTranslation(['tickets', 'errors']);
  const store = useSessionStore(ticketSettingsStore);
  const settings = useSyncExternalStore(store.subscribe, () => store.settings);
  const waiting = useSyncExternalStore(store.subscribe, () => store.waiting);
  const loadError = useSyncExternalStore(store.subscribe, () => store.error);
  const connection = useConnectionState();
  const [chosen, setChosen] = useState<Mode | null>(null);
  const [message, setMessage] = useState<Feedback | null>(null);
  const headingId = useId();
  const name = useId();
  const current = store.intended?.assignmentMode ?? settings?.assignmentMode ?? null;
  const shown = chosen ?? current;

  const save = async () => {
    const base = store.intended;
    if (!base || shown === null) return;
    if (shown === base.assignmentMode) {
      setChosen(null);
      return;
    }
    const answer = await store.save({ ...base, assignmentMode: shown });
    if (!answer.ok) {
      setMessage({
        text: t('supervisor.saveFailed', { reason: t(`errors:codes.${answer.error.code}`) }),
        failed: true,
      });
      return;
    }
    setChosen(null);
    setMessage({
      text: t(connection === 'connected' ? 'supervisor.routing.saved' : 'supervisor.routing.queued'),
      failed: false,
    });
  };

  return (
    <section aria-labelledby={headingId} className="supervisor-section">
      <h3 id={headingId} className="supervisor-section__title">
        {t('supervisor.routing.modeTitle')}
      </h3>
      {settings === null ? (
        <p role={loadError ? 'alert' : 'status'}>
          {loadError
            ? t('supervisor.routing.loadFailed', { reason: t(`errors:codes.${loadError}`) })
            : t('supervisor.routing.loading')}
        </p>
      ) : (
        <form
          noValidate
          onSubmit={(event) => {
            event.preventDefault();
            void save();
          }}
        >
          <fieldset className="choice-group">
            <legend className="choice-group__legend">{t('supervisor.routing.modeLegend')}</legend>
            <div className="choice-group__choices">
              {modes.map((mode) => (
                <label key={mode} className="choice supervisor-choice">
                  <input
                    type="radio"
                    name={name}
                    value={mode}
                    checked={shown === mode}
                    aria-labelledby={`${name}-${mode}-name`}
                    aria-describedby={`${name}-${mode}`}
                    onChange={() => {
                      setChosen(mode);
                      setMessage(null);
                    }}
                  />
                  <span className="supervisor-choice__text">
                    <span id={`${name}-${mode}-name`} className="supervisor-choice__name">
                      {t(`supervisor.routing.modes.${mode}`)}
                    </span>
                    <span id={`${name}-${mode}`} className="supervisor-choice__description">
                      {t(`supervisor.routing.modeDescriptions.${mode}`)}
                    </span>
                  </span>
                </label>
              ))}
            </div>
          </fieldset>
          {waiting.length > 0 ? <p className="field__hint">{t('supervisor.routing.waiting')}</p> : null}
          <SaveFeedback feedback={message} />
          <div className="supervisor__actions">
            <Button type="submit" primary>
              {t('supervisor.routing.saveMode')}
            </Button>
          </div>
        </form>
      )}
    </section>
  );
}
