import { afterEach, describe, expect, it } from 'vitest';
import { speechTextMax } from '../../shared/bridge';
import { espeakEngine } from '../../electron/host/speech-engines';
import { readPcmWav } from '../../electron/host/wav';
import { call, hostFixture, type HostFixture } from '../unit/host-fixture';

/** The host's teleprompter voice with the real espeak-ng of this machine, through the bridge dispatcher. */
let fixture: HostFixture;
afterEach(() => fixture.cleanup());

function wavOf(base64: string) {
  const bytes = Buffer.from(base64, 'base64');
  return { bytes, wav: readPcmWav(bytes) };
}

describe('speech.voices and speech.render with espeak-ng', { timeout: 30_000 }, () => {
  it('lists espeak-ng with Mandarin and English', async () => {
    fixture = hostFixture();
    const voices = await call(fixture.open({ speech: { engine: espeakEngine() } }), 'speech.voices', {});
    expect(voices).toEqual({ ok: true, data: { engine: 'espeak-ng', languages: ['en', 'zh-CN'] } });
  });

  it('renders a Chinese and an English sentence to 16-bit mono WAV with its real duration', async () => {
    fixture = hostFixture();
    const host = fixture.open({ speech: { engine: espeakEngine() } });
    const zh = await call(host, 'speech.render', {
      text: '家人们好，今天的融安金桔特别甜。',
      language: 'zh-CN',
    });
    const en = await call(host, 'speech.render', {
      text: 'Kumquats from a family farm.',
      language: 'en',
      rate: 160,
    });
    for (const answer of [zh, en]) {
      if (!answer.ok) throw new Error(answer.error.message);
      const { bytes, wav } = wavOf(answer.data.wavBase64);
      expect(bytes.toString('ascii', 0, 4)).toBe('RIFF');
      expect(bytes.toString('ascii', 8, 12)).toBe('WAVE');
      // The sizes in the header are the real ones, not espeak-ng's streaming placeholders.
      expect(bytes.readUInt32LE(4)).toBe(bytes.length - 8);
      expect(wav).toMatchObject({ channels: 1, bitsPerSample: 16 });
      expect(answer.data.durationMs).toBe(wav.durationMs);
      expect(answer.data.durationMs).toBeGreaterThan(500);
      expect(answer.data.durationMs).toBeLessThan(10_000);
      // Speech, not silence.
      const samples = new Int16Array(bytes.buffer, bytes.byteOffset + 44, (bytes.length - 44) / 2);
      expect(samples.reduce((peak, s) => Math.max(peak, Math.abs(s)), 0)).toBeGreaterThan(1000);
    }
  });

  it('speaks text that looks like options or shell as plain words', async () => {
    fixture = hostFixture();
    const host = fixture.open({ speech: { engine: espeakEngine() } });
    const answer = await call(host, 'speech.render', {
      text: '--version; rm -rf / $(reboot)',
      language: 'en',
    });
    expect(answer.ok).toBe(true);
    if (answer.ok) expect(answer.data.durationMs).toBeGreaterThan(1000);
  });

  it('slower speech lasts longer', async () => {
    fixture = hostFixture();
    const host = fixture.open({ speech: { engine: espeakEngine() } });
    const text = 'Each box holds two and a half kilograms of kumquats.';
    const fast = await call(host, 'speech.render', { text, language: 'en', rate: 300 });
    const slow = await call(host, 'speech.render', { text, language: 'en', rate: 100 });
    if (!fast.ok || !slow.ok) throw new Error('render failed');
    expect(slow.data.durationMs).toBeGreaterThan(fast.data.durationMs * 2);
  });

  it('kills a render past its time limit and refuses one past its size limit', async () => {
    fixture = hostFixture();
    const long = '今天给大家介绍一下我们家的金桔，皮薄肉厚，连皮一起吃。'.repeat(30).slice(0, speechTextMax);
    const slowHost = fixture.open({ speech: { engine: espeakEngine(), timeoutMs: 30 } });
    const started = Date.now();
    const late = await call(slowHost, 'speech.render', { text: long, language: 'zh-CN', rate: 80 });
    expect(late).toMatchObject({ ok: false, error: { code: 'unavailable', message: /too long/ } });
    expect(Date.now() - started).toBeLessThan(3000);

    const smallHost = fixture.open({ speech: { engine: espeakEngine(), maxOutputBytes: 20_000 } });
    const big = await call(smallHost, 'speech.render', { text: long, language: 'zh-CN' });
    expect(big).toMatchObject({ ok: false, error: { code: 'cannot_apply', message: /too much audio/ } });
    // Under the limits the same host still renders.
    const fine = await call(smallHost, 'speech.render', { text: '好', language: 'zh-CN', rate: 400 });
    expect(fine.ok).toBe(true);
  });

  it('runs at most two renders at once, keeps a short line and refuses past it', async () => {
    fixture = hostFixture();
    const host = fixture.open({ speech: { engine: espeakEngine(), maxWaiting: 1 } });
    const text = 'Welcome to the live room of Rong An kumquats, sweet and fresh from the farm.';
    // Voices listed first, so all four reach the line together rather than after their own listing.
    await call(host, 'speech.voices', {});
    const answers = await Promise.all(
      [1, 2, 3, 4].map(() => call(host, 'speech.render', { text, language: 'en' })),
    );
    expect(answers.filter((a) => a.ok)).toHaveLength(3);
    expect(answers.filter((a) => !a.ok)).toEqual([
      { ok: false, error: { code: 'rate_limited', message: expect.stringMatching(/busy/) } },
    ]);
  });

  it('refuses text over the limit before any engine runs', async () => {
    fixture = hostFixture();
    const host = fixture.open({ speech: { engine: espeakEngine() } });
    const answer = await call(host, 'speech.render', { text: 'x'.repeat(speechTextMax + 1), language: 'en' });
    expect(answer).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
  });

  it('says plainly when there is no engine', async () => {
    fixture = hostFixture();
    const host = fixture.open({ speech: { engine: espeakEngine('/nonexistent/espeak-ng') } });
    expect(await call(host, 'speech.voices', {})).toEqual({
      ok: true,
      data: { engine: null, languages: [] },
    });
    expect(await call(host, 'speech.render', { text: '你好', language: 'zh-CN' })).toMatchObject({
      ok: false,
      error: { code: 'unavailable', message: /No speech engine is installed/ },
    });
  });
});
