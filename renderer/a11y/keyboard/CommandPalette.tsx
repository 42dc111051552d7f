import {
  useCallback,
  useEffect,
  useId,
  useLayoutEffect,
  useMemo,
  useRef,
  useState,
  type KeyboardEvent,
} from 'react';
import { useTranslation } from 'react-i18next';
import { createCommandSearch, type PinyinEngine } from '../../../shared/a11y/command-search';
import type { ResolvedBinding } from '../../../shared/a11y';
import { Button } from '../../ui/Button';
import { useActionRegistry, useActions, useRegisterAction, type ActionSpec } from './actions';
import { displayStrokes, toAriaKeyShortcuts } from './format-binding';
import { tabbableElements } from './region-cycle';
import { usePinyin } from './usePinyin';
import { useShortcutTable } from './useShortcutTable';
import './CommandPalette.css';

export const paletteActionId = 'palette.open';

/**
 * Ctrl+K (or F2, one key): a modal list of every action on the current
 * screen, with its shortcut, searchable by English, Chinese and pinyin, and
 * above them what the typed text names (a suggester's entries, e.g. a ticket number).
 */
export function CommandPalette() {
  const { t } = useTranslation('keyboard');
  const registry = useActionRegistry();
  const [open, setOpen] = useState(false);
  /** Counts openings: each one starts with an empty search. */
  const [session, setSession] = useState(0);
  const dialog = useRef<HTMLDialogElement>(null);
  const returnTo = useRef<HTMLElement | null>(null);
  const titleId = useId();
  const pinyin = usePinyin(open);

  const close = useCallback(() => {
    // The modal must be gone before focus can go back: everything behind it is inert.
    dialog.current?.close();
    setOpen(false);
    const back = returnTo.current;
    returnTo.current = null;
    if (back?.isConnected) back.focus();
  }, []);

  const show = useCallback(() => {
    if (dialog.current?.open) {
      dialog.current.querySelector<HTMLInputElement>('input')?.focus();
      return;
    }
    const active = document.activeElement;
    returnTo.current = active instanceof HTMLElement && active !== document.body ? active : null;
    setOpen(true);
    setSession((n) => n + 1);
  }, []);

  useRegisterAction({
    id: paletteActionId,
    label: t('actions.openPalette'),
    group: t('groups.general'),
    defaultBindings: ['Ctrl+K', 'F2'],
    run: show,
  });

  useEffect(
    () =>
      registry.onBeforeRun((id) => {
        if (id !== paletteActionId && dialog.current?.open) close();
      }),
    [registry, close],
  );

  useLayoutEffect(() => {
    const el = dialog.current;
    if (!open || !el || el.open) return;
    el.showModal();
    el.querySelector<HTMLInputElement>('input')?.focus();
  }, [open]);

  // aria-modal keeps screen readers inside; Tab is kept inside by hand, since the browser would go on to its own UI.
  const trapTab = (event: KeyboardEvent<HTMLDialogElement>) => {
    if (event.key !== 'Tab' || !dialog.current) return;
    const stops = tabbableElements(dialog.current);
    const first = stops[0];
    const last = stops[stops.length - 1];
    if (!first || !last) return;
    if (event.shiftKey && document.activeElement === first) {
      event.preventDefault();
      last.focus();
    } else if (!event.shiftKey && document.activeElement === last) {
      event.preventDefault();
      first.focus();
    }
  };

  // The dialog and its search box stay in the page while closed: in Chromium, removing a field that had
  // focus inside a dialog stops typing anywhere else afterwards (the note field, after Escape).
  return (
    <dialog
      ref={dialog}
      className="command-palette"
      aria-modal="true"
      aria-labelledby={titleId}
      onCancel={(event) => {
        event.preventDefault();
        close();
      }}
      onKeyDown={trapTab}
    >
      <PaletteBody titleId={titleId} session={session} pinyin={pinyin} onClose={close} />
    </dialog>
  );
}

interface PaletteBodyProps {
  titleId: string;
  session: number;
  /** Null until the pinyin dictionary has loaded; labels match by their own text meanwhile. */
  pinyin: PinyinEngine | null;
  onClose: () => void;
}

interface Entry {
  /** A registered action, or a suggestion made for the query. */
  readonly action: ActionSpec;
  readonly bindings: readonly ResolvedBinding[];
}

function PaletteBody({ titleId, session, pinyin, onClose }: PaletteBodyProps) {
  const { t } = useTranslation('keyboard');
  const registry = useActionRegistry();
  const actions = useActions();
  const { byAction } = useShortcutTable();
  const [typed, setSearch] = useState({ session, query: '', active: 0 });
  const { query, active } = typed.session === session ? typed : { query: '', active: 0 };
  const setQuery = (text: string) => setSearch({ session, query: text, active: 0 });
  const setActive = (index: number) => setSearch({ session, query, active: index });
  const ids = useId();
  const hintId = `${ids}-hint`;
  const listId = `${ids}-list`;
  const optionId = (index: number) => `${ids}-option-${index}`;

  const search = useMemo(
    () => createCommandSearch(actions, (a) => [a.label, ...(a.keywords ?? []), a.group ?? ''], pinyin),
    [actions, pinyin],
  );
  const results: Entry[] = useMemo(
    () => [
      ...registry.suggest(query).map((action) => ({ action, bindings: [] })),
      ...search.search(query).map((action) => ({ action, bindings: byAction.get(action.id) ?? [] })),
    ],
    [registry, search, query, byAction],
  );
  const current = Math.min(active, Math.max(results.length - 1, 0));

  useEffect(() => {
    document.getElementById(optionId(current))?.scrollIntoView({ block: 'nearest' });
  });

  const run = (entry: Entry | undefined) => {
    if (entry) registry.invoke(entry.action);
  };

  const onInputKeyDown = (event: KeyboardEvent<HTMLInputElement>) => {
    if (event.altKey || event.ctrlKey || event.metaKey) return;
    const last = results.length - 1;
    let next: number | null = null;
    if (event.key === 'ArrowDown') next = current >= last ? 0 : current + 1;
    else if (event.key === 'ArrowUp') next = current <= 0 ? last : current - 1;
    else if (event.key === 'PageDown') next = Math.min(current + 5, last);
    else if (event.key === 'PageUp') next = Math.max(current - 5, 0);
    else if (event.key === 'Enter') {
      event.preventDefault();
      run(results[current]);
      return;
    } else if (event.key === 'Escape') {
      event.preventDefault();
      onClose();
      return;
    }
    if (next === null || results.length === 0) return;
    event.preventDefault();
    setActive(next);
  };

  const grouped = query.trim() === '';
  const groups = grouped ? groupEntries(results) : [{ name: null, entries: results }];
  let index = 0;

  return (
    <>
      <div className="command-palette__head">
        <h2 id={titleId} className="command-palette__title">
          {t('palette.title')}
        </h2>
        <Button onClick={onClose} className="command-palette__close">
          {t('palette.close')}
        </Button>
      </div>
      <label htmlFor={`${ids}-input`} className="command-palette__label">
        {t('palette.searchLabel')}
      </label>
      <input
        id={`${ids}-input`}
        className="command-palette__input"
        type="text"
        role="combobox"
        aria-expanded={results.length > 0}
        aria-controls={listId}
        aria-autocomplete="list"
        aria-activedescendant={results.length > 0 ? optionId(current) : undefined}
        aria-describedby={hintId}
        autoComplete="off"
        spellCheck={false}
        placeholder={t('palette.searchPlaceholder')}
        value={query}
        onChange={(event) => {
          setQuery(event.target.value);
        }}
        onKeyDown={onInputKeyDown}
      />
      <p id={hintId} className="command-palette__hint">
        {t('palette.hint')}
      </p>
      <div id={listId} role="listbox" aria-label={t('palette.listLabel')} className="command-palette__list">
        {groups.map((group, groupIndex) => {
          const options = group.entries.map((entry) => {
            const i = index++;
            return (
              <PaletteOption
                key={entry.action.id}
                id={optionId(i)}
                entry={entry}
                selected={i === current}
                onPick={() => run(entry)}
                onPoint={() => setActive(i)}
              />
            );
          });
          if (group.name === null) return options;
          const groupId = `${ids}-group-${groupIndex}`;
          return (
            <div key={group.name} role="group" aria-labelledby={groupId} className="command-palette__group">
              <div id={groupId} role="presentation" className="command-palette__group-name">
                {group.name}
              </div>
              {options}
            </div>
          );
        })}
      </div>
      {results.length === 0 ? (
        <p className="command-palette__empty">{t('palette.noResults', { query })}</p>
      ) : null}
      <p role="status" className="command-palette__count">
        {t('palette.resultCount', { count: results.length })}
      </p>
    </>
  );
}

function groupEntries(entries: readonly Entry[]): { name: string | null; entries: Entry[] }[] {
  const groups = new Map<string, Entry[]>();
  for (const entry of entries) {
    const name = entry.action.group ?? '';
    groups.set(name, [...(groups.get(name) ?? []), entry]);
  }
  return [...groups].map(([name, list]) => ({ name: name === '' ? null : name, entries: list }));
}

interface PaletteOptionProps {
  id: string;
  entry: Entry;
  selected: boolean;
  onPick: () => void;
  onPoint: () => void;
}

function PaletteOption({ id, entry, selected, onPick, onPoint }: PaletteOptionProps) {
  const { t } = useTranslation('keyboard');
  const working = entry.bindings.filter((b) => b.active);
  return (
    <div
      id={id}
      role="option"
      aria-selected={selected}
      aria-keyshortcuts={toAriaKeyShortcuts(working.map((b) => b.binding))}
      // Focusable for switch scanning, which reaches items by focus; the keyboard stays in the search box.
      tabIndex={-1}
      className="command-palette__option"
      onMouseDown={(event) => event.preventDefault()}
      onMouseMove={onPoint}
      onClick={onPick}
    >
      <span className="command-palette__option-label">{entry.action.label}</span>
      <span className="command-palette__keys">
        {working.length === 0 ? (
          <span className="command-palette__no-keys">{t('palette.noShortcut')}</span>
        ) : (
          working.map((b) => <BindingKeys key={b.binding} binding={b.binding} />)
        )}
      </span>
    </div>
  );
}

/** Keys drawn as keycaps; a sequence says "then" between its keys, in words, for everyone. */
export function BindingKeys({ binding }: { binding: string }) {
  const { t } = useTranslation('keyboard');
  const strokes = displayStrokes(binding);
  return (
    <span className="binding-keys">
      {strokes.map((stroke, i) => (
        <span key={i} className="binding-keys__stroke">
          {i > 0 ? <span className="binding-keys__then">{t('keys.then')}</span> : null}
          <kbd className="binding-keys__kbd">{stroke}</kbd>
        </span>
      ))}
    </span>
  );
}
