/** How the console writes parcels, times and import reports for a supervisor. */
import { describe, expect, it } from 'vitest';
import { ageText, confirmImportLabel, flagsText, formatWhen, holdOrPackedText, PARCEL_STATUSES, recordsToWrite, STATUS_LABEL, stuckText } from '../../src/console/format.js';
import { parcelStatusSchema } from '../../src/shared/domain/parcel.js';
import type { ImportReport } from '../../src/shared/protocol/import.js';

const report = (imported: Record<string, number>, rejected = 0): ImportReport => ({ ok: rejected === 0, type: 'shipments', rows: 10, imported, rejected, errors: [], warnings: [] });

describe('parcels', () => {
  it('every parcel status has a chip and a name', () => {
    expect([...PARCEL_STATUSES].sort()).toEqual([...parcelStatusSchema.options].sort());
    for (const status of PARCEL_STATUSES) expect(STATUS_LABEL[status]).toMatch(/\S/);
  });

  it('flags are named in Japanese; an unknown one shows as sent', () => {
    expect(flagsText(['FIRST_PURCHASE', 'FIRST_RETURN'])).toBe('初回購入・初回返品');
    expect(flagsText(['SECOND_PURCHASE', 'VIP'])).toBe('2回目購入・VIP');
    expect(flagsText([])).toBe('');
  });

  it('a held parcel shows its reason; a packed one who packed it and the minute', () => {
    expect(holdOrPackedText({ status: 'held', holdReason: '欠品', packedBy: null, packedAt: null }, 'Asia/Tokyo')).toBe('欠品');
    // The minute in the warehouse's zone, not UTC and not the browser's: 05:06 UTC is 14:06 in Tokyo.
    expect(holdOrPackedText({ status: 'packed', holdReason: null, packedBy: '佐藤 美咲', packedAt: '2025-03-04T05:06:07.890Z' }, 'Asia/Tokyo')).toBe('佐藤 美咲 2025-03-04 14:06');
    expect(holdOrPackedText({ status: 'packed', holdReason: null, packedBy: '佐藤 美咲', packedAt: '2025-03-04T05:06:07.890Z' }, 'Europe/London')).toBe('佐藤 美咲 2025-03-04 05:06');
    expect(holdOrPackedText({ status: 'released', holdReason: null, packedBy: null, packedAt: null }, 'Asia/Tokyo')).toBe('');
  });

  it('a time reads in the warehouse’s zone with no ISO letters; without a value it is a dash', () => {
    expect(formatWhen(null, 'Asia/Tokyo')).toBe('—');
    expect(formatWhen('2025-03-04T20:06:07Z', 'Asia/Tokyo')).toBe('2025-03-05 05:06');
    expect(formatWhen('2025-03-04T20:06:07Z', 'America/New_York')).toBe('2025-03-04 15:06');
    expect(formatWhen('2025-03-04T20:06:07Z', 'Asia/Tokyo')).not.toMatch(/[TZ]/);
  });
});

describe('import previews', () => {
  it('counts what confirming would write: created, updated, held and released', () => {
    expect(recordsToWrite(report({ created: 3, updated: 2, unchanged: 7 }))).toBe(5);
    expect(recordsToWrite(report({ held: 1, released: 2 }))).toBe(3);
    expect(recordsToWrite(report({ unchanged: 4 }))).toBe(0);
  });

  it('the confirm button says when the rejected rows are left out', () => {
    expect(confirmImportLabel(report({ created: 3 }, 9))).toBe('エラーの 9 件を除いて取り込む / Import the rest');
    expect(confirmImportLabel(report({ created: 3 }))).toBe('取り込む / Import');
  });
});

describe('devices', () => {
  const stuck = { eventId: '00000000-0000-4000-8000-00000000beef', type: 'parcel.packed', recordedAt: '2026-11-24T09:00:00.000Z', attempts: 6, reason: 'parcel row locked', reportedAt: '2026-11-24T11:00:00.000Z' };

  it('a stuck device’s event names its type, id, age, attempts and the server’s reason', () => {
    expect(stuckText(stuck, Date.parse('2026-11-24T09:45:00.000Z'))).toBe('parcel.packed 00000000-0000-4000-8000-00000000beef · 45 分前 / 45 min ago · 6 回 / attempts · parcel row locked');
  });

  it('ages read in minutes, then hours, then days; an unknown time is a dash', () => {
    const at = Date.parse('2026-11-24T09:00:00.000Z');
    expect(ageText('2026-11-24T09:00:00.000Z', at + 3 * 3_600_000)).toBe('3 時間前 / 3 h ago');
    expect(ageText('2026-11-24T09:00:00.000Z', at + 72 * 3_600_000)).toBe('3 日前 / 3 days ago');
    expect(ageText(null, at)).toBe('—');
    expect(stuckText({ ...stuck, recordedAt: null, reason: '' }, at)).toBe('parcel.packed 00000000-0000-4000-8000-00000000beef · — · 6 回 / attempts');
  });
});
