import './print.css';

export type PrintOutcome = 'saved' | 'printed' | 'cancelled';

/** Marks the element a print shows; everything else on the page is left out (./print.css). */
export const printRootAttribute = 'data-print-root';

/**
 * Prints the view whose root carries `data-print-root`. In Electron the host
 * renders the window to an A4 PDF (Chromium's printToPDF, with this page's
 * print CSS and the workstation's fonts, so Chinese stays real text) and asks
 * where to save it. In web mode there is no such window (the host answers
 * `unsupported`, or there is no preload bridge at all): the browser's own
 * print dialog opens, where "Save as PDF" is one of the printers.
 *
 * The preload bridge is read here rather than passed in so that every print
 * view (statements, the quota report) calls this one function the same way.
 */
export async function printDocument(fileName: string): Promise<PrintOutcome> {
  const bridge = typeof window === 'undefined' ? undefined : window.wings;
  if (bridge) {
    try {
      const answer = await bridge.call('print.pdf', { fileName: pdfName(fileName) });
      if (answer.ok) {
        if ('saved' in answer.data) return 'saved';
        if ('cancelled' in answer.data) return 'cancelled';
      }
    } catch {
      // The host did not answer: the browser's own print still works.
    }
  }
  window.print();
  return 'printed';
}

/** What the save dialog offers: the view's name with characters no file system takes replaced. */
export function pdfName(fileName: string): string {
  const cleaned = fileName
    .replace(/\.pdf$/i, '')
    .replace(/[\\/:*?"<>|]+/g, '-')
    .replace(/\p{Cc}+/gu, '')
    .replace(/^\.+/, '')
    .trim();
  // Cut by code points, so a name in Chinese (or with an emoji) is never left with half a character.
  const base = Array.from(cleaned).slice(0, 100).join('').trim();
  return `${base === '' ? 'wings' : base}.pdf`;
}
