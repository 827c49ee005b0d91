/** A warehouse's times read in its own zone, whatever the zone of the machine showing them. */
import { describe, expect, it } from 'vitest';
import { DEFAULT_WAREHOUSE_TIME_ZONE, formatWarehouseTime, isKnownTimeZone, warehouseDay } from '../../../src/shared/domain/warehouse-time.js';

describe('warehouse time', () => {
  const instant = '2026-12-03T15:30:45.123Z';

  it.each([
    ['Asia/Tokyo', '2026-12-04 00:30'],
    ['Europe/Berlin', '2026-12-03 16:30'],
    ['America/Los_Angeles', '2026-12-03 07:30'],
    ['UTC', '2026-12-03 15:30'],
  ])('in %s the same instant reads %s', (zone, text) => {
    expect(formatWarehouseTime(instant, zone)).toBe(text);
  });

  it('takes a Date or epoch milliseconds, and shows seconds when asked', () => {
    expect(formatWarehouseTime(new Date(instant), 'Asia/Tokyo', { seconds: true })).toBe('2026-12-04 00:30:45');
    expect(formatWarehouseTime(Date.parse(instant), 'Asia/Tokyo')).toBe('2026-12-04 00:30');
  });

  it('midnight is 00, never 24', () => {
    expect(formatWarehouseTime('2026-12-03T15:00:00Z', 'Asia/Tokyo')).toBe('2026-12-04 00:00');
  });

  it.each([[null], [undefined], [''], ['not a time']])('%j is a dash', (value) => {
    expect(formatWarehouseTime(value, 'Asia/Tokyo')).toBe('—');
  });

  it('an unknown zone falls back to the default one rather than failing the page', () => {
    expect(formatWarehouseTime(instant, 'Mars/Olympus')).toBe(formatWarehouseTime(instant, DEFAULT_WAREHOUSE_TIME_ZONE));
  });

  it('knows IANA names and refuses others', () => {
    expect(DEFAULT_WAREHOUSE_TIME_ZONE).toBe('Asia/Tokyo');
    expect(isKnownTimeZone('Asia/Tokyo')).toBe(true);
    expect(isKnownTimeZone('Mars/Olympus')).toBe(false);
    expect(isKnownTimeZone('')).toBe(false);
  });

  it('the warehouse’s day is its own calendar day (a report of "today" in Tokyo)', () => {
    expect(warehouseDay(instant, 'Asia/Tokyo')).toBe('2026-12-04');
    expect(warehouseDay(instant, 'UTC')).toBe('2026-12-03');
  });
});
