/** The side menu: a bookmarked or typed hash opens its section; anything else opens the import. */
import { describe, expect, it } from 'vitest';
import { parcelHash, parcelIdFromHash, SECTIONS, sectionFromHash } from '../../src/console/section-menu.js';

describe('the section a hash opens', () => {
  it.each(SECTIONS.map(([id]) => id))('#%s opens its own section', (id) => {
    expect(sectionFromHash(`#${id}`)).toBe(id);
  });

  it.each(['', '#', '#unknown', '#Parcels', 'parcels?x'])('%j opens the import', (hash) => {
    expect(sectionFromHash(hash)).toBe('import');
  });

  it('every section has a Japanese and an English name, and no id repeats', () => {
    expect(new Set(SECTIONS.map(([id]) => id)).size).toBe(SECTIONS.length);
    for (const [, ja, en] of SECTIONS) expect([ja, en]).toEqual([expect.stringMatching(/\S/), expect.stringMatching(/\S/)]);
  });

  it.each(['S0000002', 'S 1/2#3', '出荷-1'])('a parcel page hash carries the shipment id %j there and back', (id) => {
    expect(sectionFromHash(parcelHash(id))).toBe('parcel');
    expect(parcelIdFromHash(parcelHash(id))).toBe(id);
  });

  it.each(['#parcel/', '#parcel', '#parcels', '#parcel/%E0%A4%A'])('%j is no parcel page', (hash) => {
    expect(parcelIdFromHash(hash)).toBeNull();
    expect(sectionFromHash(hash)).not.toBe('parcel');
  });
});
