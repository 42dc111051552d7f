import { useEffect, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { OutputStatus } from '../../shared/protocol/live';
import { restreamStartInput } from '../../shared/protocol/live';
import { Button } from '../ui/Button';
import { TextField } from '../ui/Field';
import { useErrorText, useLiveSnapshot } from './live-hooks';
import { liveBroadcast, type LiveStore } from './live-store';

const idle: OutputStatus = { state: 'idle', error: null, file: null, startedAt: null };

/**
 * Sending the broadcast on to another platform's RTMP ingest (the URL and
 * key kept on the host, the key in a password field and never shown), and
 * recording it on the hub; each with its state and errors.
 */
export function RestreamPanel({ store }: { store: LiveStore }) {
  const { t } = useTranslation('live');
  const snapshot = useLiveSnapshot(store);
  const errorText = useErrorText();
  const headingId = useId();
  const [url, setUrl] = useState<string | null>(null);
  const [key, setKey] = useState<string | null>(null);
  const [invalid, setInvalid] = useState(false);
  const [saved, setSaved] = useState(false);
  const broadcast = liveBroadcast(snapshot.console);
  const restream = snapshot.console?.restream ?? idle;
  const recording = snapshot.console?.recording ?? idle;
  const shownUrl = url ?? snapshot.restreamTarget?.url ?? '';
  const shownKey = key ?? snapshot.restreamTarget?.streamKey ?? '';
  const failure =
    snapshot.failure &&
    (snapshot.failure.action === 'restream' ||
      snapshot.failure.action === 'recording' ||
      snapshot.failure.action === 'restreamSave')
      ? snapshot.failure
      : null;

  useEffect(() => {
    void store.loadRestreamTarget();
  }, [store]);

  const target = () => {
    const parsed = restreamStartInput
      .omit({ broadcastId: true })
      .safeParse({ url: shownUrl, streamKey: shownKey });
    setInvalid(!parsed.success);
    return parsed.success ? parsed.data : null;
  };
  const save = async () => {
    const checked = target();
    if (!checked) return;
    const answer = await store.saveRestreamTarget(checked);
    setSaved(answer.ok);
  };
  const start = () => {
    const checked = target();
    if (checked) void store.startRestream(checked);
  };
  const running = (s: OutputStatus) => s.state === 'running' || s.state === 'starting';
  const stateText = (s: OutputStatus) => t(`outputs.state.${s.state}`);

  return (
    <section aria-labelledby={headingId} className="live-panel live-outputs">
      <h2 id={headingId} className="live-panel__title">
        {t('outputs.heading')}
      </h2>
      <TextField
        label={t('outputs.url')}
        type="url"
        value={shownUrl}
        placeholder={t('outputs.urlPlaceholder')}
        autoComplete="off"
        spellCheck={false}
        error={invalid ? t('outputs.invalid') : undefined}
        onChange={(event) => {
          setUrl(event.target.value);
          setSaved(false);
        }}
      />
      <TextField
        label={t('outputs.key')}
        type="password"
        value={shownKey}
        autoComplete="off"
        hint={t('outputs.keyHint')}
        onChange={(event) => {
          setKey(event.target.value);
          setSaved(false);
        }}
      />
      <div role="group" aria-label={t('outputs.restreamActions')} className="live-outputs__actions">
        <Button onClick={() => void save()}>{t('outputs.save')}</Button>
        {running(restream) ? (
          <Button disabled={snapshot.busy === 'restream'} onClick={() => void store.stopRestream()}>
            {t('outputs.stopRestream')}
          </Button>
        ) : (
          <Button primary disabled={!broadcast || snapshot.busy === 'restream'} onClick={start}>
            {t('outputs.startRestream')}
          </Button>
        )}
      </div>
      <p role="status" className="live-outputs__state">
        {saved ? t('outputs.saved') : ''} {t('outputs.restreamState', { state: stateText(restream) })}
        {restream.error ? ` ${t('outputs.error', { error: restream.error })}` : ''}
      </p>
      <div role="group" aria-label={t('outputs.recordingActions')} className="live-outputs__actions">
        {running(recording) ? (
          <Button disabled={snapshot.busy === 'recording'} onClick={() => void store.stopRecording()}>
            {t('outputs.stopRecording')}
          </Button>
        ) : (
          <Button
            disabled={!broadcast || snapshot.busy === 'recording'}
            onClick={() => void store.startRecording()}
          >
            {t('outputs.startRecording')}
          </Button>
        )}
      </div>
      <p role="status" className="live-outputs__state">
        {t('outputs.recordingState', { state: stateText(recording) })}
        {recording.file ? ` ${t('outputs.file', { file: recording.file })}` : ''}
        {recording.error ? ` ${t('outputs.error', { error: recording.error })}` : ''}
      </p>
      {failure ? (
        <p role="alert" className="live-panel__error">
          {t(`failure.${failure.action}`, { reason: errorText(failure.error) })}
        </p>
      ) : null}
    </section>
  );
}
