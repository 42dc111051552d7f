import { useCallback, useEffect, useReducer, useRef, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import {
  containerNode,
  firstItemIn,
  switchKeyTypes,
  type ScannerState,
  type ScanSettings,
  type ScanTarget,
} from '../../../shared/a11y';
import { useA11yProfile } from '../profile/ProfileProvider';
import { activateElement, isTextTarget, type Activation } from './activate';
import { playTick, speakLabel, stopSpeaking } from './feedback';
import { ScanHighlight } from './ScanHighlight';
import { ScanKeyboard } from './ScanKeyboard';
import { ScanStatus } from './ScanStatus';
import {
  buildScanTree,
  elementForScanId,
  isScanItem,
  keyCaptureActive,
  scanIdOf,
  scanIgnoreAttribute,
} from './scan-dom';
import { ScanSession } from './scan-session';
import { useGamepadSwitches } from './useGamepadSwitches';
import { useLabelText } from './useLabelText';

export interface ScanProviderProps {
  children: ReactNode;
}

/**
 * Switch access for the whole app. With scanning off in the profile it renders
 * only its children: no listener, no observer, no timer, so Tab and the arrow
 * keys behave exactly as they would without it.
 */
export function ScanProvider({ children }: ScanProviderProps) {
  const { profile } = useA11yProfile();
  return (
    <>
      {children}
      {profile.scanning ? <ScanningOn settings={profile.scan} reducedMotion={profile.reducedMotion} /> : null}
    </>
  );
}

/** Attributes whose change can add, remove or rename a scan node. */
const observedAttributes = [
  'hidden',
  'inert',
  'disabled',
  'aria-hidden',
  'aria-disabled',
  'aria-label',
  'aria-labelledby',
  'aria-modal',
  'tabindex',
  'role',
  'class',
  'style',
  'open',
  'href',
  'type',
  'contenteditable',
  'data-scan-modal',
];

/** Long enough to fold a React commit into one rebuild, short enough that the user never waits on it. */
const settleMs = 50;

type Phase = ScannerState['phase'];

/** The highlighted item, or the first item of the highlighted group or row: what must be in view. */
function itemToShow(state: ScannerState): string | null {
  const highlight = state.highlight;
  if (highlight === null) return null;
  if (highlight.kind === 'row') return highlight.itemIds[0] ?? null;
  if (highlight.kind === 'backUp') return null;
  const node = containerNode(state.tree, highlight.nodeId);
  return node === undefined ? null : (firstItemIn(node)?.id ?? null);
}

/** Focus is somewhere typing goes: a text field or an editable region. */
function typingTarget(el: Element | null): boolean {
  if (el === null) return false;
  return isTextTarget(el) || (el instanceof HTMLElement && el.isContentEditable);
}

function ScanningOn({ settings, reducedMotion }: { settings: ScanSettings; reducedMotion: boolean }) {
  const { t, i18n } = useTranslation('a11y');
  const labelText = useLabelText();
  const [target, setTarget] = useState<ScanTarget | null>(null);
  const [phase, setPhase] = useState<Phase>('stopped');
  const [panel, setPanel] = useState<Activation | null>(null);
  const [layoutVersion, relayout] = useReducer((n: number) => n + 1, 0);
  const session = useRef<ScanSession | null>(null);
  // The session outlives renders; it reads the newest words and settings through refs.
  const words = useRef({ t, labelText, language: i18n.language, settings, reducedMotion });
  const panelOpen = useRef(false);
  useEffect(() => {
    words.current = { t, labelText, language: i18n.language, settings, reducedMotion };
    panelOpen.current = panel !== null;
  });

  useEffect(() => {
    const current = new ScanSession(words.current.settings, {
      buildTree: () => buildScanTree(document, { roleName: (role) => words.current.t(`scan.roles.${role}`) }),
      render(state) {
        setTarget(state.highlight);
        setPhase(state.phase);
      },
      focusedItem() {
        const focused = document.activeElement;
        if (focused === null || focused === document.body || !isScanItem(focused)) return null;
        return scanIdOf(focused);
      },
      moved(state) {
        const itemId = itemToShow(state);
        if (itemId === null) return;
        const still =
          words.current.reducedMotion || window.matchMedia('(prefers-reduced-motion: reduce)').matches;
        elementForScanId(document, itemId)?.scrollIntoView({
          block: 'nearest',
          inline: 'nearest',
          behavior: still ? 'instant' : 'smooth',
        });
      },
      activate(itemId) {
        const el = elementForScanId(document, itemId);
        if (el === null) return;
        const opened = activateElement(el);
        if (opened !== null) setPanel(opened);
      },
      speak(label) {
        if (words.current.settings.speakLabels)
          speakLabel(words.current.labelText(label), words.current.language);
      },
      tick() {
        if (words.current.settings.tickSound) playTick();
      },
    });
    session.current = current;
    current.start();

    const onKey = (event: KeyboardEvent) => {
      // An IME composition belongs to the keyboard user, never to scanning.
      if (event.isComposing || !current.handles(event.code)) return;
      // The worker asked for typing keys to type in a field while the on-screen keyboard is closed.
      const where = { inTextField: typingTarget(document.activeElement), keyboardOpen: panelOpen.current };
      if (switchKeyTypes(words.current.settings, event.code, where)) return;
      // A key being assigned is not a press: without this the switch would both scan and be recorded.
      // Key-ups still count, so a press begun before the capture (the one on Assign) ends cleanly.
      if (event.type === 'keydown' && keyCaptureActive(document)) return;
      const at = performance.now();
      const consumed =
        event.type === 'keydown'
          ? current.raw({ type: 'down', input: event.code, at, repeat: event.repeat })
          : current.raw({ type: 'up', input: event.code, at });
      if (consumed) {
        event.preventDefault();
        event.stopPropagation();
      }
    };
    const mouseInput = (button: number) =>
      button === 0 ? 'mouse:primary' : button === 1 ? 'mouse:middle' : 'mouse:secondary';
    const onPointer = (event: PointerEvent) => {
      const input = mouseInput(event.button);
      if (!current.handles(input)) return;
      const at = performance.now();
      current.raw(event.type === 'pointerdown' ? { type: 'down', input, at } : { type: 'up', input, at });
      event.preventDefault();
      event.stopPropagation();
    };
    // A mouse that is a switch must not also click what is under it; scanning's own clicks are untrusted.
    const onClick = (event: MouseEvent) => {
      if (event.isTrusted && current.handles(mouseInput(event.button))) {
        event.preventDefault();
        event.stopPropagation();
      }
    };
    const onBlur = () => current.raw({ type: 'reset' });

    let settle: ReturnType<typeof setTimeout> | null = null;
    const observer = new MutationObserver((records) => {
      const relevant = records.some((record) => {
        const node = record.target;
        const el = node instanceof Element ? node : node.parentElement;
        return el === null || el.closest(`[${scanIgnoreAttribute}]`) === null;
      });
      if (!relevant) return;
      if (settle !== null) clearTimeout(settle);
      settle = setTimeout(() => {
        settle = null;
        setPanel((open) => (open !== null && !open.target.isConnected ? null : open));
        current.treeChanged();
        relayout();
      }, settleMs);
    });
    observer.observe(document.body, {
      subtree: true,
      childList: true,
      characterData: true,
      attributes: true,
      attributeFilter: observedAttributes,
    });

    // One signal removes every listener on the way out.
    const listeners = new AbortController();
    const capture = { capture: true, signal: listeners.signal };
    window.addEventListener('keydown', onKey, capture);
    window.addEventListener('keyup', onKey, capture);
    window.addEventListener('pointerdown', onPointer, capture);
    window.addEventListener('pointerup', onPointer, capture);
    window.addEventListener('click', onClick, capture);
    window.addEventListener('blur', onBlur, { signal: listeners.signal });
    return () => {
      listeners.abort();
      observer.disconnect();
      if (settle !== null) clearTimeout(settle);
      current.dispose();
      session.current = null;
      stopSpeaking();
    };
  }, []);

  // The profile is replaced whole on any change (a theme, say): only a real scan change restarts the timer.
  const sent = useRef(JSON.stringify(settings));
  useEffect(() => {
    const now = JSON.stringify(settings);
    if (now === sent.current) return;
    sent.current = now;
    session.current?.settingsChanged(settings);
  }, [settings]);

  useGamepadSwitches(session, settings);
  const closePanel = useCallback(() => setPanel(null), []);

  return (
    <>
      <ScanHighlight
        target={target}
        phase={phase}
        colour={settings.highlightColour}
        layoutVersion={layoutVersion}
      />
      <ScanStatus phase={phase} layoutVersion={layoutVersion} />
      {panel !== null ? <ScanKeyboard activation={panel} onClose={closePanel} /> : null}
    </>
  );
}
