import { useCallback, useId, useRef, useState, type HTMLAttributes, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import {
  findClashes,
  isCharacterOnly,
  type ShortcutClash,
  type ShortcutPreferences,
} from '../../../shared/a11y';
import { Button } from '../../ui/Button';
import { useA11yProfile } from '../profile/ProfileProvider';
import { useActions, type RegisteredAction } from './actions';
import { BindingKeys } from './CommandPalette';
import { describeBinding } from './format-binding';
import { ShortcutRecorder } from './ShortcutRecorder';
import { bindingsByAction, tableFor } from './useShortcutTable';
import './ShortcutSettings.css';

type Mode = 'change' | 'add';

interface Draft {
  readonly actionId: string;
  readonly mode: Mode;
  /** Set once recorded; warnings are shown before it is saved. */
  readonly binding: string | null;
}

const changeMode: Mode = 'change';
const addMode: Mode = 'add';

export type ShortcutSettingsProps = HTMLAttributes<HTMLDivElement>;

/**
 * Remapping for every action on the current screen: change, add or reset a
 * binding, with a clash check before anything is saved. Saved whole into
 * `profile.shortcuts`, so one worker's keys follow them on this computer.
 */
export function ShortcutSettings({ className, ...rest }: ShortcutSettingsProps) {
  const { t } = useTranslation(['keyboard', 'errors']);
  const { profile, update } = useA11yProfile();
  const actions = useActions();
  const [draft, setDraft] = useState<Draft | null>(null);
  /** The row whose editor is open: one button per row keeps the table short to scan and to Tab through. */
  const [open, setOpen] = useState<string | null>(null);
  const [message, setMessage] = useState('');
  const rows = useRef(new Map<string, HTMLDivElement | null>());
  const ids = useId();
  const prefs = profile.shortcuts;
  const byAction = bindingsByAction(tableFor(actions, prefs));

  const save = useCallback(
    async (next: ShortcutPreferences) => {
      const ack = await update({ shortcuts: next });
      setMessage(
        ack.ok
          ? t('keyboard:settings.saved')
          : t('keyboard:settings.saveFailed', { reason: t(`errors:codes.${ack.error.code}`) }),
      );
    },
    [update, t],
  );

  const backTo = (actionId: string, mode: Mode) => {
    // After the row re-renders, so the button that started it exists again.
    requestAnimationFrame(() =>
      rows.current.get(actionId)?.querySelector<HTMLButtonElement>(`[data-mode="${mode}"]`)?.focus(),
    );
  };

  const withBinding = (d: Draft, binding: string): ShortcutPreferences => {
    const current = (byAction.get(d.actionId) ?? []).map((b) => b.binding);
    const list = d.mode === 'change' ? [binding] : [...current.filter((b) => b !== binding), binding];
    return { ...prefs, overrides: { ...prefs.overrides, [d.actionId]: list } };
  };

  const commit = (d: Draft, binding: string) => {
    setDraft(null);
    void save(withBinding(d, binding));
    backTo(d.actionId, d.mode);
  };

  const recorded = (d: Draft, binding: string) => {
    if (warningsFor(actions, withBinding(d, binding), d.actionId, binding).length === 0) commit(d, binding);
    else setDraft({ ...d, binding });
  };

  const cancel = (d: Draft) => {
    setDraft(null);
    backTo(d.actionId, d.mode);
  };

  const reset = (actionId: string) => {
    const overrides = Object.fromEntries(Object.entries(prefs.overrides).filter(([id]) => id !== actionId));
    void save({ ...prefs, overrides });
    // The reset button goes with the override; Change, beside it, takes focus instead of the page.
    backTo(actionId, changeMode);
  };

  const labelOf = (id: string) => actions.find((a) => a.id === id)?.label ?? id;

  return (
    <div className={['shortcut-settings', className].filter(Boolean).join(' ')} {...rest}>
      <h2 className="shortcut-settings__title">{t('keyboard:settings.title')}</h2>
      <p className="shortcut-settings__intro">{t('keyboard:settings.intro')}</p>

      <table className="shortcut-settings__table">
        <caption className="visually-hidden">{t('keyboard:settings.tableCaption')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('keyboard:settings.action')}</th>
            <th scope="col">{t('keyboard:settings.shortcuts')}</th>
            <th scope="col">{t('keyboard:settings.manage')}</th>
          </tr>
        </thead>
        <tbody>
          {actions.map((action) => (
            <ShortcutRow
              key={action.id}
              action={action}
              bindings={byAction.get(action.id) ?? []}
              editorId={`${ids}-editor-${action.id}`}
              open={open === action.id}
              onToggle={() => {
                setDraft(null);
                setOpen(open === action.id ? null : action.id);
              }}
            >
              {open !== action.id ? null : draft?.actionId === action.id ? (
                draft.binding === null ? (
                  <ShortcutRecorder
                    actionLabel={action.label}
                    pauseMs={prefs.sequenceTimeoutMs}
                    onRecorded={(binding) => recorded(draft, binding)}
                    onCancel={() => cancel(draft)}
                  />
                ) : (
                  <ClashReview
                    warnings={warningsFor(
                      actions,
                      withBinding(draft, draft.binding),
                      action.id,
                      draft.binding,
                    )}
                    actionId={action.id}
                    binding={draft.binding}
                    labelOf={labelOf}
                    onConfirm={() => draft.binding !== null && commit(draft, draft.binding)}
                    onCancel={() => cancel(draft)}
                  />
                )
              ) : (
                <div
                  ref={(el) => void rows.current.set(action.id, el)}
                  role="group"
                  aria-label={t('keyboard:settings.editorLabel', { action: action.label })}
                  className="shortcut-settings__editor"
                >
                  <Button
                    data-mode={changeMode}
                    aria-label={t('keyboard:settings.changeLabel', { action: action.label })}
                    onClick={() => setDraft({ actionId: action.id, mode: changeMode, binding: null })}
                  >
                    {t('keyboard:settings.change')}
                  </Button>
                  <Button
                    data-mode={addMode}
                    aria-label={t('keyboard:settings.addLabel', { action: action.label })}
                    onClick={() => setDraft({ actionId: action.id, mode: addMode, binding: null })}
                  >
                    {t('keyboard:settings.add')}
                  </Button>
                  {prefs.overrides[action.id] !== undefined ? (
                    <Button
                      aria-label={t('keyboard:settings.resetLabel', { action: action.label })}
                      onClick={() => reset(action.id)}
                    >
                      {t('keyboard:settings.reset')}
                    </Button>
                  ) : null}
                </div>
              )}
            </ShortcutRow>
          ))}
        </tbody>
      </table>

      <div className="shortcut-settings__footer">
        <Button
          onClick={() => void save({ ...prefs, overrides: {} })}
          disabled={Object.keys(prefs.overrides).length === 0}
        >
          {t('keyboard:settings.resetAll')}
        </Button>
        <p role="status" className="shortcut-settings__status">
          {message}
        </p>
      </div>
    </div>
  );
}

type Warning = ShortcutClash | { readonly kind: 'character'; readonly binding: string };

/** What the new binding of `actionId` runs into; clashes between other actions are not this change's business. */
function warningsFor(
  actions: readonly RegisteredAction[],
  prefs: ShortcutPreferences,
  actionId: string,
  binding: string,
): Warning[] {
  const table = tableFor(actions, prefs);
  const warnings: Warning[] = findClashes(table).filter((c) => {
    if (c.kind === 'duplicate') return c.binding === binding && c.actionIds.includes(actionId);
    if (c.kind === 'prefix') {
      return (
        (c.binding === binding || c.longer === binding) &&
        c.actionIds.includes(actionId) &&
        c.actionIds[0] !== c.actionIds[1]
      );
    }
    return c.actionId === actionId && c.binding === binding;
  });
  if (!prefs.characterKeys && isCharacterOnly(binding)) warnings.push({ kind: 'character', binding });
  return warnings;
}

interface ShortcutRowProps {
  action: RegisteredAction;
  bindings: readonly { binding: string; active: boolean }[];
  editorId: string;
  open: boolean;
  onToggle: () => void;
  /** The open editor: change, add or reset, then the recorder. */
  children?: ReactNode;
}

/** A disclosure per command (APG): Edit shows its change, add and reset buttons in the row below. */
function ShortcutRow({ action, bindings, editorId, open, onToggle, children }: ShortcutRowProps) {
  const { t } = useTranslation('keyboard');
  return (
    <>
      <tr>
        <th scope="row" className="shortcut-settings__action">
          {action.label}
        </th>
        <td>
          {bindings.length === 0 ? (
            <span className="shortcut-settings__none">{t('palette.noShortcut')}</span>
          ) : (
            <ul className="shortcut-settings__bindings">
              {bindings.map((b) => (
                <li key={b.binding}>
                  <BindingKeys binding={b.binding} />
                  {b.active ? null : (
                    <span className="shortcut-settings__off">{t('settings.characterOffNote')}</span>
                  )}
                </li>
              ))}
            </ul>
          )}
        </td>
        <td>
          <Button
            className="shortcut-settings__edit"
            aria-label={t('settings.editLabel', { action: action.label })}
            aria-expanded={open}
            aria-controls={open ? editorId : undefined}
            onClick={onToggle}
          >
            {t('settings.edit')}
          </Button>
        </td>
      </tr>
      {open ? (
        <tr id={editorId} className="shortcut-settings__editor-row">
          <td colSpan={3}>{children}</td>
        </tr>
      ) : null}
    </>
  );
}

interface ClashReviewProps {
  warnings: readonly Warning[];
  actionId: string;
  binding: string;
  labelOf: (id: string) => string;
  onConfirm: () => void;
  onCancel: () => void;
}

function ClashReview({ warnings, actionId, binding, labelOf, onConfirm, onCancel }: ClashReviewProps) {
  const { t } = useTranslation('keyboard');
  const then = t('keys.then');
  const keys = describeBinding(binding, then);
  const text = (w: Warning): string => {
    switch (w.kind) {
      case 'duplicate':
        return t('settings.clashDuplicate', {
          keys,
          action: w.actionIds
            .filter((id) => id !== actionId)
            .map(labelOf)
            .join(t('settings.listSeparator')),
        });
      case 'prefix': {
        const other = w.actionIds.find((id) => id !== actionId) ?? actionId;
        return t('settings.clashPrefix', {
          keys: describeBinding(w.binding, then),
          longer: describeBinding(w.longer, then),
          action: labelOf(other),
        });
      }
      case 'screen-reader':
        return t('settings.clashScreenReader', {
          keys,
          readers: w.screenReaders.join(', '),
          reason: t(`settings.reasons.${w.reason}`),
        });
      case 'character':
        return t('settings.clashCharacter', { keys });
    }
  };
  return (
    <div className="shortcut-review">
      <div role="alert" className="shortcut-review__alert">
        <ul className="shortcut-review__list">
          {warnings.map((w, i) => (
            <li key={i}>{text(w)}</li>
          ))}
        </ul>
      </div>
      <div className="shortcut-review__buttons">
        <Button onClick={onConfirm}>{t('settings.saveAnyway')}</Button>
        <Button primary onClick={onCancel} autoFocus>
          {t('settings.cancel')}
        </Button>
      </div>
    </div>
  );
}
