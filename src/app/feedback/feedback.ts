/**
 * Sound (Web Audio oscillators: no files, works offline) and vibration for each feedback tone.
 * Both start synchronously in the scan handler, in the same frame as the screen update.
 */
import type { Tone } from '../../shared/flows/feedback.js';

interface Note {
  freq: number;
  /** Start offset from now, seconds. */
  at: number;
  /** Length, seconds. */
  dur: number;
  type: OscillatorType;
  gain: number;
}

const SOUNDS: Record<Tone, Note[]> = {
  ok: [{ freq: 2000, at: 0, dur: 0.07, type: 'square', gain: 0.25 }],
  error: [{ freq: 140, at: 0, dur: 0.4, type: 'sawtooth', gain: 0.5 }],
  warning: [
    { freq: 1000, at: 0, dur: 0.1, type: 'square', gain: 0.3 },
    { freq: 1000, at: 0.16, dur: 0.1, type: 'square', gain: 0.3 },
  ],
  complete: [
    { freq: 1047, at: 0, dur: 0.11, type: 'triangle', gain: 0.4 },
    { freq: 1319, at: 0.11, dur: 0.11, type: 'triangle', gain: 0.4 },
    { freq: 1568, at: 0.22, dur: 0.11, type: 'triangle', gain: 0.4 },
    { freq: 2093, at: 0.33, dur: 0.25, type: 'triangle', gain: 0.4 },
  ],
};

const VIBRATIONS: Record<Tone, number | number[]> = {
  ok: 40,
  error: [300, 100, 300],
  warning: [80, 80, 80],
  complete: [60, 60, 60],
};

let audio: AudioContext | null = null;

function context(): AudioContext | null {
  if (audio) return audio;
  const Ctor = (globalThis as { AudioContext?: typeof AudioContext; webkitAudioContext?: typeof AudioContext }).AudioContext ??
    (globalThis as { webkitAudioContext?: typeof AudioContext }).webkitAudioContext;
  if (!Ctor) return null;
  try {
    audio = new Ctor();
  } catch {
    return null;
  }
  return audio;
}

/** Creates/resumes the audio context from a user gesture so later scans can beep (autoplay policy). */
export function unlockAudio(): void {
  const ctx = context();
  if (ctx && ctx.state === 'suspended') void ctx.resume().catch(() => undefined);
}

/** Plays the tone's sound and vibration; never throws. */
export function playFeedback(tone: Tone): void {
  try {
    navigator.vibrate?.(VIBRATIONS[tone]);
  } catch {
    // Vibration blocked (no user activation yet, or desktop): sound and colour still tell.
  }
  const ctx = context();
  if (!ctx) return;
  if (ctx.state === 'suspended') void ctx.resume().catch(() => undefined);
  const start = ctx.currentTime + 0.005;
  for (const note of SOUNDS[tone]) {
    const osc = ctx.createOscillator();
    const gain = ctx.createGain();
    osc.type = note.type;
    osc.frequency.value = note.freq;
    const t0 = start + note.at;
    gain.gain.setValueAtTime(0.0001, t0);
    gain.gain.exponentialRampToValueAtTime(note.gain, t0 + 0.005);
    gain.gain.setValueAtTime(note.gain, t0 + note.dur - 0.01);
    gain.gain.exponentialRampToValueAtTime(0.0001, t0 + note.dur);
    osc.connect(gain).connect(ctx.destination);
    osc.start(t0);
    osc.stop(t0 + note.dur + 0.02);
  }
}
