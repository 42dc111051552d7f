import { Square } from 'lucide-react';
import { useId, useState, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { textLang } from '../../../shared/i18n/text-lang';
import type { TeleprompterScript } from '../../../shared/protocol/live';
import { ActionRegistration } from '../../a11y/keyboard/ActionRegistration';
import { useRegisterAction } from '../../a11y/keyboard/actions';
import { Button } from '../../ui/Button';
import type { AnchorVoice, SpeechLanguage } from '../voice/anchor-voice';
import { orderScripts } from './teleprompter-store';
import { useAnchorVoice, useTeleprompter } from './useAnchorVoice';
import './TeleprompterPanel.css';

export interface TeleprompterPanelProps {
  voice: AnchorVoice;
  /** The product being explained: its scripts come first. */
  pinnedProductId: number | null;
}

const speechLanguages: readonly SpeechLanguage[] = ['zh-CN', 'en'];
/** "Stop speaking" from anywhere, and a sequence for those who cannot hold two keys. */
const stopBindings = ['Alt+X', 'F8 X'];
const stopShortcut = 'Alt+X';
/** Phrases reachable by number key: 1 to 9. */
const keyedPhrases = 9;

/** The digit a key press stands for, top row or keypad, with no modifier held. */
function digitOf(event: KeyboardEvent): number | null {
  if (event.ctrlKey || event.altKey || event.metaKey || event.shiftKey) return null;
  const match = /^(?:Digit|Numpad)([1-9])$/.exec(event.code);
  return match?.[1] ? Number(match[1]) : null;
}

/** A key typed into a field is text, not a phrase. */
function typingInto(target: EventTarget): boolean {
  return (
    target instanceof HTMLElement &&
    (target.isContentEditable ||
      target instanceof HTMLTextAreaElement ||
      (target instanceof HTMLInputElement && !['radio', 'checkbox', 'button'].includes(target.type)))
  );
}

/**
 * The anchor's teleprompter: quick phrases as big buttons (also keys 1–9 and
 * palette entries), the scripts with the pinned product's first, and what is
 * being said now, sentence by sentence. Every line goes through AnchorVoice
 * into the broadcast, so viewers hear it; "Stop speaking" cuts it at once.
 */
export function TeleprompterPanel({ voice, pinnedProductId }: TeleprompterPanelProps) {
  const { t } = useTranslation('teleprompter');
  const headingId = useId();
  const hintId = useId();
  const state = useAnchorVoice(voice);
  const prompter = useTeleprompter();
  const [failure, setFailure] = useState<string | null>(null);
  const language = prompter.speechLanguage;
  const { phrases, scripts } = orderScripts(prompter.scripts, pinnedProductId);
  const noEngine = state.checked && state.engine === null;
  const noVoice = !noEngine && state.checked && !state.languages.includes(language);

  const speak = (line: TeleprompterScript) => {
    setFailure(null);
    void voice.speakLine(`${line.kind}:${line.id}`, line.body, language).then((answer) => {
      if (!answer.ok) setFailure(answer.error.message);
    });
  };
  const stop = () => voice.stop();

  useRegisterAction({
    id: 'teleprompter.stop',
    label: t('actions.stop'),
    group: t('actions.group'),
    defaultBindings: stopBindings,
    run: stop,
  });

  const onKeyDown = (event: KeyboardEvent<HTMLElement>) => {
    if (event.defaultPrevented || typingInto(event.target)) return;
    const digit = digitOf(event);
    const phrase = digit === null ? undefined : phrases[digit - 1];
    if (phrase === undefined) return;
    event.preventDefault();
    speak(phrase);
  };

  const playing = state.playing;
  const current = playing?.sentences[playing.index];

  return (
    <section className="teleprompter" aria-labelledby={headingId} onKeyDown={onKeyDown}>
      <div className="teleprompter__head">
        <h2 id={headingId} className="teleprompter__title">
          {t('panel.heading')}
        </h2>
        <Button icon={Square} onClick={stop} aria-keyshortcuts={stopShortcut}>
          {t('panel.stop')}
        </Button>
      </div>

      {noEngine ? (
        <p role="note" className="teleprompter__note">
          {t('panel.noEngine')}
        </p>
      ) : null}

      <fieldset className="teleprompter__languages">
        <legend>{t('panel.language')}</legend>
        {speechLanguages.map((l) => (
          <label key={l} className="teleprompter__language">
            <input
              type="radio"
              name={`${headingId}-language`}
              value={l}
              checked={language === l}
              onChange={() => prompter.store.setLanguage(l)}
            />
            {t(`languages.${l}`)}
          </label>
        ))}
      </fieldset>
      {noVoice ? (
        <p role="note" className="teleprompter__note">
          {t('panel.noVoice', { language: t(`languages.${language}`) })}
        </p>
      ) : null}

      <div className="teleprompter__now">
        <h3 className="teleprompter__subtitle">{t('panel.nowSpeaking')}</h3>
        {playing ? (
          <ol className="teleprompter__sentences">
            {playing.sentences.map((sentence, index) => (
              <li
                // Sentences repeat in a script; their place is what identifies them.
                key={index}
                className="teleprompter__sentence"
                aria-current={index === playing.index ? 'true' : undefined}
                lang={textLang(sentence)}
              >
                {sentence}
              </li>
            ))}
          </ol>
        ) : (
          <p className="teleprompter__idle">{t('panel.idle')}</p>
        )}
        <p role="status" className="visually-hidden">
          {playing && current !== undefined
            ? t('panel.sentence', {
                index: playing.index + 1,
                count: playing.sentences.length,
                text: current,
              })
            : ''}
        </p>
        {failure !== null ? (
          <p role="alert" className="teleprompter__failure">
            {t('panel.failed', { message: failure })}
          </p>
        ) : null}
      </div>

      {!prompter.loaded ? (
        prompter.error !== null ? (
          <p className="teleprompter__note">
            {t('panel.loadFailed')}{' '}
            <Button onClick={() => void prompter.store.refresh()}>{t('panel.retry')}</Button>
          </p>
        ) : (
          <p className="teleprompter__note">{t('panel.loading')}</p>
        )
      ) : (
        <>
          <h3 className="teleprompter__subtitle">{t('panel.phrases')}</h3>
          <p id={hintId} className="teleprompter__hint">
            {t('panel.phrasesHint')}
          </p>
          {phrases.length === 0 ? (
            <p className="teleprompter__note">{t('panel.noPhrases')}</p>
          ) : (
            <div
              role="group"
              aria-label={t('panel.phrases')}
              aria-describedby={hintId}
              className="teleprompter__phrases"
            >
              {phrases.map((phrase, at) => (
                <PhraseButton
                  key={phrase.id}
                  phrase={phrase}
                  number={at < keyedPhrases ? at + 1 : null}
                  speaking={playing?.lineId === `phrase:${phrase.id}`}
                  onSpeak={() => speak(phrase)}
                />
              ))}
            </div>
          )}

          <h3 className="teleprompter__subtitle">{t('panel.scripts')}</h3>
          {scripts.length === 0 ? (
            <p className="teleprompter__note">{t('panel.noScripts')}</p>
          ) : (
            <ul aria-label={t('panel.scripts')} className="teleprompter__scripts">
              {scripts.map((script) => (
                <li key={script.id} className="teleprompter__script">
                  <Button
                    primary={script.productId !== null && script.productId === pinnedProductId}
                    aria-pressed={playing?.lineId === `script:${script.id}`}
                    onClick={() => speak(script)}
                  >
                    <span lang={textLang(script.title)}>
                      {t('panel.speakScript', { title: script.title })}
                    </span>
                  </Button>
                  {script.productId !== null && script.productId === pinnedProductId ? (
                    <span className="teleprompter__tag">{t('panel.pinned')}</span>
                  ) : null}
                  <p className="teleprompter__body" lang={textLang(script.body)}>
                    {script.body}
                  </p>
                </li>
              ))}
            </ul>
          )}
        </>
      )}

      {phrases.map((phrase) => (
        <ActionRegistration
          key={`phrase:${phrase.id}`}
          id={`teleprompter.phrase.${phrase.id}`}
          label={t('actions.phrase', { title: phrase.title })}
          group={t('actions.group')}
          keywords={[phrase.body]}
          run={() => speak(phrase)}
        />
      ))}
      {scripts.map((script) => (
        <ActionRegistration
          key={`script:${script.id}`}
          id={`teleprompter.script.${script.id}`}
          label={t('actions.script', { title: script.title })}
          group={t('actions.group')}
          run={() => speak(script)}
        />
      ))}
    </section>
  );
}

function PhraseButton({
  phrase,
  number,
  speaking,
  onSpeak,
}: {
  phrase: TeleprompterScript;
  number: number | null;
  speaking: boolean;
  onSpeak: () => void;
}) {
  return (
    <button
      type="button"
      className="teleprompter__phrase"
      aria-pressed={speaking}
      aria-keyshortcuts={number === null ? undefined : String(number)}
      title={phrase.body}
      onClick={onSpeak}
    >
      {number === null ? null : (
        <span className="teleprompter__key" aria-hidden="true">
          {number}
        </span>
      )}
      <span lang={textLang(phrase.title)}>{phrase.title}</span>
    </button>
  );
}
