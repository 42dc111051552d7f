/**
 * The optional sounds of scanning. Each is a twin of the highlight, never the
 * only signal, so a deaf switch user loses nothing with them off.
 */

let audio: AudioContext | null = null;

/** A 30 ms click: short enough not to mask the next one at the fastest interval (300 ms). */
export function playTick(): void {
  if (typeof AudioContext === 'undefined') return;
  audio ??= new AudioContext();
  const ctx = audio;
  if (ctx.state === 'suspended') void ctx.resume();
  const osc = ctx.createOscillator();
  const gain = ctx.createGain();
  osc.type = 'square';
  osc.frequency.value = 1200;
  const t0 = ctx.currentTime;
  gain.gain.setValueAtTime(0.08, t0);
  gain.gain.exponentialRampToValueAtTime(0.0001, t0 + 0.03);
  osc.connect(gain).connect(ctx.destination);
  osc.start(t0);
  osc.stop(t0 + 0.035);
}

/** Speaks the new highlight, cutting off the previous label so speech never lags behind the scan. */
export function speakLabel(text: string, lang: string): void {
  if (typeof speechSynthesis === 'undefined' || text === '') return;
  speechSynthesis.cancel();
  const utterance = new SpeechSynthesisUtterance(text);
  utterance.lang = lang;
  speechSynthesis.speak(utterance);
}

export function stopSpeaking(): void {
  if (typeof speechSynthesis !== 'undefined') speechSynthesis.cancel();
}
