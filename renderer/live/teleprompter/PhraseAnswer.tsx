import { MessageCircleReply } from 'lucide-react';
import { useEffect, useId, useRef, useState, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { textLang } from '../../../shared/i18n/text-lang';
import type { LiveComment, TeleprompterScript } from '../../../shared/protocol/live';
import { Button } from '../../ui/Button';
import type { AnchorVoice } from '../voice/anchor-voice';
import { useTeleprompter } from './useAnchorVoice';
import './PhraseAnswer.css';

export interface PhraseAnswerProps {
  voice: AnchorVoice;
  comment: LiveComment;
}

/**
 * "Answer with phrase" beside a comment: a small menu of the quick phrases;
 * picking one speaks "@nickname, phrase" into the broadcast in the
 * teleprompter's voice language. The menu is a list of buttons, so Tab,
 * arrow keys and switch scanning all reach it; Escape closes it and gives
 * focus back to the button that opened it.
 */
export function PhraseAnswer({ voice, comment }: PhraseAnswerProps) {
  const { t, i18n } = useTranslation('teleprompter');
  const prompter = useTeleprompter();
  const [open, setOpen] = useState(false);
  const [failure, setFailure] = useState<string | null>(null);
  const menuId = useId();
  const opener = useRef<HTMLButtonElement>(null);
  const menu = useRef<HTMLUListElement>(null);
  const phrases = prompter.scripts.filter((s) => s.kind === 'phrase');

  const hasPhrases = phrases.length > 0;
  // Also when the phrases arrive after the menu opened (the first read of the scripts).
  useEffect(() => {
    if (open && hasPhrases) menu.current?.querySelector<HTMLButtonElement>('[role="menuitem"]')?.focus();
  }, [open, hasPhrases]);

  const close = () => {
    setOpen(false);
    opener.current?.focus();
  };
  const pick = (phrase: TeleprompterScript) => {
    const language = prompter.speechLanguage;
    // In the voice's language, not the screen's: the comma and its spacing are part of what is heard.
    const said = i18n.getFixedT(language, 'teleprompter')('answer.spoken', {
      nickname: comment.nickname,
      phrase: phrase.body,
    });
    close();
    setFailure(null);
    void voice.speakLine(`answer:${comment.id}:${phrase.id}`, said, language).then((answer) => {
      if (!answer.ok) setFailure(answer.error.message);
    });
  };

  const onMenuKey = (event: KeyboardEvent<HTMLUListElement>) => {
    const items = [...(menu.current?.querySelectorAll<HTMLButtonElement>('[role="menuitem"]') ?? [])];
    const at = items.findIndex((b) => b === document.activeElement);
    if (event.key === 'Escape') {
      event.preventDefault();
      close();
    } else if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
      event.preventDefault();
      const step = event.key === 'ArrowDown' ? 1 : -1;
      items[(at + step + items.length) % items.length]?.focus();
    } else if (event.key === 'Home' || event.key === 'End') {
      event.preventDefault();
      (event.key === 'Home' ? items[0] : items.at(-1))?.focus();
    }
  };

  return (
    <div className="phrase-answer">
      <Button
        ref={opener}
        icon={MessageCircleReply}
        aria-haspopup="menu"
        aria-expanded={open}
        aria-controls={open ? menuId : undefined}
        onClick={() => (open ? close() : setOpen(true))}
      >
        {t('answer.open')}
      </Button>
      {open ? (
        phrases.length === 0 ? (
          <p id={menuId} className="phrase-answer__none" role="status">
            {t('answer.none')}
          </p>
        ) : (
          <ul
            id={menuId}
            ref={menu}
            role="menu"
            aria-label={t('answer.menu', { nickname: comment.nickname })}
            className="phrase-answer__menu"
            onKeyDown={onMenuKey}
          >
            {phrases.map((phrase) => (
              <li key={phrase.id} role="none">
                <button
                  type="button"
                  role="menuitem"
                  className="phrase-answer__item"
                  lang={textLang(phrase.body)}
                  title={phrase.body}
                  onClick={() => pick(phrase)}
                >
                  {phrase.title}
                </button>
              </li>
            ))}
          </ul>
        )
      ) : null}
      {failure !== null ? (
        <p role="alert" className="phrase-answer__failure">
          {t('answer.failed', { message: failure })}
        </p>
      ) : null}
    </div>
  );
}
