import { useEffect, useId, useMemo, useRef, useState, useSyncExternalStore } from 'react';
import { useTranslation } from 'react-i18next';
import { fenToYuanDigits, parseYuanToFen } from '../../../shared/domain/live/money';
import type { DisabilityRecord } from '../../../shared/protocol/quota';
import { useConnectionState, useSessionStore } from '../../session/hooks';
import { Button } from '../../ui/Button';
import { QuotaFeedback, useRefusalWords, type Feedback } from './QuotaFeedback';
import { peopleStore } from './people-store';
import { quotaStore } from './quota-store';
import { useQuotaFormat } from './quota-format';
import { YearChooser } from './YearChooser';

interface MonthRow {
  month: string;
  wage: string;
  insurance: boolean;
  /** The earnings ledger's figure, shown when no wage is typed (null: the report has none). */
  ledgerFen: number | null;
}

const yuanText = (fen: number) => fenToYuanDigits(fen).replace(/\.00$/, '');

/**
 * One worker's months of the chosen year: the wage actually paid (empty:
 * the month's earnings in Wings) and whether social insurance was paid. Only
 * the months changed are sent, one quota.saveMonth each.
 */
export function MonthsEditor({
  record,
  focusMonth,
  onDone,
}: {
  record: DisabilityRecord;
  focusMonth: string | null;
  onDone: () => void;
}) {
  const { t } = useTranslation(['quota', 'errors']);
  const f = useQuotaFormat();
  const people = useSessionStore(peopleStore);
  const quota = useSessionStore(quotaStore);
  const year = useSyncExternalStore(quota.subscribe, () => quota.year);
  const report = useSyncExternalStore(quota.subscribe, () => quota.report);
  useSyncExternalStore(people.subscribe, () => people.version);
  const connection = useConnectionState();
  const refusalWords = useRefusalWords();
  const headingId = useId();
  const hintId = useId();
  const headingRef = useRef<HTMLHeadingElement>(null);
  const rowRefs = useRef(new Map<string, HTMLInputElement>());

  const initial = useMemo<MonthRow[]>(() => {
    const months =
      report?.months.map((m) => m.month) ??
      Array.from({ length: 12 }, (_, i) => `${year}-${String(i + 1).padStart(2, '0')}`);
    const person = report?.people.find((p) => p.record.user.id === record.user.id);
    return months.map((month) => {
      const entry = person?.months.find((m) => m.month === month);
      return {
        month,
        wage: entry?.wageSource === 'recorded' ? yuanText(entry.wageFen) : '',
        insurance: entry?.insurancePaid ?? false,
        ledgerFen: entry?.wageSource === 'ledger' ? entry.wageFen : null,
      };
    });
  }, [report, year, record.user.id]);

  const [edits, setEdits] = useState<Record<string, Partial<MonthRow>>>({});
  const [errors, setErrors] = useState<Record<string, true>>({});
  const [feedback, setFeedback] = useState<Feedback | null>(null);
  const [sent, setSent] = useState<string[]>([]);
  /** Months sent and still shown as typed until the report read back holds them. */
  const [sentMonths, setSentMonths] = useState<readonly string[]>([]);

  useEffect(() => {
    const target = focusMonth ? rowRefs.current.get(focusMonth) : null;
    (target ?? headingRef.current)?.focus();
  }, [focusMonth]);

  // Edits and errors are by month key, so another year's months never meet them; only the
  // outcome line belongs to the year it was saved in.
  const [shownYear, setShownYear] = useState(year);
  if (shownYear !== year) {
    setShownYear(year);
    setSent([]);
  }
  // A reread report holds what was sent: those months show its figures again; unsent typing stays.
  const [seenInitial, setSeenInitial] = useState(initial);
  if (seenInitial !== initial) {
    setSeenInitial(initial);
    if (sentMonths.length > 0) {
      setEdits(Object.fromEntries(Object.entries(edits).filter(([m]) => !sentMonths.includes(m))));
      setSentMonths([]);
    }
  }

  const rows = initial.map((row) => ({ ...row, ...edits[row.month] }));

  const change = (month: string, patch: Partial<MonthRow>) => {
    setEdits({ ...edits, [month]: { ...edits[month], ...patch } });
    setFeedback(null);
    if (errors[month] && 'wage' in patch)
      setErrors(Object.fromEntries(Object.entries(errors).filter(([m]) => m !== month)));
  };

  const save = async () => {
    const changed = rows.filter((row, i) => {
      const before = initial[i];
      return before && (row.wage.trim() !== before.wage || row.insurance !== before.insurance);
    });
    const refused: Record<string, true> = {};
    const inputs = changed.map((row) => {
      const wageFen = row.wage.trim() === '' ? null : parseYuanToFen(row.wage);
      if (wageFen === null && row.wage.trim() !== '') refused[row.month] = true;
      return { userId: record.user.id, month: row.month, wageFen, insurancePaid: row.insurance };
    });
    if (Object.keys(refused).length > 0) {
      setErrors(refused);
      setFeedback({ text: t('months.fix'), failed: true });
      return;
    }
    if (inputs.length === 0) {
      setFeedback({ text: t('months.nothing'), failed: false });
      return;
    }
    const ids: string[] = [];
    for (const input of inputs) {
      const answer = await people.saveMonth(input);
      if (!answer.ok) {
        setFeedback({
          text: t('form.refused', { reason: t(`errors:codes.${answer.error.code}`) }),
          failed: true,
        });
        return;
      }
      ids.push(answer.data.id);
    }
    setSent(ids);
    setSentMonths(inputs.map((input) => input.month));
    setFeedback(connection === 'connected' ? null : { text: t('months.queued'), failed: false });
  };

  const outcomes = sent.map((id) => people.outcome(id));
  const refusal = outcomes.find((o) => o?.state === 'refused');
  const outcomeFeedback: Feedback | null =
    refusal?.state === 'refused'
      ? { text: t('form.refused', { reason: refusalWords(refusal.reason) }), failed: true }
      : sent.length > 0 && outcomes.every((o) => o?.state === 'saved')
        ? { text: t('months.saved', { count: sent.length }), failed: false }
        : null;

  return (
    <section aria-labelledby={headingId} aria-describedby={hintId} className="quota-card quota-editor">
      <h3 id={headingId} ref={headingRef} tabIndex={-1} className="quota-card__title">
        {t('months.title', { name: record.user.displayName, year })}
      </h3>
      <p id={hintId} className="field__hint">
        {t('months.hint')}
      </p>
      <YearChooser />
      <form
        noValidate
        aria-labelledby={headingId}
        onSubmit={(event) => {
          event.preventDefault();
          void save();
        }}
      >
        <div className="quota-grid__scroller">
          <table className="quota-months">
            <thead>
              <tr>
                <th scope="col">{t('months.month')}</th>
                <th scope="col">{t('months.wageColumn')}</th>
                <th scope="col">{t('months.insuranceColumn')}</th>
              </tr>
            </thead>
            <tbody>
              {rows.map((row) => {
                const label = f.month(row.month);
                const wageId = `${headingId}-${row.month}-wage`;
                const errorId = `${wageId}-error`;
                const ledgerId = `${wageId}-ledger`;
                const describedBy =
                  [errors[row.month] ? errorId : null, row.ledgerFen !== null ? ledgerId : null]
                    .filter(Boolean)
                    .join(' ') || undefined;
                return (
                  <tr key={row.month}>
                    <th scope="row">{label}</th>
                    <td>
                      <div className="field">
                        <label htmlFor={wageId} className="visually-hidden">
                          {t('months.wage', { month: label })}
                        </label>
                        <input
                          id={wageId}
                          ref={(el) => {
                            if (el) rowRefs.current.set(row.month, el);
                            else rowRefs.current.delete(row.month);
                          }}
                          className="field__control quota-months__wage"
                          value={row.wage}
                          inputMode="decimal"
                          autoComplete="off"
                          aria-invalid={errors[row.month] ? true : undefined}
                          aria-describedby={describedBy}
                          onChange={(event) => change(row.month, { wage: event.target.value })}
                        />
                        {row.ledgerFen !== null ? (
                          <p id={ledgerId} className="field__hint">
                            {t('months.ledger', { amount: f.money(row.ledgerFen) })}
                          </p>
                        ) : null}
                        {errors[row.month] ? (
                          <p id={errorId} className="field__error">
                            {t('months.wageError')}
                          </p>
                        ) : null}
                      </div>
                    </td>
                    <td>
                      <label className="choice">
                        <input
                          type="checkbox"
                          checked={row.insurance}
                          onChange={(event) => change(row.month, { insurance: event.target.checked })}
                        />
                        <span>{t('months.insurance', { month: label })}</span>
                      </label>
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
        <QuotaFeedback feedback={feedback ?? outcomeFeedback} />
        <div className="quota-actions">
          <Button type="submit" primary>
            {t('months.save')}
          </Button>
          <Button onClick={onDone}>{t('months.close')}</Button>
        </div>
      </form>
    </section>
  );
}
