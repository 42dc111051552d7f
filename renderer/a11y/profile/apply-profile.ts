import type { A11yProfile } from '../../../shared/bridge';

/**
 * The page-wide parts of the profile become attributes on <html>, so every
 * stylesheet can follow them with plain selectors (`:root[data-theme=…]`).
 */
export function applyProfileToDocument(root: HTMLElement, profile: A11yProfile): void {
  root.style.setProperty('--text-scale', String(profile.textScale));
  root.dataset.theme = profile.theme;
  root.dataset.largeTargets = String(profile.largeTargets);
  root.dataset.reducedMotion = String(profile.reducedMotion);
  root.dataset.scanning = String(profile.scanning);
}
