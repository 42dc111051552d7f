/**
 * Where each composer is, by its draft key, so "Copy back" can put text
 * into it and move focus there, wherever it is: a composer registers while
 * it is on screen, with how to focus it and (when it is not always shown)
 * the route that shows it.
 */
export interface ComposerTarget {
  /** Its name as the worker sees it (its label), for "put back into …". */
  label: string;
  focus(): void;
  /** The hash of the view that shows it (`#/tickets/42`); null when it is always on screen. */
  route: string | null;
}

export class ComposerRegistry {
  private readonly shown = new Map<string, ComposerTarget>();
  /** Composers seen this session, so one that is not mounted now can still be named and reached. */
  private readonly seen = new Map<string, { label: string; route: string | null }>();
  private focusWhenShown: string | null = null;

  register(draftKey: string, target: ComposerTarget): () => void {
    this.shown.set(draftKey, target);
    this.seen.set(draftKey, { label: target.label, route: target.route });
    if (this.focusWhenShown === draftKey) {
      this.focusWhenShown = null;
      target.focus();
    }
    return () => {
      if (this.shown.get(draftKey) === target) this.shown.delete(draftKey);
    };
  }

  /** The route that shows the composer: null if it is on screen now or always is, undefined if unknown. */
  routeOf(draftKey: string): string | null | undefined {
    if (this.shown.has(draftKey)) return null;
    return this.seen.get(draftKey)?.route;
  }

  labelOf(draftKey: string): string | null {
    return this.seen.get(draftKey)?.label ?? null;
  }

  /** Focuses it now if it is on screen, else as soon as it registers (after a navigation). */
  focus(draftKey: string): void {
    const target = this.shown.get(draftKey);
    if (target) {
      this.focusWhenShown = null;
      target.focus();
    } else {
      this.focusWhenShown = draftKey;
    }
  }
}
