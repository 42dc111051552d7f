import { act, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import type { LiveComment } from '../../shared/protocol/live';
import { roleOf } from '../../renderer/a11y/scan/scan-dom';
import { AnchorVoice } from '../../renderer/live/voice/anchor-voice';
import { PhraseAnswer } from '../../renderer/live/teleprompter/PhraseAnswer';
import { TeleprompterPanel } from '../../renderer/live/teleprompter/TeleprompterPanel';
import { RecordingPlayer, wavFacts } from './support/recording-player';
import { signedInDesk } from './support/signed-in';

/** Answering a viewer's comment with a quick phrase, over a real demo hub and the host's real espeak-ng. */
const desk = signedInDesk('anchor');

const comment: LiveComment = {
  id: 41,
  viewerId: 7,
  nickname: '柳州小芳',
  body: '金桔什么时候发货？',
  createdAt: Date.UTC(2026, 11, 3, 12, 0),
};

describe('answering a comment with a phrase', { timeout: 60_000 }, () => {
  it('opens a menu of the phrases by keyboard and speaks "@nickname, phrase" into the broadcast', async () => {
    const player = new RecordingPlayer();
    const voice = new AnchorVoice({ bridge: desk.ws.bridge, player });
    const user = userEvent.setup();
    desk.render(<PhraseAnswer voice={voice} comment={comment} />);

    const open = await screen.findByRole('button', { name: 'Answer with phrase' });
    expect(open).toHaveAttribute('aria-expanded', 'false');
    // Wait for the scripts before opening, as an anchor would see the phrases arrive.
    await waitFor(() => {
      open.focus();
      return expect(open).toHaveFocus();
    });
    await user.keyboard('{Enter}');
    const menu = await screen.findByRole('menu', { name: 'Quick phrases to answer 柳州小芳' });
    expect(open).toHaveAttribute('aria-expanded', 'true');
    await waitFor(() => expect(within(menu).getAllByRole('menuitem').length).toBeGreaterThanOrEqual(8));
    await waitFor(() => expect(within(menu).getByRole('menuitem', { name: '欢迎' })).toHaveFocus());

    // Escape closes it and gives focus back.
    await user.keyboard('{Escape}');
    expect(screen.queryByRole('menu')).toBeNull();
    expect(open).toHaveFocus();

    await user.keyboard('{Enter}');
    await waitFor(() => expect(screen.getByRole('menuitem', { name: '欢迎' })).toHaveFocus());
    // Down twice is the third phrase; End the last, the English thanks (English UI, English voice by default).
    await user.keyboard('{ArrowDown}{ArrowDown}');
    expect(screen.getByRole('menuitem', { name: '发货时间' })).toHaveFocus();
    await user.keyboard('{End}');
    expect(screen.getByRole('menuitem', { name: 'Thanks for buying' })).toHaveFocus();
    await user.keyboard('{Enter}');
    expect(screen.queryByRole('menu')).toBeNull();
    expect(open).toHaveFocus();

    const spoken = await player.nth(0);
    expect(spoken.to).toBe('broadcast');
    expect(wavFacts(spoken.wav)).toMatchObject({ riff: 'RIFF/WAVE', channels: 1, bits: 16 });
    const playing = voice.getSnapshot().playing;
    expect(playing?.lineId).toMatch(/^answer:41:\d+$/);
    expect(playing?.sentences).toEqual(['@柳州小芳, Thank you for your order!', 'We pack it today.']);
    act(() => spoken.finish());
    const rest = await player.nth(1);
    expect(voice.getSnapshot().playing?.index).toBe(1);
    act(() => rest.finish());
    await waitFor(() => expect(voice.getSnapshot().playing).toBeNull());
    voice.dispose();
  });

  it('speaks the answer in the Mandarin voice once the teleprompter chose it, and its menu is a scan group', async () => {
    const player = new RecordingPlayer();
    const voice = new AnchorVoice({ bridge: desk.ws.bridge, player });
    const user = userEvent.setup();
    desk.render(
      <>
        <TeleprompterPanel voice={voice} pinnedProductId={null} />
        <PhraseAnswer voice={voice} comment={comment} />
      </>,
    );
    await user.click(await screen.findByRole('radio', { name: 'Mandarin Chinese' }));
    await user.click(screen.getByRole('button', { name: 'Answer with phrase' }));
    const menu = await screen.findByRole('menu');

    // What switch scanning walks (renderer/a11y/scan/scan-dom.ts): a named menu is a group, its menuitems items.
    expect(roleOf(menu)).toBe('menu');
    expect(menu).toHaveAccessibleName('Quick phrases to answer 柳州小芳');
    expect(
      within(menu)
        .getAllByRole('menuitem')
        .map((m) => roleOf(m)),
    ).toEqual(
      within(menu)
        .getAllByRole('menuitem')
        .map(() => 'menuitem'),
    );
    expect(screen.getByRole('group', { name: 'Quick phrases' })).toBeInTheDocument();

    await user.click(within(menu).getByRole('menuitem', { name: '坏果包赔' }));
    await player.nth(0);
    expect(voice.getSnapshot().playing?.sentences).toEqual([
      '@柳州小芳，收到有坏果的，拍照联系客服，坏一个赔一个。',
    ]);
    voice.dispose();
  });

  it('reads a comment aloud on the anchor’s own speakers only, without touching the broadcast line', async () => {
    const player = new RecordingPlayer();
    const voice = new AnchorVoice({ bridge: desk.ws.bridge, player });
    await voice.ready;
    const reading = voice.readAloud(`${comment.nickname}：${comment.body}`, 'zh-CN');
    const heard = await player.nth(0);
    expect(heard.to).toBe('local');
    expect(voice.getSnapshot().playing).toBeNull();
    heard.finish();
    expect(await reading).toEqual({ ok: true, data: { completed: true } });
    expect(player.played.every((p) => p.to === 'local')).toBe(true);
    voice.dispose();
  });
});
