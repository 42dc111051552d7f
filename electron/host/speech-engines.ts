import type { ChannelOutput } from '../../shared/bridge';

export type SpeechLanguage = ChannelOutput<'speech.voices'>['languages'][number];

/**
 * How one system speech engine is driven. Every command is a program and an
 * argument list run without a shell; the text always travels on stdin, so
 * nothing a script says can become an option or a command.
 */
export interface SpeechEngine {
  name: 'espeak-ng' | 'say' | 'sapi';
  /** Lists voices: its stdout goes to `languagesOf`. */
  list: { program: string; args: string[] };
  languagesOf(listing: string): Map<SpeechLanguage, string>;
  /**
   * The render command for a voice from `languagesOf`. `wavFile` is where an
   * engine that cannot write to stdout writes (null: the WAV comes on stdout).
   */
  render(
    voice: string,
    rate: number,
    wavFile: string,
  ): { program: string; args: string[]; env?: Record<string, string>; toFile: boolean };
}

/** The engines' own "normal" speed is near this many words a minute. */
export const defaultRate = 175;

/**
 * espeak-ng's `--voices` table: `Pty Language Age/Gender VoiceName File Other`.
 * Mandarin is `cmn` (older releases: `zh`); any `en*` voice reads English,
 * `en-us` preferred because most platform audiences know it best.
 */
export function espeakLanguages(listing: string): Map<SpeechLanguage, string> {
  const found = new Map<SpeechLanguage, string>();
  const english: string[] = [];
  for (const line of listing.split('\n').slice(1)) {
    const language = line.trim().split(/\s+/)[1];
    if (language === undefined) continue;
    if ((language === 'cmn' || language === 'zh') && !found.has('zh-CN')) found.set('zh-CN', language);
    if (/^en(-|$)/.test(language)) english.push(language);
  }
  const en = english.find((l) => l === 'en-us') ?? english[0];
  if (en !== undefined) found.set('en', en);
  return found;
}

export const espeakEngine = (program = 'espeak-ng'): SpeechEngine => ({
  name: 'espeak-ng',
  list: { program, args: ['--voices'] },
  languagesOf: espeakLanguages,
  render: (voice, rate) => ({
    program,
    // No text argument: espeak-ng reads stdin. -b 1: the input is UTF-8.
    args: ['-v', voice, '-s', String(rate), '-b', '1', '--stdout'],
    toFile: false,
  }),
});

/** `say -v ?` lines: `Tingting   zh_CN    # 你好…`; names may hold spaces, the locale is the last word before `#`. */
export function sayLanguages(listing: string): Map<SpeechLanguage, string> {
  const found = new Map<SpeechLanguage, string>();
  for (const line of listing.split('\n')) {
    const match = /^(.+?)\s+([a-z]{2,3}[_-][A-Za-z0-9]+)\s+#/.exec(line.trim());
    if (!match) continue;
    const [, name = '', locale = ''] = match;
    if (/^zh[_-]CN$/i.test(locale) && !found.has('zh-CN')) found.set('zh-CN', name);
    if (/^en[_-]US$/i.test(locale)) found.set('en', found.get('en') ?? name);
  }
  if (!found.has('en')) {
    const any = /^(.+?)\s+en[_-][A-Za-z]+\s+#/m.exec(listing);
    if (any?.[1]) found.set('en', any[1].trim());
  }
  return found;
}

export const sayEngine: SpeechEngine = {
  name: 'say',
  list: { program: 'say', args: ['-v', '?'] },
  languagesOf: sayLanguages,
  render: (voice, rate, wavFile) => ({
    program: 'say',
    // `-f -`: the text is read from stdin.
    args: ['-v', voice, '-r', String(rate), '-o', wavFile, '--data-format=LEI16@22050', '-f', '-'],
    toFile: true,
  }),
};

/** One culture name per line, e.g. `zh-CN` and `en-US`, as the listing script prints them. */
export function sapiLanguages(listing: string): Map<SpeechLanguage, string> {
  const found = new Map<SpeechLanguage, string>();
  for (const culture of listing.split(/\r?\n/).map((l) => l.trim())) {
    if (/^zh-(CN|Hans)/i.test(culture) && !found.has('zh-CN')) found.set('zh-CN', culture);
    if (/^en-US$/i.test(culture)) found.set('en', culture);
    else if (/^en-/i.test(culture) && !found.has('en')) found.set('en', culture);
  }
  return found;
}

const powershell = ['-NoProfile', '-NonInteractive', '-ExecutionPolicy', 'Bypass', '-Command'];
const sapiList =
  'Add-Type -AssemblyName System.Speech; $s = New-Object System.Speech.Synthesis.SpeechSynthesizer; ' +
  '$s.GetInstalledVoices() | Where-Object { $_.Enabled } | ForEach-Object { $_.VoiceInfo.Culture.Name }';
// The culture, rate and path arrive in the environment and the text on stdin: nothing is spliced into the script.
const sapiRender =
  'Add-Type -AssemblyName System.Speech; [Console]::InputEncoding = [Text.Encoding]::UTF8; ' +
  '$t = [Console]::In.ReadToEnd(); $s = New-Object System.Speech.Synthesis.SpeechSynthesizer; ' +
  '$v = $s.GetInstalledVoices() | Where-Object { $_.Enabled -and $_.VoiceInfo.Culture.Name -eq $env:WINGS_VOICE } | Select-Object -First 1; ' +
  'if ($v) { $s.SelectVoice($v.VoiceInfo.Name) }; $s.Rate = [int]$env:WINGS_RATE; ' +
  '$f = New-Object System.Speech.AudioFormat.SpeechAudioFormatInfo(22050, [System.Speech.AudioFormat.AudioBitsPerSample]::Sixteen, [System.Speech.AudioFormat.AudioChannel]::Mono); ' +
  '$s.SetOutputToWaveFile($env:WINGS_WAV, $f); $s.Speak($t); $s.Dispose()';

/** SAPI's rate runs -10…10 around its normal speed, about 25 words a minute a step. */
export function sapiRate(wordsPerMinute: number): number {
  return Math.max(-10, Math.min(10, Math.round((wordsPerMinute - defaultRate) / 25)));
}

export const sapiEngine: SpeechEngine = {
  name: 'sapi',
  list: { program: 'powershell.exe', args: [...powershell, sapiList] },
  languagesOf: sapiLanguages,
  render: (voice, rate, wavFile) => ({
    program: 'powershell.exe',
    args: [...powershell, sapiRender],
    env: { WINGS_VOICE: voice, WINGS_RATE: String(sapiRate(rate)), WINGS_WAV: wavFile },
    toFile: true,
  }),
};

/** The engine this OS has, if any; Linux and the BSDs use espeak-ng. */
export function engineFor(platform: NodeJS.Platform): SpeechEngine {
  if (platform === 'darwin') return sayEngine;
  if (platform === 'win32') return sapiEngine;
  return espeakEngine();
}
