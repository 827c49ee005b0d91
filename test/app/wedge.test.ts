// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { DUPLICATE_SCAN_WINDOW_MS, WEDGE_IDLE_SUBMIT_MS, WedgeReader } from '../../src/app/scan/wedge.js';

describe('WedgeReader', () => {
  it.each(['Enter', 'Tab'])('submits the input value on the %s suffix, trimmed', (key) => {
    const r = new WedgeReader();
    r.onInput('S0700001', 0);
    expect(r.onKey(key, ' S0700001 ', 5)).toEqual({ submit: 'S0700001' });
  });

  it('ignores other keys, including Unidentified keys from Android soft keyboards', () => {
    const r = new WedgeReader();
    for (const key of ['4', 'Unidentified', 'Shift', 'Alt']) expect(r.onKey(key, '49', 1)).toBeNull();
  });

  it('does nothing on a suffix with an empty input', () => {
    expect(new WedgeReader().onKey('Enter', '   ', 0)).toBeNull();
  });

  it('swallows the same scan delivered twice within the window, but not a real second scan', () => {
    const r = new WedgeReader();
    expect(r.onKey('Enter', '4900000000013', 1000)).toEqual({ submit: '4900000000013' });
    expect(r.onKey('Enter', '4900000000013', 1000 + DUPLICATE_SCAN_WINDOW_MS - 1)).toEqual({ submit: '' });
    expect(r.onKey('Enter', '4900000000013', 1000 + DUPLICATE_SCAN_WINDOW_MS + 400)).toEqual({ submit: '4900000000013' });
  });

  it('does not swallow a different code arriving quickly', () => {
    const r = new WedgeReader();
    r.onKey('Enter', 'S0700001', 0);
    expect(r.onKey('Enter', '4900000000013', 10)).toEqual({ submit: '4900000000013' });
  });

  it('submits a suffix-less scanner burst when it goes idle', () => {
    const r = new WedgeReader();
    r.onInput('4', 0);
    r.onInput('4900000000013', 20);
    expect(r.onIdle('4900000000013', 20 + WEDGE_IDLE_SUBMIT_MS)).toEqual({ submit: '4900000000013' });
  });

  it('never cuts short a person typing slowly or a value too short to be a barcode', () => {
    const slow = new WedgeReader();
    slow.onInput('S', 0);
    slow.onInput('S07', 2000);
    expect(slow.onIdle('S07', 2000 + WEDGE_IDLE_SUBMIT_MS)).toBeNull();
    const short = new WedgeReader();
    short.onInput('12', 0);
    expect(short.onIdle('12', WEDGE_IDLE_SUBMIT_MS)).toBeNull();
  });

  it('starts a new burst after the input was cleared', () => {
    const r = new WedgeReader();
    r.onInput('S0700001', 0);
    expect(r.onKey('Enter', 'S0700001', 5)).toEqual({ submit: 'S0700001' });
    r.onInput('', 6);
    r.onInput('4900000000013', 5000);
    expect(r.onIdle('4900000000013', 5000 + WEDGE_IDLE_SUBMIT_MS)).toEqual({ submit: '4900000000013' });
  });
});
