import { Mic, MicOff } from 'lucide-react';
import { useCallback, useEffect, useId, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { Button } from '../ui/Button';
import { useDevicesSnapshot, useLinkSnapshot } from './live-hooks';
import type { LiveStore } from './live-store';
import type { DeviceChoice, DeviceProblem } from './media-devices';
import { MicMeter } from './MicMeter';
import { qualityPresets, type QualityPreset } from './quality';

/** Camera and microphone pickers, the muted preview, the level meter, quality and mute. */
export function DevicePanel({ store }: { store: LiveStore }) {
  const { t } = useTranslation('live');
  const devices = useDevicesSnapshot(store);
  const link = useLinkSnapshot(store);
  const video = useRef<HTMLVideoElement>(null);
  const headingId = useId();
  const cameraId = useId();
  const micId = useId();
  const qualityId = useId();
  const { audio } = store;
  const read = useCallback(() => audio.level(), [audio]);
  const publishing = link.state !== 'idle' && link.state !== 'failed';

  // The devices open with the console and let go when it closes, unless a broadcast is using them.
  useEffect(() => {
    void store.devices.open();
    return () => {
      if (store.client.snapshot.state === 'idle' || store.client.snapshot.state === 'failed')
        store.devices.close();
    };
  }, [store]);

  useEffect(() => {
    const el = video.current;
    if (el && el.srcObject !== devices.preview) el.srcObject = devices.preview;
  }, [devices.preview]);

  const problem = (which: DeviceProblem | null) => (which ? t(`devices.problem.${which}`) : null);
  const options = (list: readonly DeviceChoice[], unnamed: (n: number) => string) =>
    list.map((d, i) => (
      <option key={d.id} value={d.id}>
        {d.label || unnamed(i + 1)}
      </option>
    ));

  return (
    <section aria-labelledby={headingId} className="live-panel live-devices">
      <h2 id={headingId} className="live-panel__title">
        {t('devices.heading')}
      </h2>
      <div className="live-devices__preview">
        {/* The anchor's own picture: muted, so the mic never feeds back into the speakers. */}
        <video ref={video} autoPlay muted playsInline aria-label={t('devices.preview')} />
        {devices.preview ? null : <p className="live-devices__no-camera">{t('devices.noPreview')}</p>}
      </div>
      <div className="live-devices__fields">
        <div className="field">
          <label htmlFor={cameraId} className="field__label">
            {t('devices.camera')}
          </label>
          <select
            id={cameraId}
            className="field__control"
            value={devices.cameraId ?? ''}
            onChange={(event) => {
              store.audio.wake();
              void store.devices.setCamera(event.target.value || null);
            }}
          >
            <option value="">{t('devices.default')}</option>
            {options(devices.cameras, (n) => t('devices.cameraN', { n }))}
          </select>
          {devices.cameraProblem ? <p className="field__error">{problem(devices.cameraProblem)}</p> : null}
        </div>
        <div className="field">
          <label htmlFor={micId} className="field__label">
            {t('devices.microphone')}
          </label>
          <select
            id={micId}
            className="field__control"
            value={devices.microphoneId ?? ''}
            onChange={(event) => {
              store.audio.wake();
              void store.devices.setMicrophone(event.target.value || null);
            }}
          >
            <option value="">{t('devices.default')}</option>
            {options(devices.microphones, (n) => t('devices.microphoneN', { n }))}
          </select>
          {devices.microphoneProblem ? (
            <p className="field__error">{problem(devices.microphoneProblem)}</p>
          ) : null}
        </div>
        <div className="field">
          <label htmlFor={qualityId} className="field__label">
            {t('devices.quality')}
          </label>
          <select
            id={qualityId}
            className="field__control"
            value={devices.preset}
            disabled={publishing}
            aria-describedby={publishing ? `${qualityId}-hint` : undefined}
            onChange={(event) => void store.devices.setPreset(event.target.value as QualityPreset)}
          >
            {qualityPresets.map((preset) => (
              <option key={preset} value={preset}>
                {t(`devices.presets.${preset}`)}
              </option>
            ))}
          </select>
          {publishing ? (
            <p id={`${qualityId}-hint`} className="field__hint">
              {t('devices.qualityWhileLive')}
            </p>
          ) : null}
        </div>
        <MicMeter read={read} muted={devices.micMuted} />
        <Button
          icon={devices.micMuted ? MicOff : Mic}
          aria-pressed={devices.micMuted}
          className="live-devices__mute"
          onClick={() => store.devices.setMicMuted(!devices.micMuted)}
        >
          {t('devices.mute')}
        </Button>
        <p className="field__hint">{devices.micMuted ? t('devices.mutedHint') : ''}</p>
      </div>
    </section>
  );
}
