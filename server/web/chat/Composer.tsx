import { useEffect, useId, useState, type ChangeEvent, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { attachmentMimes } from '../../../shared/protocol/chat';
import type { Attachment } from '../../../shared/protocol/tickets';
import type { ChatClient, ChatSnapshot, PhotoProblem } from './chat-client';

type Photo =
  | { status: 'uploading'; preview: string }
  | { status: 'ready'; preview: string; attachment: Attachment }
  | { status: 'refused'; problem: PhotoProblem };

/** The message box, its Send button, and a photo to go with the next message. */
export function Composer({ client, chat, now }: { client: ChatClient; chat: ChatSnapshot; now: number }) {
  const { t } = useTranslation('chat');
  const id = useId();
  const [text, setText] = useState('');
  const [photo, setPhoto] = useState<Photo | null>(null);
  const preview = photo && photo.status !== 'refused' ? photo.preview : null;
  useEffect(() => (preview ? () => URL.revokeObjectURL(preview) : undefined), [preview]);

  const pick = async (event: ChangeEvent<HTMLInputElement>) => {
    const file = event.target.files?.[0];
    // Cleared, so choosing the same file again is a change too.
    event.target.value = '';
    if (!file) return;
    const url = URL.createObjectURL(file);
    setPhoto({ status: 'uploading', preview: url });
    const result = await client.uploadPhoto(file);
    if (result.ok) setPhoto({ status: 'ready', preview: url, attachment: result.attachment });
    else {
      URL.revokeObjectURL(url);
      setPhoto({ status: 'refused', problem: result.problem });
    }
  };

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const attachment = photo?.status === 'ready' ? photo.attachment : null;
    if (text.trim() === '' && attachment === null) return;
    client.send(text, attachment);
    setText('');
    if (attachment) setPhoto(null);
  };

  const slowDown = chat.slowDownUntil !== null && chat.slowDownUntil > now;
  const canSend = text.trim() !== '' || photo?.status === 'ready';

  return (
    <section className="chat-card chat-composer" aria-labelledby={`${id}-heading`}>
      <h2 id={`${id}-heading`} className="visually-hidden">
        {t('composer.label')}
      </h2>
      {slowDown ? (
        <p className="chat-problem" role="alert">
          {t('composer.slowDown', {
            seconds: Math.max(1, Math.ceil(((chat.slowDownUntil ?? now) - now) / 1000)),
          })}
        </p>
      ) : null}
      <form className="chat-form" onSubmit={submit}>
        <div className="chat-field">
          <label htmlFor={`${id}-message`}>{t('composer.message')}</label>
          <textarea
            id={`${id}-message`}
            name="message"
            rows={3}
            maxLength={4000}
            value={text}
            onChange={(e) => {
              setText(e.target.value);
              client.typing();
            }}
          />
        </div>
        {photo ? (
          <div className="chat-photo-pick">
            {photo.status === 'refused' ? (
              <p className="chat-problem" role="alert">
                {t(`photo.${photo.problem}`)}
              </p>
            ) : (
              <>
                <img
                  className="chat-photo chat-photo--preview"
                  src={photo.preview}
                  alt={t('composer.preview')}
                />
                <p role="status" className="chat-hint">
                  {photo.status === 'uploading' ? t('composer.uploading') : t('composer.ready')}
                </p>
              </>
            )}
            <button type="button" className="chat-button chat-button--quiet" onClick={() => setPhoto(null)}>
              {t('composer.removePhoto')}
            </button>
          </div>
        ) : null}
        <div className="chat-actions">
          <span className="chat-attach">
            <input
              id={`${id}-photo`}
              className="chat-file"
              type="file"
              accept={attachmentMimes.join(',')}
              aria-describedby={`${id}-photo-hint`}
              onChange={(e) => void pick(e)}
            />
            <label htmlFor={`${id}-photo`} className="chat-button">
              {t('composer.attach')}
            </label>
          </span>
          <span id={`${id}-photo-hint`} className="chat-hint">
            {t('composer.attachHint')}
          </span>
          <button type="submit" className="chat-button chat-button--primary" aria-disabled={!canSend}>
            {t('composer.send')}
          </button>
        </div>
      </form>
    </section>
  );
}
