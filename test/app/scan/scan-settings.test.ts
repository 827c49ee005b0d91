// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { SOUNDS, VIBRATIONS, volumeGain } from '../../../src/app/feedback/feedback.js';
import { CameraPresence } from '../../../src/app/scan/camera-presence.js';
import { DEFAULT_SCAN_SETTINGS, sanitiseSettings } from '../../../src/app/scan/scan-settings.js';

describe('camera: one scan per presentation', () => {
  const JAN = '4912345100015';

  it('a code held in view for many frames counts once, with frames the decoder missed in between', () => {
    const p = new CameraPresence({ leaveMs: 600, repeatMs: 0 });
    const counted: string[] = [];
    for (let t = 0; t < 5000; t += 33) counted.push(...p.frame(t % 200 < 100 ? [JAN] : [], t));
    expect(counted).toEqual([JAN]);
  });

  it('the same code counts again after it has left the view (the next unit)', () => {
    const p = new CameraPresence({ leaveMs: 600, repeatMs: 0 });
    expect(p.frame([JAN], 0)).toEqual([JAN]);
    expect(p.frame([JAN], 300)).toEqual([]);
    expect(p.frame([], 600)).toEqual([]);
    expect(p.frame([JAN], 1000)).toEqual([JAN]);
  });

  it('with a repeat time, a code held in view counts again after it', () => {
    const p = new CameraPresence({ leaveMs: 600, repeatMs: 2000 });
    const counted = [];
    for (let t = 0; t <= 4000; t += 100) counted.push(...p.frame([JAN], t));
    expect(counted).toEqual([JAN, JAN, JAN]);
  });

  it('two different codes in one frame both count', () => {
    const p = new CameraPresence({ leaveMs: 600, repeatMs: 0 });
    expect(p.frame([JAN, 'S0000002', JAN], 0)).toEqual([JAN, 'S0000002']);
  });
});

describe('scan settings read back from storage', () => {
  it('keeps good values and puts the default in place of each bad one', () => {
    const s = sanitiseSettings({
      wedge: { endKeys: ['Tab', 'Bogus'], pauseMs: -1, duplicateWindowMs: 25, prefix: 12, suffix: '#' },
      camera: { formats: [], leaveMs: 'x' },
      volume: 140,
    });
    expect(s.wedge).toEqual({ ...DEFAULT_SCAN_SETTINGS.wedge, endKeys: ['Tab'], duplicateWindowMs: 25, suffix: '#' });
    expect(s.camera).toEqual(DEFAULT_SCAN_SETTINGS.camera);
    expect(s.volume).toBe(DEFAULT_SCAN_SETTINGS.volume);
    expect(sanitiseSettings('garbage')).toEqual(DEFAULT_SCAN_SETTINGS);
  });

  it('a pause ends scans only when switched on; settings stored before the switch existed keep it off', () => {
    expect(DEFAULT_SCAN_SETTINGS.wedge.pauseEnds).toBe(false);
    expect(sanitiseSettings({ wedge: { pauseMs: 30 } }).wedge.pauseEnds).toBe(false);
    expect(sanitiseSettings({ wedge: { pauseEnds: 'yes' } }).wedge.pauseEnds).toBe(false);
    const on = sanitiseSettings({ wedge: { pauseEnds: true, pauseMs: 0 } }).wedge;
    expect(on.pauseEnds).toBe(true);
    expect(on.pauseMs).toBe(DEFAULT_SCAN_SETTINGS.wedge.pauseMs); // 0 would never end a scan
  });
});

describe('feedback', () => {
  it('ok, error, warning and complete each sound and vibrate differently', () => {
    const tones = ['ok', 'error', 'warning', 'complete'] as const;
    const sounds = new Set(tones.map((t) => JSON.stringify(SOUNDS[t])));
    const vibrations = new Set(tones.map((t) => JSON.stringify(VIBRATIONS[t])));
    expect(sounds.size).toBe(4);
    expect(vibrations.size).toBe(4);
    // Told apart by ear: count of notes or pitch differ between every pair.
    const shape = (t: (typeof tones)[number]) => `${SOUNDS[t].length}:${Math.round(SOUNDS[t][0].freq / 100)}`;
    expect(new Set(tones.map(shape)).size).toBe(4);
  });

  it('volume 0 is silent and 100 is full', () => {
    expect(volumeGain(0)).toBe(0);
    expect(volumeGain(100)).toBe(1);
    expect(volumeGain(50)).toBeGreaterThan(0);
  });
});
