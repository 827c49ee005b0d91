/**
 * Sound (Web Audio oscillators: no files, works offline) and vibration for each feedback tone.
 * The sound starts synchronously in the scan handler, in the same frame as the screen update; the
 * vibration right after that frame (navigator.vibrate is a blocking call into the browser that the
 * frame showing the scan's answer need not wait for; benchmark scan_to_feedback_ms_p95).
 */
import type { Tone } from '../../shared/flows/feedback.js';
import { getScanSettings } from '../scan/scan-settings.js';
import { afterNextFrame } from './after-frame.js';

/** One oscillator note. */
export interface Note {
  freq: number;
  /** Start offset from now, seconds. */
  at: number;
  /** Length, seconds. */
  dur: number;
  type: OscillatorType;
  gain: number;
}

/**
 * Four sounds a worker tells apart without looking: ok is one short high beep; error a long low
 * buzz, falling, twice; warning two mid beeps; complete a rising four-note run. Vibrations differ the
 * same way (one tap / two long / three short / short-short-long).
 */
export const SOUNDS: Record<Tone, Note[]> = {
  ok: [{ freq: 2000, at: 0, dur: 0.07, type: 'square', gain: 0.25 }],
  error: [
    { freq: 220, at: 0, dur: 0.22, type: 'sawtooth', gain: 0.5 },
    { freq: 150, at: 0.26, dur: 0.32, type: 'sawtooth', gain: 0.5 },
  ],
  warning: [
    { freq: 880, at: 0, dur: 0.1, type: 'square', gain: 0.3 },
    { freq: 880, at: 0.16, dur: 0.1, type: 'square', gain: 0.3 },
  ],
  complete: [
    { freq: 1047, at: 0, dur: 0.11, type: 'triangle', gain: 0.4 },
    { freq: 1319, at: 0.11, dur: 0.11, type: 'triangle', gain: 0.4 },
    { freq: 1568, at: 0.22, dur: 0.11, type: 'triangle', gain: 0.4 },
    { freq: 2093, at: 0.33, dur: 0.25, type: 'triangle', gain: 0.4 },
  ],
};

/** Vibration patterns (ms on, off, on …). */
export const VIBRATIONS: Record<Tone, number[]> = {
  ok: [40],
  error: [300, 100, 300],
  warning: [80, 80, 80, 80, 80],
  complete: [60, 60, 60, 60, 250],
};

/** The gain multiplier for a 0–100 volume: squared, because loudness is heard on a log scale. */
export function volumeGain(volume: number): number {
  const v = Math.min(100, Math.max(0, volume)) / 100;
  return v * v;
}

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

function vibrate(tone: Tone): void {
  try {
    navigator.vibrate?.(VIBRATIONS[tone]);
  } catch {
    // Vibration blocked (no user activation yet, or desktop): sound and colour still tell.
  }
}

/** Plays the tone's sound (at the volume in the settings) now and its vibration after the next frame; never throws. */
export function playFeedback(tone: Tone, volume = getScanSettings().volume): void {
  afterNextFrame(() => vibrate(tone));
  const level = volumeGain(volume);
  if (level === 0) return;
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
    const peak = Math.max(0.0002, note.gain * level);
    gain.gain.exponentialRampToValueAtTime(peak, t0 + 0.005);
    gain.gain.setValueAtTime(peak, t0 + note.dur - 0.01);
    gain.gain.exponentialRampToValueAtTime(0.0001, t0 + note.dur);
    osc.connect(gain).connect(ctx.destination);
    osc.start(t0);
    osc.stop(t0 + note.dur + 0.02);
  }
}
