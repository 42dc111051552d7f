import { Plus, Trash2 } from 'lucide-react';
import { useId, useState, useSyncExternalStore } from 'react';
import { useTranslation } from 'react-i18next';
import type { QuotaParameterKey } from '../../../shared/domain/quota/parameters';
import { useConnectionState, useSessionStore } from '../../session/hooks';
import { Button } from '../../ui/Button';
import { TextField } from '../../ui/Field';
import { QuotaFeedback, useRefusalWords, type Feedback } from './QuotaFeedback';
import {
  gradeKeys,
  parametersFromForm,
  parametersToForm,
  type ParameterErrors,
  type ParameterField,
  type ParametersForm as Form,
} from './parameters-form';
import { quotaStore } from './quota-store';
import '../../a11y/settings/controls.css';

type TextKey = Exclude<keyof Form, 'gradeWeights' | 'bands'>;

/** Which parameter's published source a form field shows. */
const sourceOf: Record<TextKey, QuotaParameterKey> = {
  quota: 'quotaBp',
  minimumMonthlyWage: 'minimumMonthlyWageFen',
  contractMinMonths: 'contractMinMonths',
  contractWarningDays: 'contractWarningDays',
  staffCount: 'staffCount',
  averageAnnualWage: 'averageAnnualWageFen',
  localAverageAnnualWage: 'localAverageAnnualWageFen',
  wageCap: 'wageCapBp',
  smallEmployerMaxStaff: 'smallEmployerMaxStaff',
  reliefUntil: 'reliefUntil',
};

const countingFields: readonly TextKey[] = [
  'quota',
  'minimumMonthlyWage',
  'contractMinMonths',
  'contractWarningDays',
];
const levyFields: readonly TextKey[] = [
  'staffCount',
  'averageAnnualWage',
  'localAverageAnnualWage',
  'wageCap',
  'smallEmployerMaxStaff',
  'reliefUntil',
];

/**
 * The organisation's quota parameters: every number the report and the levy
 * estimate use, each beside its published source. Yuan are parsed with
 * integer arithmetic (parseYuanToFen), then checked with the hub's schema;
 * a refused field keeps its text and says why beside it.
 */
export function ParametersForm() {
  const { t } = useTranslation(['quota', 'errors']);
  const store = useSessionStore(quotaStore);
  const settings = useSyncExternalStore(store.subscribe, () => store.settings);
  const failure = useSyncExternalStore(store.subscribe, () => store.settingsFailure);
  const refusal = useSyncExternalStore(store.subscribe, () => store.settingsRefusal);
  const connection = useConnectionState();
  const refusalWords = useRefusalWords();
  const [edited, setEdited] = useState<Form | null>(null);
  const [errors, setErrors] = useState<ParameterErrors>({});
  const [feedback, setFeedback] = useState<Feedback | null>(null);
  const [nextKey, setNextKey] = useState(100);
  const headingId = useId();
  const introId = useId();

  if (settings === null) {
    return (
      <section aria-labelledby={headingId} className="quota-card">
        <h2 id={headingId} className="quota-card__title">
          {t('params.title')}
        </h2>
        {failure ? (
          <p role="alert">{t('params.failed', { reason: t(`errors:codes.${failure}`) })}</p>
        ) : (
          <p role="status">{t('params.loading')}</p>
        )}
      </section>
    );
  }
  const form = edited ?? parametersToForm(settings.parameters);
  const source = (key: QuotaParameterKey) => settings.sources[key];

  const change = (next: Form, field: ParameterField) => {
    setEdited(next);
    setFeedback(null);
    if (errors[field]) setErrors(Object.fromEntries(Object.entries(errors).filter(([k]) => k !== field)));
  };

  const save = async () => {
    const checked = parametersFromForm(form);
    if (!checked.ok) {
      setErrors(checked.errors);
      setFeedback({ text: t('params.fix'), failed: true });
      return;
    }
    setErrors({});
    const answer = await store.saveSettings(checked.parameters);
    if (!answer.ok) {
      setFeedback({
        text: t('params.refused', { reason: t(`errors:codes.${answer.error.code}`) }),
        failed: true,
      });
      return;
    }
    setEdited(null);
    setFeedback({ text: t(connection === 'connected' ? 'params.saved' : 'params.queued'), failed: false });
  };

  const errorText = (field: ParameterField) => {
    const error = errors[field];
    return error ? t(`params.errors.${error}`) : undefined;
  };

  const textField = (key: TextKey) => {
    const hint =
      key === 'staffCount'
        ? t('params.fields.staffCountHint', { count: settings.usersCount })
        : key === 'averageAnnualWage'
          ? t('params.fields.averageAnnualWageHint')
          : key === 'reliefUntil'
            ? t('params.fields.reliefUntilHint')
            : null;
    const cited = source(sourceOf[key]);
    return (
      <TextField
        key={key}
        label={t(`params.fields.${key}`)}
        hint={
          <>
            {hint ? <span>{hint} </span> : null}
            {cited ? <span>{t('params.source', { source: cited })}</span> : null}
          </>
        }
        error={errorText(key)}
        value={form[key]}
        inputMode={key === 'reliefUntil' ? 'text' : 'decimal'}
        autoComplete="off"
        spellCheck={false}
        onChange={(event) => change({ ...form, [key]: event.target.value }, key)}
      />
    );
  };

  const refusedHere = refusal && refusal.event === 'quota.saveSettings';

  return (
    <section aria-labelledby={headingId} aria-describedby={introId} className="quota-card">
      <h2 id={headingId} className="quota-card__title">
        {t('params.title')}
      </h2>
      <p id={introId}>{t('params.intro')}</p>
      <form
        noValidate
        className="quota-params"
        aria-labelledby={headingId}
        onSubmit={(event) => {
          event.preventDefault();
          void save();
        }}
      >
        <fieldset className="choice-group quota-params__group">
          <legend className="choice-group__legend">{t('figures.quota')}</legend>
          {countingFields.map(textField)}
          <fieldset className="choice-group quota-params__weights">
            <legend className="choice-group__legend">{t('params.weights.legend')}</legend>
            <p className="field__hint">{t('params.source', { source: source('gradeWeights') ?? '' })}</p>
            <div className="quota-params__row">
              {gradeKeys.map((grade) => (
                <TextField
                  key={grade}
                  label={t('params.weights.grade', { grade })}
                  error={errorText(`gradeWeights.${grade}`)}
                  value={form.gradeWeights[grade]}
                  inputMode="numeric"
                  autoComplete="off"
                  onChange={(event) =>
                    change(
                      { ...form, gradeWeights: { ...form.gradeWeights, [grade]: event.target.value } },
                      `gradeWeights.${grade}`,
                    )
                  }
                />
              ))}
            </div>
          </fieldset>
        </fieldset>

        <fieldset className="choice-group quota-params__group">
          <legend className="choice-group__legend">{t('levy.title')}</legend>
          {levyFields.map(textField)}
          <fieldset className="choice-group quota-params__bands">
            <legend className="choice-group__legend">{t('params.bands.legend')}</legend>
            <p className="field__hint">
              {t('params.bands.hint')} {t('params.source', { source: source('reducedBands') ?? '' })}
            </p>
            {form.bands.length === 0 ? <p>{t('params.bands.none')}</p> : null}
            {form.bands.map((band, index) => {
              const n = index + 1;
              const update = (patch: Partial<typeof band>, field: ParameterField) =>
                change(
                  { ...form, bands: form.bands.map((b) => (b.key === band.key ? { ...b, ...patch } : b)) },
                  field,
                );
              return (
                <fieldset key={band.key} className="choice-group quota-params__band">
                  <legend className="choice-group__legend">{t('params.bands.band', { n })}</legend>
                  <div className="quota-params__row">
                    <TextField
                      label={t('params.bands.minRatio')}
                      error={errorText(`bands.${index}.minRatio`)}
                      value={band.minRatio}
                      inputMode="decimal"
                      autoComplete="off"
                      onChange={(event) =>
                        update({ minRatio: event.target.value }, `bands.${index}.minRatio`)
                      }
                    />
                    <TextField
                      label={t('params.bands.pay')}
                      error={errorText(`bands.${index}.pay`)}
                      value={band.pay}
                      inputMode="decimal"
                      autoComplete="off"
                      onChange={(event) => update({ pay: event.target.value }, `bands.${index}.pay`)}
                    />
                  </div>
                  <Button
                    icon={Trash2}
                    onClick={() => {
                      setEdited({ ...form, bands: form.bands.filter((b) => b.key !== band.key) });
                      // Band errors are by position: after a removal they would point at the wrong band.
                      setErrors(
                        Object.fromEntries(Object.entries(errors).filter(([k]) => !k.startsWith('bands.'))),
                      );
                    }}
                  >
                    {t('params.bands.remove', { n })}
                  </Button>
                </fieldset>
              );
            })}
            {form.bands.length < 10 ? (
              <Button
                icon={Plus}
                onClick={() => {
                  setEdited({ ...form, bands: [...form.bands, { key: nextKey, minRatio: '', pay: '' }] });
                  setNextKey(nextKey + 1);
                }}
              >
                {t('params.bands.add')}
              </Button>
            ) : null}
          </fieldset>
        </fieldset>

        {refusedHere ? (
          <p role="alert" className="quota-error">
            {t('params.refused', { reason: refusalWords(refusal.reason) })}
          </p>
        ) : null}
        <QuotaFeedback feedback={feedback} />
        <div className="quota-actions">
          <Button type="submit" primary>
            {t('params.save')}
          </Button>
          {edited ? (
            <Button
              onClick={() => {
                setEdited(null);
                setErrors({});
                setFeedback(null);
              }}
            >
              {t('params.reset')}
            </Button>
          ) : null}
          <Button
            onClick={() => {
              setEdited(parametersToForm(settings.defaults));
              setErrors({});
              setFeedback(null);
            }}
          >
            {t('params.defaults')}
          </Button>
        </div>
      </form>
    </section>
  );
}
