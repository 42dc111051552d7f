import { useEffect, useId, useMemo, useRef, useState, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { fillCanned, type CannedValues } from '../../../shared/domain/tickets/canned-variables';
import { textLang } from '../../../shared/i18n/text-lang';
import type { CannedReply } from '../../../shared/protocol';
import { Button } from '../../ui/Button';
import { TextField } from '../../ui/Field';
import './CannedPicker.css';

export interface CannedPickerProps {
  id: string;
  canned: readonly CannedReply[];
  values: CannedValues;
  onPick: (canned: CannedReply) => void;
  /** Escape or Close: focus goes back to where the picker was opened from. */
  onClose: () => void;
}

function matches(c: CannedReply, query: string): boolean {
  const q = query.trim().toLocaleLowerCase();
  if (q === '') return true;
  return [c.title, c.shortcut, c.body].some((s) => s.toLocaleLowerCase().includes(q));
}

/**
 * The canned replies, searchable, each one button that inserts it with its
 * variables filled. Not modal: it sits by the reply box, Tab and scanning
 * reach everything in it, Escape closes it. Down from the search goes to
 * the first reply; Up and Down move between replies.
 */
export function CannedPicker({ id, canned, values, onPick, onClose }: CannedPickerProps) {
  const { t } = useTranslation('tickets');
  const [query, setQuery] = useState('');
  const search = useRef<HTMLInputElement>(null);
  const list = useRef<HTMLUListElement>(null);
  const titleId = useId();
  const found = useMemo(() => canned.filter((c) => matches(c, query)), [canned, query]);

  useEffect(() => search.current?.focus(), []);

  const options = () => [
    ...(list.current?.querySelectorAll<HTMLButtonElement>('.canned-picker__option') ?? []),
  ];
  const onListKey = (event: KeyboardEvent<HTMLUListElement>) => {
    if (event.key !== 'ArrowDown' && event.key !== 'ArrowUp') return;
    const all = options();
    const at = all.findIndex((b) => b === document.activeElement);
    if (at < 0) return;
    event.preventDefault();
    if (event.key === 'ArrowUp' && at === 0) search.current?.focus();
    else all[Math.min(all.length - 1, Math.max(0, at + (event.key === 'ArrowDown' ? 1 : -1)))]?.focus();
  };

  return (
    <div
      id={id}
      role="dialog"
      aria-labelledby={titleId}
      className="canned-picker"
      onKeyDown={(event) => {
        if (event.key !== 'Escape' || event.defaultPrevented) return;
        event.preventDefault();
        onClose();
      }}
    >
      <div className="canned-picker__head">
        <h3 id={titleId} className="canned-picker__title">
          {t('conversation.canned.title')}
        </h3>
        <Button onClick={onClose}>{t('conversation.canned.close')}</Button>
      </div>
      <TextField
        ref={search}
        type="search"
        label={t('conversation.canned.search')}
        hint={t('conversation.canned.searchHint')}
        value={query}
        onChange={(event) => setQuery(event.target.value)}
        onKeyDown={(event) => {
          if (event.key !== 'ArrowDown') return;
          event.preventDefault();
          options()[0]?.focus();
        }}
      />
      <p role="status" className="canned-picker__count">
        {t('conversation.canned.found', { count: found.length })}
      </p>
      {found.length > 0 ? (
        <ul
          ref={list}
          className="canned-picker__list"
          aria-label={t('conversation.canned.listLabel')}
          onKeyDown={onListKey}
        >
          {found.map((c) => (
            <CannedOption key={c.id} canned={c} values={values} onPick={() => onPick(c)} />
          ))}
        </ul>
      ) : null}
    </div>
  );
}

function CannedOption({
  canned,
  values,
  onPick,
}: {
  canned: CannedReply;
  values: CannedValues;
  onPick: () => void;
}) {
  const { t } = useTranslation('tickets');
  const previewId = useId();
  const { text, missing } = fillCanned(canned.body, values);
  return (
    <li className="canned-picker__item">
      <button type="button" className="canned-picker__option" aria-describedby={previewId} onClick={onPick}>
        <span className="canned-picker__name" lang={textLang(canned.title)}>
          {canned.title}
        </span>
        <span className="canned-picker__shortcut">{canned.shortcut}</span>
      </button>
      <p id={previewId} className="canned-picker__preview" lang={textLang(text)}>
        {text}
        {missing.length > 0 ? (
          <span className="canned-picker__missing">
            {' '}
            {t('conversation.canned.missing', { names: missing.map((m) => `{${m}}`).join(', ') })}
          </span>
        ) : null}
      </p>
    </li>
  );
}
