/**
 * This device's scanning settings: the wedge rule and timings, the camera's formats and repeat rule,
 * and the feedback volume. Kept in localStorage (read synchronously at start, so the first scan
 * already uses them) and checked field by field when read back: a bad or missing field falls back
 * to its default. Part of the main bundle (no zod here).
 */
import { DEFAULT_WEDGE_SETTINGS, type WedgeEndKey, type WedgeSettings } from './wedge.js';

/** Barcode formats the camera can look for (BarcodeDetector names). */
export const CAMERA_FORMATS = ['ean_13', 'ean_8', 'upc_a', 'code_128', 'itf', 'codabar', 'qr_code', 'data_matrix'] as const;
/** One camera format. */
export type CameraFormat = (typeof CAMERA_FORMATS)[number];

/** How the camera reads. */
export interface CameraSettings {
  /** Only these formats are tried: fewer formats, faster frames. */
  formats: CameraFormat[];
  /** A code counts again only after it has been out of view this long (one scan per presentation). */
  leaveMs: number;
  /** A code held in view counts again after this long; 0 = never (only leaving the view re-arms it). */
  repeatMs: number;
}

/** Everything on the settings screen. */
export interface ScanSettings {
  wedge: WedgeSettings;
  camera: CameraSettings;
  /** Feedback sound volume, 0–100 (0 = silent; vibration and colour still tell). */
  volume: number;
}

/** The defaults (README "Scanning" documents them). */
export const DEFAULT_SCAN_SETTINGS: ScanSettings = {
  wedge: DEFAULT_WEDGE_SETTINGS,
  // NW-7 (Codabar) is on by default: carrier labels (送り状) print their tracking number in it.
  camera: { formats: ['ean_13', 'ean_8', 'upc_a', 'code_128', 'itf', 'codabar', 'qr_code'], leaveMs: 600, repeatMs: 0 },
  volume: 80,
};

/** localStorage key. Persisted: never rename without reading the old one. */
const SETTINGS_KEY = 'floorpack.settings';
const END_KEYS: readonly WedgeEndKey[] = ['Enter', 'Tab', 'newline'];

let current: ScanSettings = readSettings();
const listeners = new Set<(s: ScanSettings) => void>();

/** The settings in force. */
export function getScanSettings(): ScanSettings {
  return current;
}

/** Replaces the settings, stores them on this device and tells every listener. */
export function saveScanSettings(next: ScanSettings): void {
  current = sanitiseSettings(next);
  try {
    globalThis.localStorage?.setItem(SETTINGS_KEY, JSON.stringify(current));
  } catch {
    // Private mode or full storage: the settings last until reload.
  }
  for (const l of listeners) l(current);
}

/** Calls back on every change; returns the unsubscribe function. */
export function onScanSettings(listener: (s: ScanSettings) => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

function readSettings(): ScanSettings {
  try {
    const raw = globalThis.localStorage?.getItem(SETTINGS_KEY);
    return raw ? sanitiseSettings(JSON.parse(raw)) : DEFAULT_SCAN_SETTINGS;
  } catch {
    return DEFAULT_SCAN_SETTINGS;
  }
}

/** Checks settings read back from storage (or typed on the screen); each bad field takes its default. */
export function sanitiseSettings(value: unknown): ScanSettings {
  const v = (value ?? {}) as Partial<Record<keyof ScanSettings, unknown>>;
  const w = (v.wedge ?? {}) as Record<string, unknown>;
  const c = (v.camera ?? {}) as Record<string, unknown>;
  const dw = DEFAULT_SCAN_SETTINGS.wedge;
  const dc = DEFAULT_SCAN_SETTINGS.camera;
  const ms = (x: unknown, d: number, max = 2000) => (typeof x === 'number' && Number.isFinite(x) && x >= 0 && x <= max ? Math.round(x) : d);
  const str = (x: unknown, d: string) => (typeof x === 'string' && x.length <= 8 ? x : d);
  const endKeys = Array.isArray(w.endKeys) ? END_KEYS.filter((k) => (w.endKeys as unknown[]).includes(k)) : dw.endKeys;
  const formats = Array.isArray(c.formats) ? CAMERA_FORMATS.filter((f) => (c.formats as unknown[]).includes(f)) : dc.formats;
  return {
    wedge: {
      endKeys,
      pauseEnds: typeof w.pauseEnds === 'boolean' ? w.pauseEnds : dw.pauseEnds,
      // A pause of 0 would never end a scan; the on/off switch is pauseEnds.
      pauseMs: ms(w.pauseMs, dw.pauseMs) || dw.pauseMs,
      burstMsPerChar: ms(w.burstMsPerChar, dw.burstMsPerChar, 200),
      minLength: ms(w.minLength, dw.minLength, 64) || dw.minLength,
      prefix: str(w.prefix, dw.prefix),
      suffix: str(w.suffix, dw.suffix),
      duplicateWindowMs: ms(w.duplicateWindowMs, dw.duplicateWindowMs),
    },
    camera: {
      formats: formats.length > 0 ? formats : dc.formats,
      leaveMs: ms(c.leaveMs, dc.leaveMs, 10_000),
      repeatMs: ms(c.repeatMs, dc.repeatMs, 60_000),
    },
    volume: ms(v.volume, DEFAULT_SCAN_SETTINGS.volume, 100),
  };
}
