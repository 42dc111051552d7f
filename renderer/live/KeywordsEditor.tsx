import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { keywordMax } from '../../shared/protocol/live';
import { Button } from '../ui/Button';
import { TextAreaField } from '../ui/Field';
import { useCommentsSnapshot, useErrorText } from './live-hooks';
import type { LiveStore } from './live-store';

/** A kept keyword is at most this long (the hub's bound). */
const wordMax = 30;

/** One word or phrase a line: the organisation's filter, applied before viewers see a comment. */
export function KeywordsEditor({ store, id }: { store: LiveStore; id: string }) {
  const { t } = useTranslation('live');
  const { keywords } = useCommentsSnapshot(store);
  const errorText = useErrorText();
  const [text, setText] = useState<string | null>(null);
  const [result, setResult] = useState<{ ok: boolean; text: string } | null>(null);
  const [saving, setSaving] = useState(false);
  const headingId = useId();
  const shown = text ?? (keywords ?? []).join('\n');

  const save = async () => {
    const words = shown
      .split('\n')
      .map((w) => w.trim())
      .filter((w) => w !== '');
    if (words.length > keywordMax || words.some((w) => w.length > wordMax)) {
      setResult({ ok: false, text: t('keywords.tooMany', { max: keywordMax, length: wordMax }) });
      return;
    }
    setSaving(true);
    const answer = await store.comments.saveKeywords(words);
    setSaving(false);
    if (answer.ok) {
      setText(null);
      setResult({ ok: true, text: t('keywords.saved', { count: words.length }) });
    } else setResult({ ok: false, text: t('keywords.failed', { reason: errorText(answer.error) }) });
  };

  return (
    <section id={id} aria-labelledby={headingId} className="live-keywords">
      <h3 id={headingId} className="live-sale__title">
        {t('keywords.heading')}
      </h3>
      <TextAreaField
        label={t('keywords.label')}
        hint={t('keywords.hint')}
        value={shown}
        disabled={keywords === null}
        onChange={(event) => setText(event.target.value)}
      />
      <Button primary disabled={saving || keywords === null} onClick={() => void save()}>
        {t('keywords.save')}
      </Button>
      <p role="status" className={result && !result.ok ? 'live-panel__error' : 'field__hint'}>
        {result?.text ?? ''}
      </p>
    </section>
  );
}
