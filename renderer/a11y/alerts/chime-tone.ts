/**
 * The synthesized stand-in for the alert sounds, played only when a sound file
 * cannot play (no decoder, a missing asset). Needs no file and no network.
 */
let context: AudioContext | null = null;

export function playTone(kind: 'info' | 'urgent'): void {
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
