import { useEffect, useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { accommodationProfileSchema } from '../../../shared/domain/tickets/assignment';
import { textLang } from '../../../shared/i18n/text-lang';
import type { Accommodation, Agent } from '../../../shared/protocol';
import { NumberSetting } from '../../a11y/settings/NumberSetting';
import { ToggleSetting } from '../../a11y/settings/ToggleSetting';
import { useConnectionState, useSessionStore } from '../../session/hooks';
import { Button } from '../../ui/Button';
import { agentsStore } from '../agents-store';
import { sameProfile, slowReplyChoices } from './profile-options';
import { useThresholdText } from './useProfileText';
import '../../a11y/settings/controls.css';
import './supervisor.css';

export interface ProfileEditorProps {
  agent: Agent;
  /** `saved`: the words to say about what happened (queued, or sent), or null when cancelled. */
  onClose: (saved: string | null) => void;
}

/**
 * One agent's accommodation profile, set by the supervisor with the worker:
 * how many conversations at once, whether a slow first answer hands the
 * conversation to someone else (never, by default, or after a generous wait),
 * and text only. Every control works by one switch: steppers beside the
 * number, radios for the wait, a checkbox, and real Save and Cancel buttons.
 */
export function ProfileEditor({ agent, onClose }: ProfileEditorProps) {
  const { t } = useTranslation(['tickets', 'errors']);
  const store = useSessionStore(agentsStore);
  const connection = useConnectionState();
  const threshold = useThresholdText();
  const [draft, setDraft] = useState<Accommodation>(agent.profile);
  const [error, setError] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);
  const heading = useRef<HTMLHeadingElement>(null);
  const headingId = useId();
  const slowName = useId();
  const errorId = useId();

  // Opened by a press in the table: the editor's heading takes focus, so reading starts here.
  useEffect(() => heading.current?.focus(), []);

  const choices = slowReplyChoices(agent.profile.reassignAfterMs);
  const changed = !sameProfile(draft, agent.profile);

  const save = async () => {
    if (saving) return;
    const parsed = accommodationProfileSchema.safeParse(draft);
    if (!parsed.success) {
      setError(t('supervisor.profile.invalid'));
      return;
    }
    if (!changed) {
      onClose(null);
      return;
    }
    setSaving(true);
    const answer = await store.setProfile(agent.id, parsed.data);
    setSaving(false);
    if (!answer.ok) {
      setError(t('supervisor.profile.saveFailed', { reason: t(`errors:codes.${answer.error.code}`) }));
      return;
    }
    onClose(
      connection === 'connected'
        ? t('supervisor.profile.saved', { name: agent.displayName })
        : t('supervisor.profile.queued', { name: agent.displayName }),
    );
  };

  return (
    <section aria-labelledby={headingId} className="supervisor-profile">
      <h3 id={headingId} ref={heading} tabIndex={-1} className="supervisor-profile__title">
        {t('supervisor.profile.title')} <span lang={textLang(agent.displayName)}>{agent.displayName}</span>
      </h3>
      <p className="supervisor-profile__intro">{t('supervisor.profile.intro')}</p>
      <form
        className="supervisor-profile__form"
        noValidate
        aria-describedby={error ? errorId : undefined}
        onSubmit={(event) => {
          event.preventDefault();
          void save();
        }}
      >
        <NumberSetting
          label={t('supervisor.profile.maxConcurrent')}
          value={draft.maxConcurrent}
          schema={accommodationProfileSchema.shape.maxConcurrent}
          step={1}
          onCommit={(maxConcurrent) => setDraft((d) => ({ ...d, maxConcurrent }))}
        />
        <fieldset className="choice-group supervisor-profile__slow">
          <legend className="choice-group__legend">{t('supervisor.profile.slowLegend')}</legend>
          <p className="field__hint">{t('supervisor.profile.slowHint')}</p>
          <div className="choice-group__choices">
            {choices.map((ms) => (
              <label key={ms ?? 'never'} className="choice">
                <input
                  type="radio"
                  name={slowName}
                  checked={draft.reassignAfterMs === ms}
                  onChange={() => setDraft((d) => ({ ...d, reassignAfterMs: ms }))}
                />
                <span>
                  {ms === null
                    ? t('supervisor.profile.never')
                    : t('supervisor.profile.returnAfter', { after: threshold(ms) })}
                </span>
              </label>
            ))}
          </div>
        </fieldset>
        <ToggleSetting
          label={t('supervisor.profile.textOnly')}
          checked={draft.textOnly}
          onChange={(textOnly) => setDraft((d) => ({ ...d, textOnly }))}
        />
        <p id={errorId} className="supervisor__error" role="alert">
          {error}
        </p>
        <div className="supervisor__actions">
          <Button type="submit" primary aria-disabled={saving || undefined}>
            {t('supervisor.profile.save')}
          </Button>
          <Button onClick={() => onClose(null)}>{t('supervisor.cancel')}</Button>
        </div>
      </form>
    </section>
  );
}
