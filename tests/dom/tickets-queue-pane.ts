import { afterAll, beforeAll } from 'vitest';

/** The list's pane, and each row's first guess of a height (6.5 rem at the root font size set below). */
export const paneHeight = 600;
export const rowHeight = 60;

/**
 * happy-dom lays nothing out and reports no resized boxes, so for the
 * calling test file the queue's pane is given a height and a scroll range
 * as a browser would, and scrolling it tells its listeners; the rows keep
 * their first guess of a height, made 60 px by the root font size. Ten rows
 * to a screen.
 */
export function layOutQueuePane(): void {
  const restore: (() => void)[] = [];
  beforeAll(() => {
    const client = Object.getOwnPropertyDescriptor(HTMLElement.prototype, 'clientHeight');
    const rootFont = document.documentElement.style.fontSize;
    document.documentElement.style.fontSize = `${rowHeight / 6.5}px`;
    Object.defineProperty(HTMLElement.prototype, 'clientHeight', {
      configurable: true,
      get(this: HTMLElement) {
        if (this.classList.contains('queue-list__viewport')) return paneHeight;
        return client?.get?.call(this) ?? 0;
      },
    });
    // The pane scrolls as a browser's does: as far as its rows reach, telling its listeners each time.
    const height = Object.getOwnPropertyDescriptor(HTMLElement.prototype, 'scrollHeight');
    const top = Object.getOwnPropertyDescriptor(Element.prototype, 'scrollTop');
    const isPane = (el: Element) => el.classList.contains('queue-list__viewport');
    const rowsHeight = (el: Element) =>
      Number.parseFloat((el.firstElementChild as HTMLElement | null)?.style.height ?? '0') || 0;
    Object.defineProperty(HTMLElement.prototype, 'scrollHeight', {
      configurable: true,
      get(this: HTMLElement) {
        return isPane(this) ? rowsHeight(this) : (height?.get?.call(this) ?? 0);
      },
    });
    Object.defineProperty(HTMLElement.prototype, 'scrollTop', {
      configurable: true,
      get(this: HTMLElement) {
        return top?.get?.call(this) ?? 0;
      },
      set(this: HTMLElement, value: number) {
        if (!isPane(this)) return top?.set?.call(this, value);
        const clamped = Math.max(0, Math.min(value, rowsHeight(this) - paneHeight));
        if (clamped === (top?.get?.call(this) ?? 0)) return;
        top?.set?.call(this, clamped);
        this.dispatchEvent(new Event('scroll'));
      },
    });
    restore.push(() => {
      if (client) Object.defineProperty(HTMLElement.prototype, 'clientHeight', client);
      document.documentElement.style.fontSize = rootFont;
      if (height) Object.defineProperty(HTMLElement.prototype, 'scrollHeight', height);
      delete (HTMLElement.prototype as { scrollTop?: number }).scrollTop;
    });
  });
  afterAll(() => restore.forEach((undo) => undo()));
}
