import { ChevronLeft, ChevronRight } from 'lucide-react';
import { useId, useState, useSyncExternalStore } from 'react';
import { useTranslation } from 'react-i18next';
import { useSessionStore } from '../../session/hooks';
import { Button } from '../../ui/Button';
import { quotaStore } from './quota-store';

/** Ten years back from this one, and the chosen one wherever it is, within the hub's bounds (2000–2100). */
function yearsAround(thisYear: number, chosen: number): number[] {
  const years: number[] = [];
  const from = Math.min(Math.max(thisYear, chosen) + 1, 2100);
  const to = Math.max(Math.min(thisYear - 9, chosen), 2000);
  for (let y = from; y >= to; y -= 1) years.push(y);
  return years;
}

/** The report's year: a list to pick from and a step either way, in one named group. */
export function YearChooser() {
  const { t } = useTranslation('quota');
  const store = useSessionStore(quotaStore);
  const year = useSyncExternalStore(store.subscribe, () => store.year);
  const selectId = useId();
  const legendId = useId();
  const [thisYear] = useState(() => year);
  const years = yearsAround(thisYear, year);
  return (
    <fieldset className="choice-group quota-year" aria-labelledby={legendId}>
      <legend id={legendId} className="choice-group__legend">
        {t('report.year.legend')}
      </legend>
      <div className="quota-year__row">
        <Button icon={ChevronLeft} onClick={() => store.chooseYear(year - 1)} disabled={year <= 2000}>
          {t('report.year.previous')}
        </Button>
        <label htmlFor={selectId} className="field__label">
          {t('report.year.label')}
        </label>
        <select
          id={selectId}
          className="field__control"
          value={year}
          onChange={(event) => store.chooseYear(Number(event.target.value))}
        >
          {years.map((y) => (
            <option key={y} value={y}>
              {y}
            </option>
          ))}
        </select>
        <Button icon={ChevronRight} onClick={() => store.chooseYear(year + 1)} disabled={year >= 2100}>
          {t('report.year.next')}
        </Button>
      </div>
    </fieldset>
  );
}
