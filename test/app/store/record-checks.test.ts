/** What the device checks before it sends a stored event: enough to send it and hear its answer. */
import { describe, expect, it } from 'vitest';
import { outboxEntryProblem } from '../../../src/app/store/record-checks.js';
import type { OutboxEntry } from '../../../src/app/store/schema.js';

const event = {
  id: '00000000-0000-4000-8000-000000000001',
  deviceSeq: 7,
  staffId: 'staff-1',
  at: '2026-11-24T09:00:00.000Z',
  type: 'parcel.packed',
  payload: { shipmentId: 'S1', startedAt: '2026-11-24T08:59:00.000Z', items: [{ productCode: 'P-TEA', qty: 1 }], insertCodes: [], giftCode: null, flags: [] },
};
const entry = (patch: Record<string, unknown>): OutboxEntry =>
  ({ id: event.id, deviceSeq: 7, subject: 'parcel:S1', event: { ...event, ...patch }, status: 'pending', recordedAt: event.at, syncedAt: null, rejection: null }) as unknown as OutboxEntry;

describe('outbox entry check', () => {
  it('lets a whole event through', () => {
    expect(outboxEntryProblem(entry({}))).toBeNull();
  });

  it.each([
    { damage: 'another id', patch: { id: '00000000-0000-4000-8000-0000000000ff' }, field: 'event.id' },
    { damage: 'a type this app never records', patch: { type: 'parcel.teleported' }, field: 'event.type' },
    { damage: 'another sequence number', patch: { deviceSeq: 8 }, field: 'event.deviceSeq' },
    { damage: 'no staff', patch: { staffId: '' }, field: 'event.staffId' },
    { damage: 'a time that is not one', patch: { at: 'yesterday' }, field: 'event.at' },
    { damage: 'no payload', patch: { payload: null }, field: 'event.payload' },
  ])('names $damage as the problem', ({ patch, field }) => {
    expect(outboxEntryProblem(entry(patch))).toMatch(new RegExp(`^${field.replace('.', '\\.')}:`));
  });

  it('names an entry whose event is not an object', () => {
    expect(outboxEntryProblem({ ...entry({}), event: 'gone' } as unknown as OutboxEntry)).toBe('event: not an object');
  });

  it('lets an entry with a retry record through, and one written before retry records existed', () => {
    const retried = { ...entry({}), attempts: 3, failingSince: event.at, lastReason: 'parcel row locked', retryAt: event.at, tooLarge: 2_000_000 } as OutboxEntry;
    expect(outboxEntryProblem(retried)).toBeNull();
    // A retry record an older or damaged app left odd is not a reason to refuse the event: it reads as "never failed".
    expect(outboxEntryProblem({ ...entry({}), attempts: 'many', retryAt: 12 } as unknown as OutboxEntry)).toBeNull();
  });
});
