/**
 * A short tone for alerts that ask for sound. Generated, not a file, so it
 * needs no asset loading and no network; the visual twin is shown regardless.
 */
let context: AudioContext | null = null;

export function playChime(kind: 'info' | 'urgent'): void {
  if (typeof AudioContext === 'undefined') return;
  context ??= new AudioContext();
  const ctx = context;
  const tones = kind === 'urgent' ? [880, 660, 880] : [660];
  tones.forEach((frequency, i) => {
    const start = ctx.currentTime + i * 0.18;
    const oscillator = ctx.createOscillator();
    const gain = ctx.createGain();
    oscillator.frequency.value = frequency;
    gain.gain.setValueAtTime(0.0001, start);
    gain.gain.exponentialRampToValueAtTime(0.2, start + 0.02);
    gain.gain.exponentialRampToValueAtTime(0.0001, start + 0.15);
    oscillator.connect(gain).connect(ctx.destination);
    oscillator.start(start);
    oscillator.stop(start + 0.16);
  });
}
