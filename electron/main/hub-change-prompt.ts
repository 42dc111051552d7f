import { dialog, type BrowserWindow } from 'electron';
import type { Language } from '../../shared/bridge';
import { createI18n } from '../../shared/i18n';
import { fail, ok, type Ack } from '../../shared/protocol';

/**
 * The host's own prompt before the hub URL changes: drawn by Electron, not by
 * the page, so a tampered renderer cannot click it for the worker. "Keep the
 * current hub" is the default and the Escape answer.
 */
export async function confirmHubChange(
  window: BrowserWindow | null,
  language: Language,
  url: string | null,
): Promise<Ack<Record<string, never>>> {
  const t = createI18n(language).getFixedT(language, 'host');
  const options = {
    type: 'warning' as const,
    title: t('hubChange.title'),
    message: t('hubChange.message'),
    detail: url ? t('hubChange.detail', { url }) : t('hubChange.detailEmbedded'),
    buttons: [t('hubChange.cancel'), t('hubChange.confirm')],
    defaultId: 0,
    cancelId: 0,
    noLink: true,
  };
  const { response } =
    window && !window.isDestroyed()
      ? await dialog.showMessageBox(window, options)
      : await dialog.showMessageBox(options);
  return response === 1 ? ok({}) : fail('forbidden', 'The worker kept the current hub.');
}
