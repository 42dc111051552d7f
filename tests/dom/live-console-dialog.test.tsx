import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { useState } from 'react';
import { I18nextProvider } from 'react-i18next';
import { describe, expect, it, vi } from 'vitest';
import type { Language } from '../../shared/i18n';
import { EndBroadcastDialog } from '../../renderer/live/EndBroadcastDialog';
import { i18nFor } from './support/providers';

/** The console's own use of the dialog: a button opens it, the answer closes it. */
function Harness({ onEnd, language }: { onEnd: () => void; language: Language }) {
  const [open, setOpen] = useState(false);
  const t = i18nFor(language).getFixedT(language, 'live');
  return (
    <>
      <button type="button" onClick={() => setOpen(true)}>
        {t('broadcast.end')}
      </button>
      <EndBroadcastDialog
        open={open}
        title="金桔专场"
        busy={false}
        onConfirm={() => {
          onEnd();
          setOpen(false);
        }}
        onCancel={() => setOpen(false)}
      />
    </>
  );
}

function setup(language: Language = 'en') {
  const onEnd = vi.fn();
  const user = userEvent.setup();
  render(
    <I18nextProvider i18n={i18nFor(language)}>
      <Harness onEnd={onEnd} language={language} />
    </I18nextProvider>,
  );
  return { onEnd, user };
}

describe('End broadcast confirmation', () => {
  it('asks in a modal dialog with focus on "Keep broadcasting", so a second Enter keeps the broadcast', async () => {
    const { onEnd, user } = setup();
    await user.click(screen.getByRole('button', { name: 'End broadcast' }));
    const dialog = screen.getByRole('dialog', { name: 'End the broadcast?' });
    expect(dialog).toHaveAttribute('aria-modal', 'true');
    expect(dialog).toHaveTextContent('金桔专场');
    const keep = screen.getByRole('button', { name: 'Keep broadcasting' });
    expect(keep).toHaveFocus();
    await user.keyboard('{Enter}');
    expect(onEnd).not.toHaveBeenCalled();
    expect(screen.queryByRole('dialog')).toBeNull();
  });

  it('ends on its own "End broadcast" button, reached by Tab, and keeps Tab inside', async () => {
    const { onEnd, user } = setup();
    await user.click(screen.getByRole('button', { name: 'End broadcast' }));
    const dialog = screen.getByRole('dialog');
    const confirm = screen.getAllByRole('button', { name: 'End broadcast' }).find((b) => dialog.contains(b));
    const keep = screen.getByRole('button', { name: 'Keep broadcasting' });
    // Keep comes first (the first thing scanning offers), End after it; Tab wraps inside the dialog.
    expect(dialog.querySelectorAll('button')[0]).toBe(keep);
    await user.tab();
    expect(confirm).toHaveFocus();
    await user.tab();
    expect(keep).toHaveFocus();
    await user.tab({ shift: true });
    expect(confirm).toHaveFocus();
    await user.keyboard('{Enter}');
    expect(onEnd).toHaveBeenCalledTimes(1);
  });

  it('takes Escape as keeping the broadcast', async () => {
    const { onEnd, user } = setup();
    await user.click(screen.getByRole('button', { name: 'End broadcast' }));
    const dialog = screen.getByRole('dialog');
    dialog.dispatchEvent(new Event('cancel', { cancelable: true }));
    await user.keyboard('{Escape}');
    expect(onEnd).not.toHaveBeenCalled();
    expect(screen.queryByRole('dialog')).toBeNull();
  });

  it('speaks Chinese: 结束直播 and 继续直播', async () => {
    const { onEnd, user } = setup('zh-CN');
    await user.click(screen.getByRole('button', { name: '结束直播' }));
    expect(screen.getByRole('dialog', { name: '要结束直播吗？' })).toBeInTheDocument();
    expect(screen.getByRole('button', { name: '继续直播' })).toHaveFocus();
    const dialog = screen.getByRole('dialog');
    await user.click(
      screen.getAllByRole('button', { name: '结束直播' }).find((b) => dialog.contains(b)) as HTMLElement,
    );
    expect(onEnd).toHaveBeenCalledTimes(1);
  });
});
