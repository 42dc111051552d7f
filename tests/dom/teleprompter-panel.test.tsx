import { act, render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import type { ChannelName, WingsBridge } from '../../shared/bridge';
import { espeakEngine } from '../../electron/host/speech-engines';
import { createSpeechService } from '../../electron/host/speech';
import { useActions } from '../../renderer/a11y/keyboard/actions';
import { AnchorVoice } from '../../renderer/live/voice/anchor-voice';
import { TeleprompterPanel } from '../../renderer/live/teleprompter/TeleprompterPanel';
import { call, expectOk, signIn } from '../support/hub-client';
import { RecordingPlayer, wavFacts } from './support/recording-player';
import { AppProviders } from './support/providers';
import { signedInDesk } from './support/signed-in';

/** The anchor's teleprompter over a real demo hub, the host's real espeak-ng, and AnchorVoice's real pipeline. */
const desk = signedInDesk('anchor');

/** The demo organisation's product of this SKU, read as the anchor. */
async function demoProductId(name: string): Promise<number> {
  const socket = await signIn(desk.ws.hub.hub.url, 'anchor', 'wings-demo');
  try {
    const { products } = expectOk(await call(socket, 'live.products', {}));
    const found = products.find((p) => p.name === name);
    if (!found) throw new Error(`the demo has no product ${name}`);
    return found.id;
  } finally {
    socket.close();
  }
}

/** The host bridge as the app has it, with the calls it carried written down. */
function recordingBridge(inner: WingsBridge): {
  bridge: Pick<WingsBridge, 'call'>;
  calls: { name: ChannelName; input: unknown }[];
} {
  const calls: { name: ChannelName; input: unknown }[] = [];
  return {
    calls,
    bridge: {
      call: (name, input) => {
        calls.push({ name, input });
        return inner.call(name, input);
      },
    },
  };
}

/** The screen's palette entries, as the command palette lists them, each one a button that runs it. */
function PaletteEntries() {
  const actions = useActions().filter((a) => a.id.startsWith('teleprompter.'));
  return (
    <ul aria-label="Palette">
      {actions.map((a) => (
        <li key={a.id}>
          <button type="button" onClick={a.run}>
            {a.label}
          </button>
        </li>
      ))}
    </ul>
  );
}

describe('the teleprompter', { timeout: 60_000 }, () => {
  it("speaks the pinned product's script sentence by sentence, highlighting the one playing, and stops at once", async () => {
    const pears = await demoProductId('秋月梨');
    const player = new RecordingPlayer();
    const { bridge, calls } = recordingBridge(desk.ws.bridge);
    const voice = new AnchorVoice({ bridge, player });
    const user = userEvent.setup();
    render(
      <AppProviders ws={desk.ws} session={desk.session} language="zh-CN">
        <TeleprompterPanel voice={voice} pinnedProductId={pears} />
      </AppProviders>,
    );

    const panel = await screen.findByRole('region', { name: '提词器' });
    const scripts = await within(panel).findByRole('list', { name: '讲解词' });
    // The pinned product's script first, then the other products' as the hub lists them.
    const names = within(scripts)
      .getAllByRole('button')
      .map((b) => b.textContent);
    expect(names[0]).toBe('播报“秋月梨介绍”');
    expect(names.slice(1)).toEqual(expect.arrayContaining(['播报“融安金桔介绍”', '播报“柳州螺蛳粉介绍”']));
    expect(within(scripts).getAllByRole('listitem')[0]).toHaveTextContent('讲解中的商品');
    // A Chinese screen speaks Mandarin by default.
    expect(within(panel).getByRole('radio', { name: '普通话' })).toBeChecked();
    expect(within(panel).queryByRole('note')).toBeNull();

    await user.click(within(scripts).getByRole('button', { name: '播报“秋月梨介绍”' }));
    const first = await player.nth(0);
    expect(first.to).toBe('broadcast');
    expect(wavFacts(first.wav)).toMatchObject({ riff: 'RIFF/WAVE', channels: 1, bits: 16 });
    expect(wavFacts(first.wav).dataBytes).toBeGreaterThan(10_000);

    const sentences = () => [...panel.querySelectorAll('.teleprompter__sentences > li')];
    await waitFor(() => expect(sentences()).toHaveLength(3));
    expect(sentences().map((li) => li.getAttribute('aria-current'))).toEqual(['true', null, null]);
    expect(sentences()[0]).toHaveTextContent('这是秋月梨，十斤一箱，八到十个果。');
    expect(within(panel).getByRole('status')).toHaveTextContent(
      '第 1 句，共 3 句：这是秋月梨，十斤一箱，八到十个果。',
    );
    // The next sentence was asked of the host while the first one plays: no gap between them.
    const renders = () =>
      calls
        .filter((c) => c.name === 'speech.render')
        .map((c) => c.input as { text: string; language: string });
    await waitFor(() =>
      expect(renders()).toEqual([
        { text: '这是秋月梨，十斤一箱，八到十个果。', language: 'zh-CN' },
        { text: '果肉细腻，汁水很多，冰一下更好吃。', language: 'zh-CN' },
      ]),
    );

    act(() => first.finish());
    const second = await player.nth(1);
    await waitFor(() =>
      expect(sentences().map((li) => li.getAttribute('aria-current'))).toEqual([null, 'true', null]),
    );
    expect(within(panel).getByRole('status')).toHaveTextContent(
      '第 2 句，共 3 句：果肉细腻，汁水很多，冰一下更好吃。',
    );

    await user.click(within(panel).getByRole('button', { name: '停止播报' }));
    expect(second.aborted()).toBe(true);
    await waitFor(() => expect(within(panel).getByText('当前没有播报。')).toBeVisible());
    // Stopped means stopped: the third sentence never plays.
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(player.played).toHaveLength(2);
    voice.dispose();
  });

  it('says quick phrases by number key, by palette and by click, in the chosen language', async () => {
    const player = new RecordingPlayer();
    const { bridge, calls } = recordingBridge(desk.ws.bridge);
    const voice = new AnchorVoice({ bridge, player });
    const user = userEvent.setup();
    desk.render(
      <>
        <TeleprompterPanel voice={voice} pinnedProductId={null} />
        <PaletteEntries />
      </>,
    );
    const panel = await screen.findByRole('region', { name: 'Teleprompter' });
    const phrases = await within(panel).findByRole('group', { name: 'Quick phrases' });
    const buttons = within(phrases).getAllByRole('button');
    expect(buttons.slice(0, 3).map((b) => [b.textContent, b.getAttribute('aria-keyshortcuts')])).toEqual([
      ['1欢迎', '1'],
      ['2谢谢点赞', '2'],
      ['3发货时间', '3'],
    ]);
    expect(within(phrases).getByRole('button', { name: '欢迎' })).toBeInTheDocument();
    const lastRender = () => calls.filter((c) => c.name === 'speech.render').at(-1)?.input;

    // Mandarin for the Chinese phrases, then key 2 with the panel focused: the second phrase.
    await user.click(within(panel).getByRole('radio', { name: 'Mandarin Chinese' }));
    within(panel).getByRole('button', { name: 'Stop speaking' }).focus();
    await user.keyboard('2');
    const keyed = await player.nth(0);
    expect(lastRender()).toEqual({ text: '谢谢大家的点赞，我们继续！', language: 'zh-CN' });
    await waitFor(() =>
      expect(within(phrases).getByRole('button', { name: '谢谢点赞' })).toHaveAttribute(
        'aria-pressed',
        'true',
      ),
    );
    act(() => keyed.finish());
    await waitFor(() =>
      expect(within(phrases).getByRole('button', { name: '谢谢点赞' })).toHaveAttribute(
        'aria-pressed',
        'false',
      ),
    );

    // Back to English, and the palette's entry for the English welcome.
    await user.click(within(panel).getByRole('radio', { name: 'English' }));
    const palette = screen.getByRole('list', { name: 'Palette' });
    expect(within(palette).getByRole('button', { name: 'Stop speaking' })).toBeInTheDocument();
    expect(within(palette).getByRole('button', { name: 'Speak script: 秋月梨介绍' })).toBeInTheDocument();
    await user.click(within(palette).getByRole('button', { name: 'Say phrase: Welcome (English)' }));
    const paletted = await player.nth(1);
    expect(wavFacts(paletted.wav).riff).toBe('RIFF/WAVE');
    await waitFor(() =>
      expect(
        calls
          .filter((c) => c.name === 'speech.render')
          .slice(-2)
          .map((c) => c.input),
      ).toEqual([
        { text: 'Welcome!', language: 'en' },
        { text: 'Ask anything in the comments and I will answer.', language: 'en' },
      ]),
    );

    // A click (what a switch's select does) on another phrase replaces the line at once.
    await user.click(within(phrases).getByRole('button', { name: 'Thanks for buying' }));
    expect(paletted.aborted()).toBe(true);
    await player.nth(2);
    await waitFor(() =>
      expect(
        calls
          .filter((c) => c.name === 'speech.render')
          .slice(-2)
          .map((c) => c.input),
      ).toEqual([
        { text: 'Thank you for your order!', language: 'en' },
        { text: 'We pack it today.', language: 'en' },
      ]),
    );
    voice.dispose();
  });

  it('says so when the workstation has no speech engine', async () => {
    // This host as one without espeak-ng installed.
    desk.ws.services.speech = createSpeechService({ engine: espeakEngine('/nonexistent/espeak-ng') });
    const player = new RecordingPlayer();
    const voice = new AnchorVoice({ bridge: desk.ws.bridge, player });
    const user = userEvent.setup();
    desk.render(<TeleprompterPanel voice={voice} pinnedProductId={null} />);
    const panel = await screen.findByRole('region', { name: 'Teleprompter' });
    expect(await within(panel).findByRole('note')).toHaveTextContent(/No speech engine is installed/);
    await user.click(await within(panel).findByRole('button', { name: '欢迎' }));
    expect(await within(panel).findByRole('alert')).toHaveTextContent(
      /Could not speak the line: No speech engine is installed/,
    );
    expect(player.played).toHaveLength(0);
    voice.dispose();
  });
});
