import { useId, useState, type HTMLAttributes } from 'react';
import { useTranslation } from 'react-i18next';
import { cssColourSchema } from '../../../shared/a11y';
import { ChoiceGroup } from './ChoiceGroup';
import { useSaveSetting } from './SettingsFeedback';
import '../../ui/Field.css';

/** Saturated colours that stay visible on white, on black and for common colour-vision deficiencies. */
const presets = {
  orange: '#ff6d00',
  yellow: '#ffd600',
  magenta: '#d500f9',
  cyan: '#00e5ff',
  lime: '#76ff03',
} as const;
type Preset = keyof typeof presets;
type Choice = Preset | 'custom';
const choices: readonly Choice[] = [...(Object.keys(presets) as Preset[]), 'custom'];

function presetOf(colour: string): Preset | null {
  const entry = Object.entries(presets).find(([, value]) => value.toLowerCase() === colour.toLowerCase());
  return entry ? (entry[0] as Preset) : null;
}

function isColour(text: string): boolean {
  return cssColourSchema.safeParse(text).success && CSS.supports('color', text);
}

export interface HighlightColourSettingProps extends HTMLAttributes<HTMLDivElement> {
  colour: string;
}

export function HighlightColourSetting({ colour, className, ...rest }: HighlightColourSettingProps) {
  const { t } = useTranslation('settings');
  const save = useSaveSetting();
  const [custom, setCustom] = useState(() => presetOf(colour) === null);
  // What the worker is typing; null shows the saved colour, so a change made elsewhere shows at once.
  const [draft, setDraft] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const id = useId();
  const text = draft ?? colour;

  const choose = (choice: Choice) => {
    if (choice === 'custom') {
      setCustom(true);
      return;
    }
    setCustom(false);
    setError(null);
    return save(
      { scan: { highlightColour: presets[choice] } },
      t('scan.highlightColour'),
      `${t('scan.highlightColour')}: ${t(`scan.colours.${choice}`)}`,
    );
  };

  const commit = () => {
    const value = text.trim();
    if (!isColour(value)) {
      setError(t('scan.colourInvalid'));
      return;
    }
    setError(null);
    setDraft(null);
    if (value !== colour) void save({ scan: { highlightColour: value } }, t('scan.highlightColour'));
  };

  const selected: Choice = custom ? 'custom' : (presetOf(colour) ?? 'custom');
  return (
    <div className={['highlight-colour', className].filter(Boolean).join(' ')} {...rest}>
      <ChoiceGroup<Choice>
        inline
        legend={t('scan.highlightColour')}
        value={selected}
        choices={choices.map((choice) => ({
          value: choice,
          label: t(`scan.colours.${choice}`),
          adornment: (
            <span
              className="colour-swatch"
              aria-hidden="true"
              style={{ background: choice === 'custom' ? (isColour(text) ? text : colour) : presets[choice] }}
            />
          ),
        }))}
        onChange={choose}
      />
      {selected === 'custom' ? (
        <div className="field">
          <label htmlFor={id} className="field__label">
            {t('scan.customColour')}
          </label>
          <input
            id={id}
            className="field__control highlight-colour__input"
            value={text}
            spellCheck={false}
            autoComplete="off"
            aria-invalid={error ? true : undefined}
            aria-describedby={error ? `${id}-error` : undefined}
            onChange={(event) => {
              setDraft(event.target.value);
              if (error) setError(null);
            }}
            onBlur={commit}
            onKeyDown={(event) => {
              if (event.key === 'Enter') {
                event.preventDefault();
                commit();
              }
            }}
          />
          {error ? (
            <p id={`${id}-error`} role="alert" className="field__error">
              {error}
            </p>
          ) : null}
        </div>
      ) : null}
    </div>
  );
}
