import { FileDown, FileSpreadsheet } from 'lucide-react';
import { useEffect, useId, useState } from 'react';
import { createPortal } from 'react-dom';
import { useTranslation } from 'react-i18next';
import { useSessionStore, useSessionUser } from '../../session/hooks';
import { Button } from '../../ui/Button';
import { downloadFile } from '../../ui/download';
import { printDocument } from '../../ui/print/print';
import { QuotaFeedback, type Feedback } from './QuotaFeedback';
import { QuotaPrintView } from './QuotaPrintView';
import { quotaStore, type QuotaReport } from './quota-store';

/**
 * The annual verification pack: the hub's XLSX (one row per disabled worker
 * per month), downloaded, and this report as a PDF, printed from its print
 * view (Electron's printToPDF, or the browser's print in web mode).
 */
export function PackActions({ report }: { report: QuotaReport }) {
  const { t } = useTranslation(['quota', 'errors']);
  const store = useSessionStore(quotaStore);
  const user = useSessionUser();
  const [busy, setBusy] = useState<'export' | 'pdf' | null>(null);
  const [feedback, setFeedback] = useState<Feedback | null>(null);
  const headingId = useId();
  const hintId = useId();
  const organisation = user.organisation.name;
  const fileName = t('print.title', { organisation, year: report.year });

  useEffect(() => {
    if (busy !== 'pdf') return;
    let cancelled = false;
    // One frame after the print view is in the page, so the PDF is of what was rendered.
    const frame = requestAnimationFrame(() => {
      void printDocument(fileName)
        .then((outcome) => {
          if (cancelled) return;
          const text =
            outcome === 'saved'
              ? t('pack.pdfSaved')
              : outcome === 'printed'
                ? t('pack.pdfPrinted')
                : t('pack.pdfCancelled');
          setFeedback({ text, failed: false });
        })
        .catch((error: unknown) => {
          if (!cancelled) setFeedback({ text: t('pack.pdfFailed', { reason: String(error) }), failed: true });
        })
        .finally(() => {
          if (!cancelled) setBusy(null);
        });
    });
    return () => {
      cancelled = true;
      cancelAnimationFrame(frame);
    };
  }, [busy, fileName, t]);

  const exportPack = async () => {
    if (busy !== null) return;
    setBusy('export');
    setFeedback({ text: t('pack.exporting'), failed: false });
    try {
      const answer = await store.exportPack();
      if (!answer.ok) {
        setFeedback({
          text: t('pack.exportFailed', { reason: t(`errors:codes.${answer.error.code}`) }),
          failed: true,
        });
        return;
      }
      downloadFile(answer.data);
      setFeedback({ text: t('pack.exported', { file: answer.data.fileName }), failed: false });
    } finally {
      setBusy(null);
    }
  };

  return (
    <section aria-labelledby={headingId} aria-describedby={hintId} className="quota-card">
      <h2 id={headingId} className="quota-card__title">
        {t('pack.title')}
      </h2>
      <p id={hintId} className="field__hint">
        {t('pack.hint')}
      </p>
      <div className="quota-actions" role="group" aria-labelledby={headingId}>
        {/* Never disabled while busy: a disabled button drops the keyboard's and the switch's place. */}
        <Button icon={FileSpreadsheet} aria-disabled={busy !== null} onClick={() => void exportPack()}>
          {t('pack.export')}
        </Button>
        <Button icon={FileDown} aria-disabled={busy !== null} onClick={() => setBusy((b) => b ?? 'pdf')}>
          {t('pack.pdf')}
        </Button>
      </div>
      <QuotaFeedback feedback={feedback} />
      {busy === 'pdf'
        ? createPortal(<QuotaPrintView report={report} organisation={organisation} />, document.body)
        : null}
    </section>
  );
}
