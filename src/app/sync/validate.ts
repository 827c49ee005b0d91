/**
 * Server replies checked against the shared wire format. Loaded lazily by api.ts so zod stays out
 * of the main bundle (this chunk is precached by the service worker, so it also works offline). The
 * schemas are zod/mini: this chunk is ~9 kB gzip, ~8 of them zod's core. Take no value from
 * protocol/events.ts or push-request.ts here (types are fine): their schemas would come along.
 * The device's record checks (store/record-checks.ts) take the schemas they share with the replies
 * from here, so both load zod from this one chunk instead of splitting it into three.
 */
export { PUSH_MAX_BYTES, PUSH_MAX_EVENTS, STUCK_AFTER_ATTEMPTS, STUCK_AFTER_MS } from '../../shared/protocol/sync.js';
export { catalogueSchema } from '../../shared/domain/catalogue.js';
export { parcelSchema } from '../../shared/domain/parcel.js';
export { pickBatchSchema, pickSettingsSchema } from '../../shared/protocol/pick.js';
import { deviceInfoSchema, enrolResponseSchema, pullResponseSchema, rejectCodeSchema } from '../../shared/protocol/sync.js';

const REJECT_CODES: ReadonlySet<string> = new Set(rejectCodeSchema.options);

/** Parsers per endpoint; each throws on a reply that is not the wire format. */
export const parseReply = {
  enrol: (body: unknown) => enrolResponseSchema.parse(body),
  device: (body: unknown) => deviceInfoSchema.parse(body),
  pull: (body: unknown) => pullResponseSchema.parse(body),
  // Read result by result: an answer from a newer server must not make the whole reply unreadable.
  // The reader loads with the first push reply (a device that only pulls never needs it).
  push: async (body: unknown) => (await import('./read-results.js')).readPushResults(body, REJECT_CODES),
};
