import { app, dialog, type BrowserWindow } from 'electron';
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';

/**
 * The app window as an A4 PDF: Chromium renders it with the page's print CSS
 * (only the `data-print-root` element, black on white), with the fonts the
 * workstation has, so Chinese text is real text in the file. Where it goes is
 * the worker's choice, in a save dialog the host draws; the page only names
 * the file.
 */
export async function printWindowToPdf(
  window: BrowserWindow | null,
  fileName: string,
): Promise<{ saved: string } | { cancelled: true }> {
  if (!window || window.isDestroyed()) return { cancelled: true };
  const pdf = await window.webContents.printToPDF({ printBackground: true, pageSize: 'A4' });
  const options = {
    defaultPath: join(app.getPath('documents'), fileName),
    filters: [{ name: 'PDF', extensions: ['pdf'] }],
    properties: ['createDirectory', 'showOverwriteConfirmation'] as Array<
      'createDirectory' | 'showOverwriteConfirmation'
    >,
  };
  const chosen = await dialog.showSaveDialog(window, options);
  if (chosen.canceled || !chosen.filePath) return { cancelled: true };
  const path = chosen.filePath.toLowerCase().endsWith('.pdf') ? chosen.filePath : `${chosen.filePath}.pdf`;
  await writeFile(path, pdf);
  return { saved: path };
}
