import { describe, expect, it } from 'vitest';
import {
  engineFor,
  espeakLanguages,
  sapiEngine,
  sapiLanguages,
  sapiRate,
  sayEngine,
  sayLanguages,
} from '../../electron/host/speech-engines';
import { readPcmWav, WavError } from '../../electron/host/wav';

/** What each OS's engine prints, parsed into the voice used per language; no engine needed to run these. */
describe('speech engine listings', () => {
  it('finds Mandarin and US English in espeak-ng --voices', () => {
    const listing = [
      'Pty Language       Age/Gender VoiceName          File                 Other Languages',
      ' 5  af              --/M      Afrikaans          gmw/af',
      ' 5  cmn             --/M      Chinese_(Mandarin,_latin_as_English) sit/cmn              (zh-cmn 5)(zh 5)',
      ' 2  en-gb           --/M      English_(Great_Britain) gmw/en               (en 2)',
      ' 2  en-us           --/M      English_(America)  gmw/en-US            (en 3)',
      ' 5  yue             --/M      Chinese_(Cantonese) sit/yue              (zh-yue 5)(zh 8)',
    ].join('\n');
    expect([...espeakLanguages(listing)]).toEqual([
      ['zh-CN', 'cmn'],
      ['en', 'en-us'],
    ]);
    // An older espeak-ng names Mandarin `zh`; a build with English only has no Chinese.
    expect(espeakLanguages('Pty Language\n 5  zh  --/M  Mandarin  sit/zh\n').get('zh-CN')).toBe('zh');
    expect([...espeakLanguages('Pty Language\n 2  en-gb  --/M  English gmw/en\n')]).toEqual([
      ['en', 'en-gb'],
    ]);
  });

  it("finds Tingting and Samantha in macOS's say -v ?", () => {
    const listing = [
      'Alex                en_US    # Most people recognize me by my voice.',
      'Daniel              en_GB    # Hello, my name is Daniel. I am a British-English voice.',
      'Samantha            en_US    # Hello, my name is Samantha. I am an American-English voice.',
      'Sin-ji              zh_HK    # 您好，我叫 Sin-ji。我講廣東話。',
      'Tingting            zh_CN    # 你好，我叫婷婷。我讲中文普通话。',
      'Bad News            en_US    # The light you see at the end of the tunnel is the headlamp.',
    ].join('\n');
    expect(sayLanguages(listing)).toEqual(
      new Map([
        ['en', 'Alex'],
        ['zh-CN', 'Tingting'],
      ]),
    );
    expect(sayLanguages('Daniel              en_GB    # Hello.').get('en')).toBe('Daniel');
  });

  it('reads SAPI culture names', () => {
    expect(sapiLanguages('en-US\r\nzh-CN\r\n')).toEqual(
      new Map([
        ['en', 'en-US'],
        ['zh-CN', 'zh-CN'],
      ]),
    );
    expect(sapiLanguages('en-GB\r\n').get('en')).toBe('en-GB');
    expect(sapiLanguages('de-DE\r\n').size).toBe(0);
  });

  it('maps words a minute onto SAPI rate steps', () => {
    expect(sapiRate(175)).toBe(0);
    expect(sapiRate(80)).toBe(-4);
    expect(sapiRate(400)).toBe(9);
  });

  it('never puts the text in a command line', () => {
    for (const command of [
      engineFor('linux').render('cmn', 175, '/tmp/x.wav'),
      sayEngine.render('Tingting', 175, '/tmp/x.wav'),
      sapiEngine.render('zh-CN', 175, 'C:\\t\\x.wav'),
    ]) {
      expect(command.args.join(' ')).not.toContain('金桔');
    }
    expect(sayEngine.render('Tingting', 200, '/tmp/x.wav').args).toEqual([
      '-v',
      'Tingting',
      '-r',
      '200',
      '-o',
      '/tmp/x.wav',
      '--data-format=LEI16@22050',
      '-f',
      '-',
    ]);
    expect(sapiEngine.render('zh-CN', 200, 'C:\\t\\x.wav').env).toEqual({
      WINGS_VOICE: 'zh-CN',
      WINGS_RATE: '1',
      WINGS_WAV: 'C:\\t\\x.wav',
    });
    expect(engineFor('darwin').name).toBe('say');
    expect(engineFor('win32').name).toBe('sapi');
  });
});

function wav(chunks: [string, Buffer][], riffSize?: number): Buffer {
  const body = Buffer.concat(
    chunks.map(([id, data]) => {
      const head = Buffer.alloc(8);
      head.write(id, 0, 'ascii');
      head.writeUInt32LE(data.length, 4);
      return Buffer.concat([head, data, data.length % 2 ? Buffer.alloc(1) : Buffer.alloc(0)]);
    }),
  );
  const head = Buffer.alloc(12);
  head.write('RIFF', 0, 'ascii');
  head.writeUInt32LE(riffSize ?? body.length + 4, 4);
  head.write('WAVE', 8, 'ascii');
  return Buffer.concat([head, body]);
}

function fmt(channels: number, rate: number, bits: number, format = 1): Buffer {
  const b = Buffer.alloc(16);
  b.writeUInt16LE(format, 0);
  b.writeUInt16LE(channels, 2);
  b.writeUInt32LE(rate, 4);
  b.writeUInt32LE((rate * channels * bits) / 8, 8);
  b.writeUInt16LE((channels * bits) / 8, 12);
  b.writeUInt16LE(bits, 14);
  return b;
}

describe('reading the WAV an engine wrote', () => {
  it('skips chunks before the data and measures one second of 22 050 Hz mono', () => {
    const file = wav([
      ['fmt ', fmt(1, 22050, 16)],
      ['LIST', Buffer.from('INFOISFT\x05\x00\x00\x00say!\x00', 'latin1')],
      ['data', Buffer.alloc(44100)],
    ]);
    expect(readPcmWav(file)).toMatchObject({
      sampleRate: 22050,
      channels: 1,
      bitsPerSample: 16,
      durationMs: 1000,
    });
  });

  it('mends placeholder sizes from a stream and drops a half sample at the end', () => {
    // A stream cut mid-sample, with no pad byte: what a killed or careless engine leaves.
    const file = wav([
      ['fmt ', fmt(1, 22050, 16)],
      ['data', Buffer.alloc(2205 * 2 + 1)],
    ]).subarray(0, 44 + 4411);
    file.writeUInt32LE(0x7ffff024, 4);
    file.writeUInt32LE(0x7ffff000, 40);
    const read = readPcmWav(file);
    expect(read.durationMs).toBe(100);
    expect(read.bytes.readUInt32LE(40)).toBe(4410);
    expect(read.bytes.readUInt32LE(4)).toBe(read.bytes.length - 8);
  });

  it('refuses what is not PCM audio', () => {
    expect(() => readPcmWav(Buffer.from('not a wav at all'))).toThrow(WavError);
    expect(() =>
      readPcmWav(
        wav([
          ['fmt ', fmt(1, 22050, 16, 3)],
          ['data', Buffer.alloc(4)],
        ]),
      ),
    ).toThrow(/not PCM/);
    expect(() => readPcmWav(wav([['data', Buffer.alloc(4)]]))).toThrow(/data before fmt/);
    expect(() => readPcmWav(wav([['fmt ', fmt(1, 22050, 16)]]))).toThrow(/no data/);
  });
});
